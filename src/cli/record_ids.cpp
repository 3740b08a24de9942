#include "cli/record_ids.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/context.hpp"
#include "roll/text.hpp"

namespace roll::cli {

std::vector<std::string> record_names(const std::string& uid,
                                      const std::vector<std::string>& devices) {
  std::vector<std::string> out;
  for (const auto& d : devices) {
    std::size_t n = std::min<std::size_t>(8, d.size());
    for (const auto& other : devices) {
      if (other == d) continue;
      while (n < d.size() && other.compare(0, n, d, 0, n) == 0) ++n;
    }
    out.push_back(uid + "@" + d.substr(0, n));
  }
  return out;
}

namespace {

[[noreturn]] void ambiguous(std::string_view typed, const std::string& uid,
                            const std::vector<std::string>& devices) {
  std::string names;
  auto each = record_names(uid, devices);
  for (std::size_t i = 0; i < each.size(); ++i) {
    names += fmt::format("{}{}",
                         i == 0                 ? ""
                         : i + 1 == each.size() ? " or "
                                                : ", ",
                         sanitize(each[i]));
  }
  throw Failure(exit_usage,
                fmt::format("\"{}\" names the records of {} devices that share the id: name one "
                            "as {}",
                            sanitize(typed), devices.size(), names));
}

}  // namespace

NamedRecord resolve_record_id(
    std::string_view typed,
    const std::function<std::vector<std::string>(const std::string&)>& devices_of) {
  std::string id(typed);
  auto devices = devices_of(id);
  if (devices.size() == 1) return {id, devices.front()};
  if (devices.size() > 1) ambiguous(typed, id, devices);
  // UID@DEVICE: the last @, since a device's id (a UUID) holds none.
  auto at = id.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == id.size()) return {id, ""};
  std::string uid = id.substr(0, at);
  std::string prefix = id.substr(at + 1);
  std::vector<std::string> matching;
  for (auto& d : devices_of(uid))
    if (d.compare(0, prefix.size(), prefix) == 0) matching.push_back(std::move(d));
  if (matching.size() > 1) ambiguous(typed, uid, matching);
  return {uid, matching.empty() ? std::string() : matching.front()};
}

}  // namespace roll::cli

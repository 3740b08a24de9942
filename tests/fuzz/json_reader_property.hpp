#pragma once
// What must hold of the strict JSON reader (src/core/json_reader.hpp) for any bytes: shared by the
// libFuzzer target (fuzz_json_reader.cpp) and the replay of its regressions in the unit suite.
// An object or a reason, never both, never neither; what comes back is within the limits, valid
// UTF-8, with unique keys; and written out again as JSON it reads back to the same text.
#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "core/json_reader.hpp"
#include "roll/utf8.hpp"

namespace roll::test {

inline void write_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  out += '"';
}

inline void write_json(std::string& out, const json::Object& object) {
  out += '{';
  bool first = true;
  for (const auto& m : object) {
    if (!first) out += ',';
    first = false;
    write_json_string(out, m.key);
    out += ':';
    if (m.is_object) {
      write_json(out, m.object);
    } else if (std::holds_alternative<std::monostate>(m.value)) {
      out += "null";
    } else if (const bool* b = std::get_if<bool>(&m.value)) {
      out += *b ? "true" : "false";
    } else if (const auto* i = std::get_if<std::int64_t>(&m.value)) {
      out += std::to_string(*i);
    } else {
      write_json_string(out, std::get<std::string>(m.value));
    }
  }
  out += '}';
}

// What is wrong with the object read, or "".
inline std::string check_object(const json::Object& object, const json::Limits& limits, int depth) {
  if (depth > limits.max_depth) return "deeper than the limit";
  if (object.size() > limits.max_members) return "more members than the limit";
  std::set<std::string_view> keys;
  for (const auto& m : object) {
    if (!keys.insert(m.key).second) return "a key twice";
    if (!utf8::is_valid(m.key)) return "a key that is not UTF-8";
    if (m.is_object) {
      if (auto problem = check_object(m.object, limits, depth + 1); !problem.empty())
        return problem;
    } else if (const auto* s = std::get_if<std::string>(&m.value); s && !utf8::is_valid(*s)) {
      return "a string that is not UTF-8";
    }
  }
  return "";
}

// "" when every property holds for `text`, else which one failed.
inline std::string check_json_reader(std::string_view text) {
  for (json::Limits limits : {json::Limits{}, json::Limits{1, 3}, json::Limits{8, 1000}}) {
    auto parsed = json::parse_object(text, limits);
    if (parsed.object.has_value() == !parsed.error.empty()) return "an object and a reason";
    if (!parsed.object) {
      if (!parsed.error.starts_with("column ")) return "a reason without its column";
      continue;
    }
    if (auto problem = check_object(*parsed.object, limits, 1); !problem.empty()) return problem;
    std::string written;
    write_json(written, *parsed.object);
    auto again = json::parse_object(written, limits);
    if (!again.object) return "its own JSON refused: " + again.error;
    std::string rewritten;
    write_json(rewritten, *again.object);
    if (rewritten != written) return "not the same object when read again";
  }
  return "";
}

}  // namespace roll::test

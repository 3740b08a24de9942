#include "platform/told_once.hpp"

#include <string>

#include "platform/atomic_file.hpp"

namespace roll::platform {

namespace {

constexpr std::size_t kMaxBytes = 16 * 1024;

std::filesystem::path told_path(const Environment& env) {
  return env.state_home / "roll" / "told";
}

bool holds_line(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(pos, end - pos) == key) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

bool told_before(const Environment& env, std::string_view key) {
  auto text = read_private_file(told_path(env), kMaxBytes);
  return text && holds_line(*text, key);
}

void remember_told(const Environment& env, std::string_view key) {
  std::string text = read_private_file(told_path(env), kMaxBytes).value_or("");
  if (holds_line(text, key)) return;
  if (text.size() + key.size() + 1 > kMaxBytes) text.clear();
  text += std::string(key) + "\n";
  (void)write_private_file(told_path(env), text);
}

}  // namespace roll::platform

#include "cli/option_checks.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <variant>

#include "roll/text.hpp"

namespace roll::cli {

namespace {

// The number `text` holds, or the message for one that is not a number.
std::variant<double, std::string> parse_number(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || errno == ERANGE || !std::isfinite(value))
    return fmt::format("\"{}\" is not a number", sanitize(text));
  return value;
}

}  // namespace

std::string range_error(const NumberRange& range, const std::string& text) {
  auto parsed = parse_number(text);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  double value = std::get<double>(parsed);
  if (range.max && (value < range.min || value > *range.max))
    return fmt::format("{} is not between {} and {}", sanitize(text), range.min, *range.max);
  if (!range.max && value < range.min)
    return fmt::format("{} is not {} or more", sanitize(text), range.min);
  return {};
}

std::string describe(const NumberRange& range) {
  if (range.max) return fmt::format("{} to {}", range.min, *range.max);
  return fmt::format("{} or more", range.min);
}

}  // namespace roll::cli

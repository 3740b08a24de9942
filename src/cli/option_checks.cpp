#include "cli/option_checks.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
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

CLI::Validator between(double min, double max) {
  return {[=](std::string& text) -> std::string {
            auto parsed = parse_number(text);
            if (auto* error = std::get_if<std::string>(&parsed)) return *error;
            double value = std::get<double>(parsed);
            if (value < min || value > max)
              return fmt::format("{} is not between {} and {}", sanitize(text), min, max);
            return {};
          },
          fmt::format("{} to {}", min, max)};
}

CLI::Validator zero_or_more() {
  return {[](std::string& text) -> std::string {
            auto parsed = parse_number(text);
            if (auto* error = std::get_if<std::string>(&parsed)) return *error;
            if (std::get<double>(parsed) < 0)
              return fmt::format("{} is not 0 or more", sanitize(text));
            return {};
          },
          "0 or more"};
}

}  // namespace roll::cli

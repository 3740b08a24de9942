#include "cli/user_time.hpp"

#include <fmt/core.h>

#include "platform/wall_clock.hpp"
#include "roll/text.hpp"

namespace roll::cli {

SysSeconds now_or_fail(const Context& ctx) {
  if (!ctx.now) throw Failure(exit_usage, ctx.now_error);
  SysSeconds now = *ctx.now;
  if (!valid_unix_seconds(now.time_since_epoch().count()))
    throw Failure(exit_usage, fmt::format("ROLL_NOW {} is not a time in the years 1970-9999",
                                          now.time_since_epoch().count()));
  return now;
}

SysSeconds parse_user_time(const std::string& text, const char* option) {
  auto parsed = parse_time(text);
  if (!parsed) {
    throw Failure(exit_usage,
                  fmt::format("{} \"{}\" is not a date or time; write it like 2026-11-23 or "
                              "2026-11-23T21:30",
                              option, sanitize(text)));
  }
  return platform::to_sys(*parsed);
}

}  // namespace roll::cli

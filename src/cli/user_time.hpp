#pragma once
// The times a person gives roll: "now" (ROLL_NOW or the real time, read once at start-up) and the
// dates and times written in options, each a usage error (exit 2) when it is not a time.
#include <string>

#include "cli/context.hpp"
#include "roll/history.hpp"

namespace roll::cli {

// ROLL_NOW or the real time, as read at start-up; a bad ROLL_NOW is a usage error.
[[nodiscard]] SysSeconds now_or_fail(const Context& ctx);

// The local date `YYYY-MM-DD` or date-time as a UTC instant; exit 2 with an example otherwise.
[[nodiscard]] SysSeconds parse_user_time(const std::string& text, const char* option);

}  // namespace roll::cli

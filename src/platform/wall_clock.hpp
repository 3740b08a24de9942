#pragma once
// The wall clock and the local time zone for history, due, stats and injuries. ROLL_NOW (ISO 8601,
// e.g. 2026-11-23T21:30:00Z) replaces the real time so end-to-end tests of streaks and the
// 48-72 h windows do not depend on when they run. Read here and nowhere else.
#include <chrono>
#include <stdexcept>
#include <string_view>

#include "roll/history.hpp"

namespace roll::platform {

struct TimeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ROLL_NOW when set (throws TimeError if it does not parse), else the system clock.
[[nodiscard]] SysSeconds wall_now();
// The same from ROLL_NOW's value (nullptr when unset; empty counts as unset) and the system
// clock's reading, so a test builds "now" exactly as main does from a map of variables.
[[nodiscard]] SysSeconds wall_now_from(const char* roll_now, SysSeconds system_now);

// Through the process's time zone (TZ, /etc/localtime).
[[nodiscard]] LocalSeconds to_local(SysSeconds t);
[[nodiscard]] SysSeconds from_local(LocalSeconds t);

// A ParsedTime to UTC: with an offset as written, else as local time.
[[nodiscard]] SysSeconds to_sys(const ParsedTime& t);

}  // namespace roll::platform

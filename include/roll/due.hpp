#pragma once
// Whether today's session is done, read from the history: what `roll due`, the today view and the
// fifth-session warning decide. Pure: the history comes in through HistoryReader and the local
// time zone through TimeZone.
#include <optional>

#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/time_zone.hpp"

namespace roll {

// What `roll due` decides: a session that counts as done today, or else today's pain stop.
// Each session's day is read through the UTC offset it started at, exactly as gather_stats()
// reads it, so the two agree on every day_start across daylight-saving changes.
struct DueToday {
  bool done = false;
  std::optional<PainStop> pain_stop;
};
[[nodiscard]] DueToday due_today(HistoryReader& history, const TimeZone& zone, SysSeconds now,
                                 int day_start_hour);

// Sessions that count as done on the roll day holding `now`.
[[nodiscard]] int completed_on_roll_day(HistoryReader& history, const TimeZone& zone,
                                        SysSeconds now, int day_start_hour);

}  // namespace roll

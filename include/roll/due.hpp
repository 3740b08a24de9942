#pragma once
// Whether today's session is done, read from the history: what `roll due`, the today view and the
// fifth-session warning decide. Pure: the history comes in through HistoryReader and the local
// time zone through TimeZone.
#include <optional>
#include <string_view>
#include <vector>

#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/injury.hpp"
#include "roll/name_table.hpp"
#include "roll/time_zone.hpp"

namespace roll {

// Why a session is or is not due today: what `roll due` says, its exit status and the "reason"
// of `roll due --json` (docs/json.md). Only not_done is due. A reason added here goes into
// kDueReasonNames, into docs/schemas/due.schema.json and into `roll due`'s words.
enum class DueReason {
  not_done,   // due: nothing counts as done on today's roll day
  done,       // a session counts as done today
  pain_stop,  // today's session ended in a pain stop: a rest day
  injury,     // an open injury to the whole body under 48 h: no pressure anywhere
  // A condition in the profile not cleared (screening.hpp's held_reason): no session at all.
  // The profile's to say, not the history's, so due_today never gives it; `roll due` does.
  held,
  // A prescription runs and does not prescribe today (prescription_today.hpp): a rest day it set.
  // The prescription's to say, never due_today's.
  not_prescribed,
  // A prescription runs and safety excused its day beyond what due_today saw (a pain stop after
  // a completed session, an injury guarding the prescribed routine's zones).
  excused,
};

inline constexpr NameTable<DueReason, 7> kDueReasonNames{{
    {DueReason::not_done, "not-done"},
    {DueReason::done, "done"},
    {DueReason::pain_stop, "pain-stop"},
    {DueReason::injury, "injury"},
    {DueReason::held, "held"},
    {DueReason::not_prescribed, "not-prescribed"},
    {DueReason::excused, "excused"},
}};

[[nodiscard]] constexpr std::string_view to_string(DueReason reason) {
  return name_in(kDueReasonNames, reason);
}

// What `roll due` decides, in this order: a session that counts as done today, else today's pain
// stop, else an injury that keeps every step off the roller. Each session's day is read through
// the UTC offset it started at, exactly as gather_stats() reads it, so the two agree on every
// day_start across daylight-saving changes.
struct DueToday {
  DueReason reason = DueReason::not_done;
  bool done = false;                  // reason is done
  std::optional<PainStop> pain_stop;  // reason is pain_stop: today's
  std::optional<Injury> injury;       // reason is injury: the one whose 48 h end last
  [[nodiscard]] bool due() const { return reason == DueReason::not_done; }
};
[[nodiscard]] DueToday due_today(HistoryReader& history, const TimeZone& zone, SysSeconds now,
                                 int day_start_hour);

// Sessions that count as done on the roll day holding `now`.
[[nodiscard]] int completed_on_roll_day(HistoryReader& history, const TimeZone& zone,
                                        SysSeconds now, int day_start_hour);

// The same sessions, whole (names and ids), newest first: which session `roll due --json` names.
[[nodiscard]] std::vector<SessionRecord> done_on_roll_day(HistoryReader& history,
                                                          const TimeZone& zone, SysSeconds now,
                                                          int day_start_hour);

// When the roll day holding `now` ends and the next begins (at day_start on the local clock).
[[nodiscard]] SysSeconds roll_day_end(const TimeZone& zone, SysSeconds now, int day_start_hour);

// Whether the local clock is past midnight but before day_start, so that today's roll day is
// still the calendar day before.
[[nodiscard]] bool before_day_start(const TimeZone& zone, SysSeconds now, int day_start_hour);

}  // namespace roll

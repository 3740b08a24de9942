#pragma once
// What the history knows and what is computed from it: streaks, weekly totals, minutes per zone
// and the calendar heatmap (reading them from the history is stats.hpp and due.hpp). Pure: the
// caller passes "now" and local times in, so every rule here is tested without a clock or a
// database.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roll/session_log.hpp"

namespace roll {

using LocalSeconds = std::chrono::local_seconds;
using LocalDays = std::chrono::local_days;
using SysSeconds = std::chrono::sys_seconds;

// The latest time the history holds: 9999-12-31T23:59:59Z. Earlier than 1970 or later than this
// is a value roll did not write (the text forms and the calendar stop there).
inline constexpr std::int64_t kLatestUnixSeconds = 253402300799;
// Longer than any session roll runs (routines stop well short of a day); roll's own bound.
inline constexpr int kMaxSessionSeconds = 7 * 24 * 3600;
// UTC offsets in use run from -12:00 to +14:00; anything past 18 h is not an offset.
inline constexpr std::chrono::seconds kMaxUtcOffset{18 * 3600};

[[nodiscard]] constexpr bool valid_unix_seconds(std::int64_t s) {
  return s >= 0 && s <= kLatestUnixSeconds;
}

// One session as read back from the store. A row still marked running reads as unfinished.
struct SessionRecord {
  long long id = 0;    // this database's row number
  std::string uid;     // globally unique (UUID v7): what `roll history delete` and sync use
  std::string device;  // the device that made it
  std::string routine_name;
  std::string routine_title;
  SysSeconds started_at{};
  SysSeconds ended_at{};
  int planned_seconds = 0;
  int completed_seconds = 0;
  SessionStatus status = SessionStatus::unfinished;
  std::map<std::string, int> zone_seconds;
  // The part of a zone's seconds spent on the roller, for the zones where it was recorded: not
  // before roll kept it, nor for a session logged by hand with --minutes (how much of them was on
  // the roller is not known). Read it through roller_seconds_done().
  std::map<std::string, int> roller_seconds;
  std::vector<PressureReading> pressures;
  std::chrono::seconds utc_offset{0};  // east of UTC where and when it started
  SessionOrigin origin = SessionOrigin::live;
  std::vector<SkippedStep> skipped;
  std::vector<HoldChange> hold_changes;  // + and -, oldest first (no zone: the store keeps none)
  // "How does your back feel", 0 (as bad as it gets) to 10 (fine): the older question, kept as
  // stored. Never pain, never converted to it.
  std::optional<int> rating_before;
  std::optional<int> rating_after;
  // Pain on the 0-10 numeric rating scale: 0 no pain, 10 the worst imaginable (pain.hpp).
  std::optional<int> pain_before;
  std::optional<int> pain_after;
};

// The seconds a session spent on the roller, when every zone it holds has its roller time
// recorded; nothing when one has none ("not recorded": never a guess from zone_seconds, which
// counts movement off the roller too). A session with no zone and no time done spent none.
[[nodiscard]] std::optional<int> roller_seconds_done(const SessionRecord& r);

// A session that ended in a pain stop: a record of its own, and a rest day.
struct PainStop {
  std::string uid;
  std::string session_uid;
  SysSeconds at{};
  std::chrono::seconds utc_offset{0};
  std::string zone;  // under the roller at the stop; "" when none was
};

// Where the session started on the clock of the place it started (its stored UTC offset), so
// that `due`, `stats` and another machine in another zone all put it on the same day.
[[nodiscard]] inline LocalSeconds local_start(const SessionRecord& r) {
  return LocalSeconds{(r.started_at + r.utc_offset).time_since_epoch()};
}

// Only a completed session that was not a rehearsal satisfies `roll due` and keeps a streak.
[[nodiscard]] constexpr bool counts_as_done(SessionStatus status, SessionOrigin origin) {
  return status == SessionStatus::completed && origin != SessionOrigin::rehearsal;
}

// The roll day a session belongs to, the same for `due` and `stats`.
[[nodiscard]] LocalDays session_day(const SessionRecord& r, int day_start_hour);

// The roll day of a pain stop, on the clock of the place it happened, as for a session.
[[nodiscard]] LocalDays stop_day(const PainStop& p, int day_start_hour);

// The text form of a status back to the enum; unknown text reads as unfinished (never completed).
[[nodiscard]] SessionStatus parse_status(std::string_view text);

// The "roll day" a local time belongs to: a session at 01:30 with the day starting at 04:00
// counts for the evening before, so a late bedtime roll keeps the streak.
[[nodiscard]] LocalDays roll_day(LocalSeconds local, int day_start_hour);

struct Streaks {
  int current = 0;
  int longest = 0;
};

// The text form of an origin back to the enum; unknown text reads as live.
[[nodiscard]] SessionOrigin parse_origin(std::string_view text);

// `done`: days with a completed session, in order, each once (a sorted vector: at 100 years of
// nightly sessions a std::set of them was a sixth of what `roll stats` cost). `rest`: days an
// injury kept the user off the roller; they neither break a streak nor count towards it. Today
// not done yet does not break the current streak (the day is not over).
[[nodiscard]] Streaks compute_streaks(const std::vector<LocalDays>& done,
                                      const std::set<LocalDays>& rest, LocalDays today);

// Marks every roll day touched by [from, to) as a rest day: an injury's 72 h keep the user off
// the roller (or on it only gingerly) and must not cost them their streak.
void add_rest_days(std::set<LocalDays>& rest, LocalSeconds from, LocalSeconds to,
                   int day_start_hour);

// Totals are 64-bit: a session is at most a week long, but a week may hold any number of them,
// and a sum that overflowed would be undefined behaviour, not merely a wrong figure.
struct DayTotal {
  LocalDays day{};
  int sessions = 0;  // any status, for the heatmap's "tried" marks
  int completed = 0;
  std::int64_t seconds = 0;  // seconds actually rolled
  bool rest = false;
};

struct WeekTotal {
  LocalDays week_start{};  // Monday
  int sessions = 0;
  int completed = 0;
  std::int64_t seconds = 0;
};

struct Stats {
  Streaks streaks;
  int day_start_hour = 4;
  std::vector<WeekTotal> weeks;  // oldest first, `weeks` of them ending with this week
  std::vector<DayTotal> days;    // every day of those weeks, oldest first
  std::map<std::string, std::int64_t> zone_seconds;  // over those weeks, movement included
  // The part of zone_seconds on the roller, from the sessions that recorded it
  // (roller_seconds_done), and how many sessions of those weeks did not.
  std::map<std::string, std::int64_t> roller_seconds;
  int roller_not_recorded = 0;
  int total_sessions = 0;  // all time
  int total_completed = 0;
};

// A session before the stats window: all the whole-history figures (totals, streaks) need of it.
struct SessionMark {
  LocalSeconds local_start{};
  bool completed = false;
};

// `sessions` may be in any order; `local_starts[i]` is sessions[i]'s start in local time (the
// platform knows the time zone, the core does not). `earlier`, when given, holds the sessions
// older than those in `sessions` (which then need only cover the window): at 100 years of
// nightly sessions, full records for the whole history were most of what `roll stats` cost.
struct StatsInput {
  const std::vector<SessionRecord>* sessions = nullptr;
  const std::vector<SessionMark>* earlier = nullptr;
  std::set<LocalDays> rest_days;
  LocalSeconds now{};
  int day_start_hour = 4;
  int weeks = 12;
};

[[nodiscard]] Stats compute_stats(const StatsInput& input,
                                  const std::vector<LocalSeconds>& local_starts);

// ISO 8601 / RFC 3339 text forms: the one place each is written. Pure calendar arithmetic that
// reads no time zone: format_utc writes the instant in UTC, format_local a local time the
// TimeZone seam (or a stored UTC offset) already made. (Debian's fmt 9 formats a sys_time through
// localtime(), so fmt's chrono formatting is never used for a time.)
[[nodiscard]] std::string format_utc(SysSeconds t);      // 2026-11-23T21:30:00Z
[[nodiscard]] std::string format_local(LocalSeconds t);  // 2026-11-23 21:30
[[nodiscard]] std::string format_date(LocalDays d);      // 2026-11-23

// A point in time as a user or a test writes it: "2026-11-23", "2026-11-23 21:30",
// "2026-11-23T21:30:00", optionally followed by "Z" or "+01:00". Without an offset the time is
// local and `offset` is empty.
struct ParsedTime {
  LocalSeconds local{};
  std::optional<std::chrono::seconds> offset;  // east of UTC
};
[[nodiscard]] std::optional<ParsedTime> parse_time(std::string_view text);

// "21:30" -> minutes after midnight.
[[nodiscard]] std::optional<int> parse_clock(std::string_view text);

}  // namespace roll

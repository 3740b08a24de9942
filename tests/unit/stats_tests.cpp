// roll stats' figures gathered from the history (src/core/stats.cpp), against the in-memory
// history: streaks kept by injury and pain-stop rest days, what counts, sessions older than the
// window.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

#include "calendar.hpp"
#include "memory_history.hpp"
#include "roll/stats.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::FixedOffsetZone;
using roll::test::MemoryHistory;
using roll::test::utc;

namespace {

SessionRecord session(SysSeconds start, SessionStatus status = SessionStatus::completed) {
  SessionRecord r;
  r.routine_name = "beginner";
  r.started_at = start;
  r.ended_at = start + minutes{10};
  r.planned_seconds = r.completed_seconds = 600;
  r.status = status;
  r.zone_seconds = {{"thoracic", 600}};
  return r;
}

// Evening sessions on the 20th to the 22nd of November 2026, and on the 26th.
void three_days_then_a_gap(MemoryHistory& history) {
  for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-26"})
    history.add(session(utc(std::string(day) + "T20:00:00Z")));
}

const FixedOffsetZone kUtc;
const SysSeconds kNow = utc("2026-11-26T21:00:00Z");

}  // namespace

TEST_CASE("stats: a gap breaks the streak") {
  MemoryHistory history;
  three_days_then_a_gap(history);
  Stats st = gather_stats(history, kUtc, kNow, 4, 2);
  CHECK(st.streaks.current == 1);
  CHECK(st.streaks.longest == 3);
  CHECK(st.total_sessions == 4);
  CHECK(st.total_completed == 4);
  CHECK(st.zone_seconds.at("thoracic") == 4 * 600);
}

TEST_CASE("stats: an injury's 72 h are rest days that keep the streak") {
  MemoryHistory history;
  three_days_then_a_gap(history);
  Injury injury;
  injury.zone = Zone::thoracic;
  injury.at = utc("2026-11-23T09:00:00Z");  // rest through the 26th's 09:00: 23rd to 26th
  history.add(injury);
  Stats st = gather_stats(history, kUtc, kNow, 4, 2);
  CHECK(st.streaks.current == 4);
  CHECK(st.streaks.longest == 4);
  // A cleared injury rested the back all the same.
  MemoryHistory cleared;
  three_days_then_a_gap(cleared);
  injury.cleared = true;
  cleared.add(injury);
  CHECK(gather_stats(cleared, kUtc, kNow, 4, 2).streaks.current == 4);
  auto rest = injury_rest_days({injury}, kUtc, 4);
  CHECK(rest.size() == 4);
  CHECK(rest.contains(roll_day(kUtc.to_local(utc("2026-11-25T12:00:00Z")), 4)));
}

TEST_CASE("stats: a pain stop's day is a rest day") {
  MemoryHistory history;
  history.add(session(utc("2026-11-24T20:00:00Z")));
  history.add(session(utc("2026-11-25T20:00:00Z"), SessionStatus::pain_stop));
  history.add(PainStop{"p", "s", utc("2026-11-25T20:05:00Z"), seconds{0}, "thoracic"});
  history.add(session(utc("2026-11-26T20:00:00Z")));
  Stats st = gather_stats(history, kUtc, kNow, 4, 1);
  CHECK(st.streaks.current == 2);
  CHECK(st.total_sessions == 3);
  CHECK(st.total_completed == 2);
}

TEST_CASE("stats: a skipped-through session neither counts nor keeps the streak") {
  MemoryHistory history;
  history.add(session(utc("2026-11-24T20:00:00Z")));
  history.add(session(utc("2026-11-25T20:00:00Z"), SessionStatus::partial));
  history.add(session(utc("2026-11-26T20:00:00Z")));
  Stats st = gather_stats(history, kUtc, kNow, 4, 1);
  CHECK(st.streaks.current == 1);
  CHECK(st.total_sessions == 3);
  CHECK(st.total_completed == 2);
  auto tried = std::find_if(st.days.begin(), st.days.end(), [](const DayTotal& d) {
    return d.day == roll_day(kUtc.to_local(utc("2026-11-25T20:00:00Z")), 4);
  });
  REQUIRE(tried != st.days.end());
  CHECK(tried->sessions == 1);
  CHECK(tried->completed == 0);
}

TEST_CASE("stats: with day_start 4 a 01:30 session keeps the evening before's streak") {
  MemoryHistory history;
  history.add(session(utc("2026-11-24T20:00:00Z")));
  history.add(session(utc("2026-11-26T01:30:00Z")));  // the 25th's, late
  history.add(session(utc("2026-11-26T20:00:00Z")));
  CHECK(gather_stats(history, kUtc, kNow, 4, 1).streaks.current == 3);
  CHECK(gather_stats(history, kUtc, kNow, 0, 1).streaks.current == 1);
}

TEST_CASE("stats: sessions before the window count in the totals and the longest streak") {
  MemoryHistory history;
  for (int d = 1; d <= 5; ++d)
    history.add(session(utc("2026-09-01T20:00:00Z") + days{d}));  // months before the window
  history.add(session(utc("2026-11-26T20:00:00Z")));
  Stats st = gather_stats(history, kUtc, kNow, 4, 1);
  CHECK(st.total_sessions == 6);
  CHECK(st.total_completed == 6);
  CHECK(st.streaks.longest == 5);
  CHECK(st.streaks.current == 1);
  CHECK(st.weeks.size() == 1);
  CHECK(st.zone_seconds.at("thoracic") == 600);  // only this week's
}

TEST_CASE("stats: minutes on the roller from the sessions that recorded it, the others counted") {
  MemoryHistory history;
  auto live = session(utc("2026-11-25T20:00:00Z"));
  live.zone_seconds = {{"full-body", 60}, {"thoracic", 300}};
  live.roller_seconds = {{"full-body", 0}, {"thoracic", 180}};
  history.add(live);
  // From before roll kept it: its 600 s on the thoracic zone are not 600 s on the roller.
  history.add(session(utc("2026-11-26T20:00:00Z")));
  Stats st = gather_stats(history, kUtc, kNow, 4, 2);
  CHECK(st.zone_seconds.at("thoracic") == 900);
  CHECK(st.roller_seconds.at("thoracic") == 180);
  CHECK(st.roller_seconds.at("full-body") == 0);
  CHECK(st.roller_not_recorded == 1);
  // A session with no zone and no time done spent none on the roller; one with time but no
  // zones is not recorded either.
  SessionRecord empty = session(utc("2026-11-26T08:00:00Z"), SessionStatus::quit);
  empty.zone_seconds.clear();
  empty.completed_seconds = 0;
  CHECK(roller_seconds_done(empty) == 0);
  empty.completed_seconds = 30;
  CHECK_FALSE(roller_seconds_done(empty));
}

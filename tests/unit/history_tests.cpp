// The history's arithmetic (src/core/history.cpp): roll days, streaks, rest days, stats and the
// text forms of times. Pure logic, fixed times.
#include <doctest/doctest.h>

#include "calendar.hpp"
#include "memory_history.hpp"
#include "roll/history.hpp"
#include "skip.hpp"
#include "test_zone.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::at;
using roll::test::on;
using roll::test::utc;

TEST_CASE("a session after midnight counts for the evening before, until the day-start hour") {
  CHECK(roll_day(at(2026, 11, 24, 1, 30), 4) == on(2026, 11, 23));
  CHECK(roll_day(at(2026, 11, 24, 3, 59), 4) == on(2026, 11, 23));
  CHECK(roll_day(at(2026, 11, 24, 4, 0), 4) == on(2026, 11, 24));
  CHECK(roll_day(at(2026, 11, 24, 1, 30), 0) == on(2026, 11, 24));
}

TEST_CASE("a pain stop's day is read on the clock where it happened, as a session's is") {
  PainStop stop;
  stop.at = utc(2026, 11, 24, 2, 30);  // 03:30 in a zone one hour east of UTC
  stop.utc_offset = hours{1};
  CHECK(stop_day(stop, 4) == on(2026, 11, 23));
  CHECK(stop_day(stop, 3) == on(2026, 11, 24));
  stop.utc_offset = hours{-5};  // 21:30 the evening before, five hours west
  CHECK(stop_day(stop, 0) == on(2026, 11, 23));
}

TEST_CASE("streaks") {
  std::set<LocalDays> rest;
  SUBCASE("consecutive days, today done") {
    std::vector<LocalDays> done{on(2026, 11, 21), on(2026, 11, 22), on(2026, 11, 23)};
    auto s = compute_streaks(done, rest, on(2026, 11, 23));
    CHECK(s.current == 3);
    CHECK(s.longest == 3);
  }
  SUBCASE("today not done yet does not break the streak; yesterday missed does") {
    std::vector<LocalDays> done{on(2026, 11, 21), on(2026, 11, 22)};
    CHECK(compute_streaks(done, rest, on(2026, 11, 23)).current == 2);
    CHECK(compute_streaks(done, rest, on(2026, 11, 24)).current == 0);
    CHECK(compute_streaks(done, rest, on(2026, 11, 24)).longest == 2);
  }
  SUBCASE("a gap breaks, the longest run is kept") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2),  on(2026, 11, 3),
                                on(2026, 11, 4), on(2026, 11, 10), on(2026, 11, 11)};
    auto s = compute_streaks(done, rest, on(2026, 11, 11));
    CHECK(s.current == 2);
    CHECK(s.longest == 4);
  }
  SUBCASE("injury rest days bridge a gap without counting") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2), on(2026, 11, 6)};
    rest = {on(2026, 11, 3), on(2026, 11, 4), on(2026, 11, 5)};
    auto s = compute_streaks(done, rest, on(2026, 11, 6));
    CHECK(s.current == 3);
    CHECK(s.longest == 3);
    // Only part of the gap covered: broken.
    rest.erase(on(2026, 11, 5));
    CHECK(compute_streaks(done, rest, on(2026, 11, 6)).current == 1);
  }
  SUBCASE("resting now keeps the streak alive") {
    std::vector<LocalDays> done{on(2026, 11, 1), on(2026, 11, 2)};
    rest = {on(2026, 11, 3), on(2026, 11, 4)};
    CHECK(compute_streaks(done, rest, on(2026, 11, 4)).current == 2);
    CHECK(compute_streaks(done, rest, on(2026, 11, 5)).current == 2);  // the 5th is still open
    CHECK(compute_streaks(done, rest, on(2026, 11, 6)).current == 0);
  }
  SUBCASE("nothing") {
    auto s = compute_streaks({}, rest, on(2026, 11, 6));
    CHECK(s.current == 0);
    CHECK(s.longest == 0);
  }
}

TEST_CASE("injury rest days cover every roll day the 72 h touch") {
  std::set<LocalDays> rest;
  add_rest_days(rest, at(2026, 11, 23, 2, 0), at(2026, 11, 23, 2, 0) + hours{72}, 4);
  // 02:00 on the 23rd belongs to the 22nd; 72 h later is 02:00 on the 26th, the 25th's roll day.
  CHECK(rest == std::set<LocalDays>{on(2026, 11, 22), on(2026, 11, 23), on(2026, 11, 24),
                                    on(2026, 11, 25)});
}

namespace {

// Sessions for compute_stats, with their local starts beside them as `roll stats` passes them.
struct History {
  std::vector<SessionRecord> sessions;
  std::vector<LocalSeconds> local;
  // Every second of a session is on the thoracic spine.
  void add(LocalSeconds start, SessionStatus status, int secs) {
    SessionRecord r;
    r.started_at = SysSeconds{start.time_since_epoch()};
    r.status = status;
    r.completed_seconds = secs;
    r.zone_seconds["thoracic"] = secs;
    sessions.push_back(r);
    local.push_back(start);
  }
};

}  // namespace

TEST_CASE("stats: streaks across the day-start hour, weekly totals and zone minutes") {
  History h;
  // Mon 16th 22:00, Tue 17th at 01:30 (counts for the 16th: same day), Wed 18th 00:30 (the 17th),
  // Wed 18th 21:00, and a quit on Thu 19th.
  h.add(at(2026, 11, 16, 22), SessionStatus::completed, 300);
  h.add(at(2026, 11, 17, 1, 30), SessionStatus::completed, 300);
  h.add(at(2026, 11, 18, 0, 30), SessionStatus::completed, 600);
  h.add(at(2026, 11, 18, 21), SessionStatus::completed, 300);
  h.add(at(2026, 11, 19, 21), SessionStatus::quit, 60);
  StatsInput in;
  in.sessions = &h.sessions;
  in.now = at(2026, 11, 19, 23);
  in.day_start_hour = 4;
  in.weeks = 2;
  auto st = compute_stats(in, h.local);
  CHECK(st.streaks.current == 3);  // 16, 17, 18; the 19th is open
  CHECK(st.streaks.longest == 3);
  CHECK(st.total_sessions == 5);
  CHECK(st.total_completed == 4);
  REQUIRE(st.weeks.size() == 2);
  CHECK(st.weeks[0].week_start == on(2026, 11, 9));
  CHECK(st.weeks[1].week_start == on(2026, 11, 16));
  CHECK(st.weeks[1].completed == 4);
  CHECK(st.weeks[1].sessions == 5);
  CHECK(st.weeks[1].seconds == 1560);
  CHECK(st.zone_seconds["thoracic"] == 1560);
  REQUIRE(st.days.size() == 14);
  CHECK(st.days[7].completed == 2);  // Monday the 16th
  CHECK(st.days[10].sessions == 1);
  CHECK(st.days[10].completed == 0);

  // With day start at midnight the 01:30 session is Tuesday's and the 00:30 one Wednesday's.
  in.day_start_hour = 0;
  st = compute_stats(in, h.local);
  CHECK(st.days[7].completed == 1);
  CHECK(st.days[8].completed == 1);
  CHECK(st.days[9].completed == 2);
}

TEST_CASE("stats: sessions before the window count from their marks alone") {
  // The same history as above, split where `roll stats` splits it: the two oldest as marks.
  History window;
  window.add(at(2026, 11, 18, 21), SessionStatus::completed, 300);
  window.add(at(2026, 11, 19, 21), SessionStatus::quit, 60);
  std::vector<SessionMark> earlier = {{at(2026, 11, 16, 22), true},
                                      {at(2026, 11, 17, 1, 30), true},
                                      {at(2026, 11, 18, 0, 30), true},
                                      {at(2026, 10, 1, 20), false}};
  StatsInput in;
  in.sessions = &window.sessions;
  in.earlier = &earlier;
  in.now = at(2026, 11, 19, 23);
  in.weeks = 2;
  auto st = compute_stats(in, window.local);
  CHECK(st.streaks.current == 3);  // 16 and 17 from the marks, 18 from the window
  CHECK(st.streaks.longest == 3);
  CHECK(st.total_sessions == 6);
  CHECK(st.total_completed == 4);
  // Marks add nothing to the window's day and week totals: those come from full records.
  CHECK(st.weeks[1].sessions == 2);
  CHECK(st.weeks[1].seconds == 360);
}

TEST_CASE("parse_time and parse_clock") {
  auto t = parse_time("2026-11-23T21:30:00Z");
  REQUIRE(t);
  CHECK(t->local == at(2026, 11, 23, 21, 30));
  CHECK(t->offset == seconds{0});
  t = parse_time("2026-11-23 08:15");
  REQUIRE(t);
  CHECK_FALSE(t->offset);
  t = parse_time("2026-11-23T08:15+01:00");
  REQUIRE(t);
  CHECK(t->offset == seconds{3600});
  CHECK(parse_time("2026-11-23")->local == at(2026, 11, 23, 0));
  CHECK_FALSE(parse_time("2026-02-30"));
  CHECK_FALSE(parse_time("yesterday"));
  CHECK_FALSE(parse_time("2026-11-23T25:00"));
  CHECK(parse_clock("21:30") == 21 * 60 + 30);
  CHECK(parse_clock("9:05") == 9 * 60 + 5);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("21h30"));
  CHECK(format_utc(utc(2026, 11, 23, 21, 30)) == "2026-11-23T21:30:00Z");
  CHECK(format_local(at(2026, 11, 23, 21, 30)) == "2026-11-23 21:30");
}

TEST_CASE("the text forms of times read no time zone: one instant, the same text in every zone") {
  ROLL_SKIP_UNLESS(roll::test::zone_database_installed(), "no zone database (tzdata)");
  const SysSeconds start = utc(2026, 11, 23, 20, 30);
  for (const auto& zone : roll::test::kZoneCases) {
    CAPTURE(zone.tz);
    roll::test::ScopedProcessZone process(zone.tz);  // what fmt's chrono formatting would read
    CHECK(format_utc(start) == roll::test::kZoneStart);
    long minutes = roll::test::c_library_offset_minutes(zone.tz);
    roll::test::FixedOffsetZone local{std::chrono::minutes{minutes}};
    CHECK(format_local(local.to_local(start)) == zone.start);
    CHECK(format_date(roll_day(local.to_local(start), 4)) == zone.day);
  }
}

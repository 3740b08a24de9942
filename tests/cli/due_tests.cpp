// `roll due`, in process, with ROLL_NOW fixing the wall clock: what counts as done, rest days and
// days across daylight saving (TZ, which the in-process runner sets for each run).
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "run_in_process.hpp"
#include "skip.hpp"

using roll::test::has;
using roll::test::kLocalNow;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::seed_history;
using roll::test::TempDir;

TEST_CASE("roll due: 0 when nothing is completed today, 1 when something is, 2 on error") {
  // Local times in the run's zone: the roll day is the same in every zone.
  TempDir home;
  auto r = roll_at(home, kLocalNow, {"due"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "Due"));
  auto quiet = roll_at(home, kLocalNow, {"due", "--quiet"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());

  seed_history(home, "bedtime 2026-11-23T10:00:00 quit 60\n");
  CHECK(roll_at(home, kLocalNow, {"due", "-q"}).exit_code == 0);  // quitting does not count
  seed_history(home, "bedtime 2026-11-23T20:00:00 completed 300\n");
  r = roll_at(home, kLocalNow, {"due"});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "Done for today"));
  // 02:00 the next morning is still the same roll day; 05:00 is a new one.
  CHECK(roll_at(home, "2026-11-24T02:00:00", {"due", "-q"}).exit_code == 1);
  CHECK(roll_at(home, "2026-11-24T05:00:00", {"due", "-q"}).exit_code == 0);

  CHECK(roll_at(home, "not-a-time", {"due"}).exit_code == 2);
}

TEST_CASE("partial does not satisfy due or a streak, completed does") {
  TempDir home;
  seed_history(home, "bedtime 2026-11-23T20:00:00Z partial 30\n");
  auto due = roll_now(home, {"due"});
  CHECK(due.exit_code == 0);
  auto stats = roll_now(home, {"stats", "--json"}).out;
  CHECK(has(stats, "\"total_sessions\" : 1"));
  CHECK(has(stats, "\"total_completed\" : 0"));
  CHECK(has(roll_now(home, {"history"}).out, "partial"));
  seed_history(home, "bedtime 2026-11-23T20:30:00Z completed 300\n");
  CHECK(roll_now(home, {"due", "-q"}).exit_code == 1);
}

TEST_CASE("a day that ended in a pain stop is a rest day: nothing due, the streak holds") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-20T21:00:00Z completed 300\n"
               "bedtime 2026-11-21T21:00:00Z pain-stop 40 lumbar=40\n"
               "bedtime 2026-11-22T21:00:00Z completed 300\n"
               "bedtime 2026-11-23T20:00:00Z pain-stop 30 thoracic=30\n");
  auto due = roll_now(home, {"due"});
  CHECK(due.exit_code == 1);
  CHECK(has(due.out, "Rest day"));
  CHECK(has(due.out, "pain stop"));
  CHECK(has(due.out, "thoracic"));
  auto stats = roll_now(home, {"stats", "--json"}).out;
  CHECK(has(stats, "\"current_streak\" : 2"));
  CHECK(has(stats, "\"longest_streak\" : 2"));
  // The next day is an ordinary day again.
  CHECK(roll_at(home, "2026-11-24T21:00:00Z", {"due", "-q"}).exit_code == 0);
}

TEST_CASE("the issue's case: New York, day_start 01:00, a session at 01:30 EDT on fall-back day") {
  ROLL_SKIP_UNLESS(std::filesystem::exists("/usr/share/zoneinfo/America/New_York"),
                   "no tzdata (/usr/share/zoneinfo/America/New_York)");
  // 1 Nov 2026: 01:30 EDT is 05:30Z; clocks go back at 06:00Z. At every day_start hour, `due`
  // and `stats` say the same about the day that holds the session (day_start is 00:00-12:00).
  for (int hour = 0; hour <= 12; ++hour) {
    TempDir home;
    home.write("config/roll/config.toml", fmt::format("day_start = \"{:02}:00\"\n", hour));
    seed_history(home, "bedtime 2026-11-01T05:30:00Z completed 300\n", "America/New_York");
    std::map<std::string, std::string> ny{{"TZ", "America/New_York"}};
    auto due = roll_at(home, "2026-11-01T05:40:00Z", {"due", "-q"}, ny);
    auto stats = roll_at(home, "2026-11-01T05:40:00Z", {"stats", "--json", "--weeks", "1"}, ny);
    CAPTURE(hour);
    CHECK(due.exit_code == 1);
    CHECK(has(stats.out, "\"current_streak\" : 1"));
  }
}

TEST_CASE("roll due --json: due, with the streak and what to start") {
  TempDir home;
  seed_history(home, "bedtime 2026-11-22T21:00:00 completed 300 thoracic=180\n");
  auto r = roll_at(home, kLocalNow, {"due", "--json"});
  CHECK(r.exit_code == 0);
  for (const char* key :
       {"\"version\" : 1", "\"due\" : true", "\"reason\" : \"not-done\"",
        "\"date\" : \"2026-11-23\"", "\"day_start_hour\" : 4", "\"before_day_start\" : false",
        "\"completed_today\" : 0", "\"current\" : 1", "\"command\" : \"roll session "}) {
    CAPTURE(key);
    CHECK(has(r.out, key));
  }
  CHECK_FALSE(has(r.out, "\"session\""));
}

TEST_CASE("roll due --json: done, with the session, and before day_start it is still that day") {
  TempDir home;
  seed_history(home, "bedtime 2026-11-23T22:00:00 completed 300 thoracic=180\n");
  auto r = roll_at(home, "2026-11-23T23:00:00", {"due", "--json"});
  CHECK(r.exit_code == 1);
  for (const char* key : {"\"due\" : false", "\"reason\" : \"done\"", "\"completed_today\" : 1",
                          "\"routine\" : \"bedtime\"", "\"origin\" : \"live\"",
                          "\"before_day_start\" : false", "\"current\" : 1"}) {
    CAPTURE(key);
    CHECK(has(r.out, key));
  }
  CHECK_FALSE(has(r.out, "\"suggestion\""));
  // 01:30 on the 24th: the 23rd's roll day runs until 04:00.
  r = roll_at(home, "2026-11-24T01:30:00", {"due", "--json"});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "\"before_day_start\" : true"));
  CHECK(has(r.out, "\"date\" : \"2026-11-23\""));
  CHECK(has(r.out, "\"reason\" : \"done\""));
  auto text = roll_at(home, "2026-11-24T01:30:00", {"due"});
  CHECK(has(text.out, "Until 04:00 (day_start) today is still 2026-11-23"));
  CHECK(roll_at(home, "2026-11-24T04:30:00", {"due", "--json"}).exit_code == 0);
}

TEST_CASE("roll due --json: a rest day after a pain stop") {
  TempDir home;
  seed_history(home, "bedtime 2026-11-23T20:00:00Z pain-stop 30 thoracic=30\n");
  auto r = roll_now(home, {"due", "--json"});
  CHECK(r.exit_code == 1);
  CHECK(has(r.out, "\"reason\" : \"pain-stop\""));
  CHECK(has(r.out, "\"zone\" : \"thoracic\""));
  CHECK(has(r.out, "\"pain_stop\""));
}

TEST_CASE("roll due: an injury to the whole body under 48 h keeps anything from being due") {
  TempDir home;
  REQUIRE(roll_now(home, {"injury", "add", "full-body", "--hours-ago", "5", "--note", "a fall"})
              .exit_code == 0);
  auto r = roll_now(home, {"due", "--json"});
  CHECK(r.exit_code == 1);
  for (const char* key : {"\"due\" : false", "\"reason\" : \"injury\"", "\"zone\" : \"full-body\"",
                          "\"hours_remaining\" : 43", "\"note\" : \"a fall\""}) {
    CAPTURE(key);
    CHECK(has(r.out, key));
  }
  auto text = roll_now(home, {"due"});
  CHECK(text.exit_code == 1);
  CHECK(has(text.out, "Not due: an injury to the whole body 5 h ago"));
  CHECK(has(text.out, "43 h more"));
  CHECK(roll_now(home, {"due", "--quiet"}).exit_code == 1);
  // 48 h on, the session asks whether the acute pain has subsided: due again.
  CHECK(roll_at(home, "2026-11-25T17:00:00Z", {"due", "-q"}).exit_code == 0);
}

TEST_CASE("roll due: an injury to one zone leaves the day due (the session keeps off it)") {
  TempDir home;
  REQUIRE(roll_now(home, {"injury", "add", "thoracic", "--hours-ago", "5"}).exit_code == 0);
  auto r = roll_now(home, {"due", "--json"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "\"reason\" : \"not-done\""));
}

TEST_CASE("roll due: --json and --quiet do not go together") {
  TempDir home;
  auto r = roll_now(home, {"due", "--json", "--quiet"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(has(r.err, "--quiet"));
}

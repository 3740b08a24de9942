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

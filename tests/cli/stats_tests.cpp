// `roll stats`, in process, on seeded histories with ROLL_NOW fixing the wall clock: streaks,
// rest days, and the charts within the width.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "pictures.hpp"
#include "run_in_process.hpp"

using roll::test::eight_weeks;
using roll::test::has;
using roll::test::kLocalNow;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::seed_history;
using roll::test::TempDir;
using roll::test::widest_line;

TEST_CASE("roll stats --json: streaks count a session after midnight for the night before") {
  TempDir home;
  // Nightly from the 17th; the 20th's session happened at 01:30 on the 21st; nothing tonight yet.
  // Local times in the run's zone: the days are the same in every zone.
  seed_history(home,
               "bedtime 2026-11-10T21:00:00 completed 300\n"
               "bedtime 2026-11-17T21:00:00 completed 300 thoracic=300\n"
               "bedtime 2026-11-18T21:00:00 completed 300 thoracic=300\n"
               "bedtime 2026-11-19T21:00:00 completed 300 glutes=300\n"
               "bedtime 2026-11-21T01:30:00 completed 600 thoracic=600\n"
               "bedtime 2026-11-21T21:00:00 completed 300\n"
               "bedtime 2026-11-22T21:00:00 quit 60\n");
  auto r = roll_at(home, kLocalNow, {"stats", "--json"});
  CHECK(r.exit_code == 0);
  // 17, 18, 19, 20 (01:30 on the 21st), 21; the 22nd was quit: broken.
  CHECK(has(r.out, "\"current_streak\" : 0"));
  CHECK(has(r.out, "\"longest_streak\" : 5"));
  CHECK(has(r.out, "\"total_sessions\" : 7"));

  // Without the late-night rule (day starts at midnight) the 20th is empty and the run is shorter.
  home.write("config/roll/config.toml", "day_start = \"00:00\"\n");
  auto midnight = roll_at(home, kLocalNow, {"stats", "--json"});
  CHECK(has(midnight.out, "\"longest_streak\" : 3"));
  CHECK(has(midnight.out, "\"day_start_hour\" : 0"));
}

TEST_CASE("roll stats: days an injury kept the user off the roller do not break the streak") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-18T21:00:00Z completed 300\n"
               "bedtime 2026-11-19T21:00:00Z completed 300\n"
               "bedtime 2026-11-23T20:00:00Z completed 300\n");
  CHECK(has(roll_now(home, {"stats", "--json"}).out, "\"current_streak\" : 1"));
  // Hurt on the 20th at 08:00: the 20th, 21st, 22nd (and the 23rd's early hours) are rest days.
  auto add = roll_now(home, {"injury", "add", "lumbar", "--at", "2026-11-20T08:00:00Z"});
  CHECK(add.exit_code == 0);
  auto r = roll_now(home, {"stats", "--json"});
  CHECK(has(r.out, "\"current_streak\" : 3"));
  CHECK(has(r.out, "\"longest_streak\" : 3"));
  auto text = roll_now(home, {"stats", "--weeks", "2"});
  CHECK(text.exit_code == 0);
  CHECK(has(text.out, "Current streak: 3 days"));
  CHECK(has(text.out, "Mon "));
  CHECK(has(text.out, "+"));
  CHECK_FALSE(has(text.out, "\x1b"));
}

TEST_CASE(
    "roll stats draws weeks, ratings, pressure and pain stops within the width, piped plain") {
  TempDir home;
  seed_history(home, eight_weeks());
  for (const char* width : {"80", "50"}) {
    CAPTURE(width);
    auto r = roll_now(home, {"stats", "--weeks", "8"}, {{"COLUMNS", width}});
    CHECK(r.exit_code == 0);
    CHECK(widest_line(r.out) <= static_cast<std::size_t>(std::atoi(width)));
    CHECK_FALSE(has(r.out, "\x1b"));
    for (const char* part : {"Current streak", "Mon ", "Minutes per week", "Minutes per zone",
                             "before and after", "Pressure readings per zone", "Pain stops", "█",
                             "○", "●", "thoracic", "pain stop", "highest"}) {
      CAPTURE(part);
      CHECK(has(r.out, part));
    }
  }
  // Colour is a second signal: the same text with the escapes taken out.
  auto plain = roll_now(home, {"stats", "--weeks", "8"}, {{"COLUMNS", "80"}});
  auto coloured =
      roll_now(home, {"stats", "--weeks", "8", "--color", "always"}, {{"COLUMNS", "80"}});
  CHECK(has(coloured.out, "\x1b["));
  std::string stripped;
  for (std::size_t i = 0; i < coloured.out.size(); ++i) {
    if (coloured.out[i] == '\x1b') {
      while (i < coloured.out.size() && coloured.out[i] != 'm') ++i;
      continue;
    }
    stripped += coloured.out[i];
  }
  CHECK(stripped == plain.out);
}

TEST_CASE("roll stats with an empty and a one-session history") {
  TempDir home;
  auto empty = roll_now(home, {"stats"}, {{"COLUMNS", "80"}});
  CHECK(empty.exit_code == 0);
  CHECK(has(empty.out, "Current streak: 0 days"));
  CHECK(has(empty.out, "No ratings yet"));
  CHECK(has(empty.out, "No pressure readings yet"));
  CHECK(has(empty.out, "None in these weeks."));
  CHECK(widest_line(empty.out) <= 80);
  seed_history(home,
               "bedtime 2026-11-23T20:00:00Z completed 300 thoracic=300 before=4 after=7 "
               "pressure=thoracic:6\n");
  auto one = roll_now(home, {"stats"}, {{"COLUMNS", "80"}});
  CHECK(one.exit_code == 0);
  CHECK(has(one.out, "5 min, 1 done"));
  CHECK(has(one.out, "in the 1 session rated both before and after: 4.0 before, 7.0 after"));
  CHECK(has(one.out, "avg 6.0, highest 6, 1 reading"));
  CHECK(widest_line(one.out) <= 80);
}

TEST_CASE("the first week of stats: dated columns, no empty weeks before, pairs compared") {
  TempDir home;
  // Five sessions in the suite's week; one rated both times, two rated once.
  seed_history(home,
               "beginner 2026-11-19T20:00:00 completed 300 thoracic=300 before=4\n"
               "beginner 2026-11-20T20:00:00 completed 300 thoracic=300 after=9\n"
               "beginner 2026-11-21T20:00:00 completed 300 thoracic=300 before=5 after=7\n"
               "beginner 2026-11-22T20:00:00 completed 300 thoracic=300\n"
               "beginner 2026-11-23T20:00:00 completed 300 thoracic=300\n");
  auto r = roll_at(home, roll::test::kLocalNow, {"stats"}, {{"COLUMNS", "80"}});
  REQUIRE(r.exit_code == 0);
  auto lines = roll::test::lines_of(r.out);
  // The calendar: the Monday of each shown week above its column, from the first session's week.
  auto mon = std::find_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.starts_with("Mon "); });
  REQUIRE(mon != lines.end());
  REQUIRE(mon != lines.begin());
  CHECK(*(mon - 1) == "    Nov 16");
  // The weeks' bars start at the first session: two rows, not twelve.
  CHECK(has(r.out, "2026-11-16"));
  CHECK_FALSE(has(r.out, "2026-11-09"));
  CHECK_FALSE(has(r.out, "0 min, 0 done"));
  CHECK(has(r.out, "in the 1 session rated both before and after: 5.0 before, 7.0 after"));
  CHECK(has(r.out, "2 sessions rated only once, not compared"));
}

TEST_CASE("roll stats --json carries the ratings, pressures and pain stops") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-22T20:00:00Z completed 300 thoracic=300 before=4 after=7 "
               "pressure=thoracic:6 pressure=thoracic:8\n"
               "bedtime 2026-11-23T20:00:00Z pain-stop 60 glutes=60\n");
  auto r = roll_now(home, {"stats", "--json"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "\"ratings\" : ["));
  CHECK(has(r.out, "\"before\" : 4"));
  CHECK(has(r.out, "\"after\" : 7"));
  CHECK(has(r.out, "\"started_at\" : \"2026-11-22T20:00:00Z\""));
  CHECK(has(r.out, "\"highest\" : 8"));
  CHECK(has(r.out, "\"average\" : 7.0"));
  CHECK(has(r.out, "\"pain_stops\" : ["));
  CHECK(has(r.out, "\"zone\" : \"glutes\""));
  CHECK(has(r.out, "\"version\" : 1"));
}

TEST_CASE("roll stats: pain before and after, compared within a session, a rise of 2 flagged") {
  TempDir home;
  seed_history(home,
               "bedtime 2026-11-21T20:00:00Z completed 300 thoracic=300 pain_before=3 "
               "pain_after=5\n"
               "desk 2026-11-22T20:00:00Z completed 300 thoracic=300 pain_before=4 pain_after=2 "
               "before=6 after=8\n"
               "bedtime 2026-11-23T08:00:00Z completed 300 thoracic=300 pain_after=7\n");
  auto text = roll_now(home, {"stats"});
  REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  CHECK(has(text.out, "Pain before and after (0 no pain, 10 the worst imaginable)"));
  CHECK(has(text.out, "2 sessions with pain before and after: on average +0.0 points after."));
  CHECK(
      has(text.out, "Flagged, pain up after the session (a rise of 2 points or more: roll's own"));
  CHECK(has(text.out, "bedtime  pain 3 -> 5"));
  CHECK(has(text.out, "How your back felt before and after (older scale: 10 fine, not pain)"));
  auto json = roll_now(home, {"stats", "--json"});
  REQUIRE(json.exit_code == 0);
  CHECK(has(json.out, "\"pain\" : ["));
  CHECK(has(json.out, "\"rise_flagged\" : true"));
  CHECK(has(json.out, "\"change\" : -2"));
  // The older scale stays in "ratings", pain never there.
  CHECK(has(json.out, "\"before\" : 6"));
}

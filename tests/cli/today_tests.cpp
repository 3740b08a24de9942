// Bare `roll` (the today view, issue 18), in process, on seeded histories.
#include <doctest/doctest.h>

#include "run_in_process.hpp"

using roll::test::has;
using roll::test::roll_at;
using roll::test::seed_history;
using roll::test::TempDir;

namespace {

// Local times in the run's zone, as the seeded sessions below: the time of day and the roll day
// are the same in every zone.
constexpr const char* kAfternoon = "2026-11-23T15:00:00";
constexpr const char* kEvening = "2026-11-23T21:00:00";

}  // namespace

TEST_CASE("bare roll: due, with a routine for the level and the time of day") {
  TempDir home;
  auto r = roll_at(home, kAfternoon, {});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "2026-11-23: due: no session completed today yet"));
  CHECK(has(r.out, "streak: 0 days"));
  CHECK(has(r.out, "suggested: beginner"));
  CHECK(has(r.out, "start it: roll session beginner"));
  CHECK(has(r.out, "step up after 10 clean completed sessions over 14 days"));
  CHECK(r.err.empty());

  auto evening = roll_at(home, kEvening, {});
  CHECK(has(evening.out, "suggested: bedtime (in the evening: a bedtime routine"));

  home.write("config/roll/config.toml", "level = \"intermediate\"\nworkout_time = \"16:30\"\n");
  auto workout = roll_at(home, kAfternoon, {});
  CHECK(has(workout.out, "suggested: warm-up (before your 16:30 workout"));
  CHECK(has(workout.out, "start it: roll session warm-up"));

  // --help is still the help, with every command.
  auto help = roll_at(home, kAfternoon, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "suggest"));
  CHECK(has(help.out, "Examples:"));
}

TEST_CASE("bare roll: done today, a pain stop's rest day, an open injury") {
  TempDir done;
  seed_history(done,
               "beginner 2026-11-23T09:00:00 completed 300 thoracic=180\n"
               "beginner 2026-11-22T09:00:00 completed 300 thoracic=180\n");
  auto r = roll_at(done, kAfternoon, {});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "done for today: a session is completed"));
  CHECK(has(r.out, "streak: 2 days"));
  CHECK_FALSE(has(r.out, "suggested:"));

  TempDir stopped;
  seed_history(stopped, "thoracic 2026-11-23T09:00:00 pain-stop 40 thoracic=40\n");
  // What the session records beside the pain stop: the zone held like a fresh injury.
  REQUIRE(roll_at(stopped, kAfternoon,
                  {"injury", "add", "thoracic", "--hours-ago", "6", "--note",
                   "pain stop in \"Rib roll\" (thoracic)"})
              .exit_code == 0);
  r = roll_at(stopped, kAfternoon, {});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "rest day"));
  CHECK(has(r.out, "limits today: pain stop on the thoracic 6 h ago"));
  CHECK_FALSE(has(r.out, "suggested:"));

  TempDir injured;
  REQUIRE(roll_at(injured, kAfternoon, {"injury", "add", "lats", "--hours-ago", "3"}).exit_code ==
          0);
  r = roll_at(injured, kAfternoon, {});
  CHECK(has(r.out, "limits today: injury to the lats 3 h ago: no pressure on it or next to it"));
  CHECK(has(r.out, "suggested: nothing"));  // every beginner routine presses the lats or beside
}

TEST_CASE("bare roll: an injury to the whole body under 48 h is a rest day, as for roll due") {
  TempDir hurt;
  REQUIRE(roll_at(hurt, kAfternoon, {"injury", "add", "full-body", "--hours-ago", "5"}).exit_code ==
          0);
  auto r = roll_at(hurt, kAfternoon, {});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "rest day: an injury to the whole body keeps every step off the roller"));
  CHECK_FALSE(has(r.out, "pain stop"));
  CHECK_FALSE(has(r.out, "suggested:"));
  r = roll_at(hurt, kAfternoon, {"--json"});
  CHECK(has(r.out, "\"state\" : \"rest\""));
  CHECK(roll_at(hurt, kAfternoon, {"due", "--quiet"}).exit_code == 1);
}

TEST_CASE("roll --json: today as a versioned object") {
  TempDir home;
  seed_history(home, "beginner 2026-11-22T09:00:00 completed 300 thoracic=180\n");
  auto r = roll_at(home, kAfternoon, {"--json"});
  CHECK(r.exit_code == 0);
  for (const char* key :
       {"\"version\" : 1", "\"state\" : \"due\"", "\"date\" : \"2026-11-23\"", "\"current\" : 1",
        "\"routine\" : \"mid-back-extension\"", "\"command\" : \"roll session mid-back-extension\"",
        "\"level\" : \"beginner\"", "\"suggested\" : false"}) {
    CAPTURE(key);
    CHECK(has(r.out, key));
  }
  // Before a command it means nothing: said, not ignored.
  auto wrong = roll_at(home, kAfternoon, {"--json", "list"});
  CHECK(wrong.exit_code == 2);
}

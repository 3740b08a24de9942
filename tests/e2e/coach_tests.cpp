// The coach through the built binary (issue 18): bare `roll` (today) on seeded histories, `roll
// level`, the fifth session's warning and the before/after ratings.
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_roll.hpp"

using roll::test::Result;
using roll::test::Run;
using roll::test::run_roll;
using roll::test::TempDir;

namespace {

constexpr const char* kAfternoon = "2026-11-23T15:00:00Z";
constexpr const char* kEvening = "2026-11-23T21:00:00Z";

void seed(const TempDir& home, const std::string& lines) {
  auto input = home.write("seed.txt", lines);
  auto db = home.path() / "data" / "roll" / "history.sqlite3";
  std::string cmd = fmt::format("'{}' '{}' < '{}'", ROLL_SEED_BINARY, db.string(), input.string());
  REQUIRE(std::system(cmd.c_str()) == 0);
}

Result roll_at(const TempDir& home, const char* now, std::vector<std::string> args) {
  return run_roll(home, Run{std::move(args), {{"ROLL_NOW", now}}, ""});
}

// One 30 s hold: at --speed 1000 a session of it takes milliseconds, not the bundled routines'
// half second.
std::string short_routine(const TempDir& home) {
  return home
      .write("short.toml",
             "schema = 1\nname = \"short\"\ntitle = \"Short\"\n\n[[step]]\nname = \"Shoulder "
             "hold\"\nzone = \"shoulders\"\nseconds = 30\ncue = \"Rest the shoulder on the "
             "roller.\"\n")
      .string();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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
  seed(done,
       "beginner 2026-11-23T09:00:00Z completed 300 thoracic=180\n"
       "beginner 2026-11-22T09:00:00Z completed 300 thoracic=180\n");
  auto r = roll_at(done, kAfternoon, {});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "done for today: a session is completed"));
  CHECK(has(r.out, "streak: 2 days"));
  CHECK_FALSE(has(r.out, "suggested:"));

  TempDir stopped;
  seed(stopped, "thoracic 2026-11-23T09:00:00Z pain-stop 40 thoracic=40\n");
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

TEST_CASE("roll --json: today as a versioned object") {
  TempDir home;
  seed(home, "beginner 2026-11-22T09:00:00Z completed 300 thoracic=180\n");
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

TEST_CASE(
    "roll level: the step up after ten clean sessions over two weeks, and setting the level") {
  TempDir home;
  std::string lines;
  for (int d = 1; d <= 9; ++d) {
    lines += fmt::format("beginner 2026-11-{:02}T09:00:00Z completed 300 thoracic=180\n", d * 2);
  }
  seed(home, lines);
  auto r = roll_at(home, kAfternoon, {"level"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "level: beginner"));
  CHECK(has(r.out, "step up: not suggested: 9 of 10 completed sessions"));
  seed(home, "beginner 2026-11-21T09:00:00Z completed 300 thoracic=180\n");
  r = roll_at(home, kAfternoon, {"level"});
  CHECK(has(r.out, "step up: suggested: 10 completed sessions over 22 days"));
  CHECK(has(roll_at(home, kAfternoon, {}).out, "step up: 10 completed sessions"));

  // A pain stop starts the count over.
  seed(home, "thoracic 2026-11-22T09:00:00Z pain-stop 40 thoracic=40\n");
  r = roll_at(home, kAfternoon, {"level"});
  CHECK(has(r.out, "step up: not suggested: 0 of 10"));
  CHECK(has(r.out, "since a pain stop on 2026-11-22"));

  // Only the level line changes; the rest of the file is the user's.
  std::string profile =
      "# mine\nroller = \"soft\" # blue\nlevel = \"beginner\"  # for now\n[conditions]\n"
      "osteoporosis = false\n";
  auto file = home.write("config/roll/config.toml", profile);
  r = roll_at(home, kAfternoon, {"level", "intermediate"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(has(r.out, "level: intermediate (was beginner)"));
  CHECK(roll::test::slurp(file) ==
        "# mine\nroller = \"soft\" # blue\nlevel = \"intermediate\"  # for now\n[conditions]\n"
        "osteoporosis = false\n");
  CHECK(has(roll_at(home, kAfternoon, {"level"}).out, "level: intermediate"));
  CHECK(roll_at(home, kAfternoon, {"level", "expert"}).exit_code == 2);

  TempDir fresh;  // no config.toml yet: one is written
  REQUIRE(roll_at(fresh, kAfternoon, {"level", "advanced"}).exit_code == 0);
  CHECK(roll::test::slurp(fresh.path() / "config" / "roll" / "config.toml") ==
        "level = \"advanced\"\n");
}

TEST_CASE("a fifth session on one day is warned about and plain mode goes on") {
  TempDir home;
  std::string routine = short_routine(home);
  std::string lines;
  for (int h = 8; h < 12; ++h) {
    lines += fmt::format("beginner 2026-11-23T{:02}:00:00Z completed 300 thoracic=180\n", h);
  }
  seed(home, lines.substr(0, lines.rfind("beginner")));  // three
  auto fourth = roll_at(home, kAfternoon, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(fourth.exit_code == 0);
  CHECK_FALSE(has(fourth.err, "warning: this would be session"));
  seed(home, lines.substr(lines.rfind("beginner")));  // the fourth
  auto fifth = roll_at(home, kAfternoon, {"session", routine, "--plain", "--speed", "1000"});
  CHECK(fifth.exit_code == 0);
  CHECK(has(fifth.err, "roll: warning: this would be session 5 today"));
  CHECK(has(fifth.err, "1-4 times per day"));
  CHECK(has(fifth.out, "Session complete"));
  auto events = roll_at(home, kAfternoon, {"session", routine, "--events", "--speed", "1000"});
  CHECK(events.exit_code == 0);
  CHECK(has(events.err, "this would be session 5 today"));
}

TEST_CASE("ratings: --before and --after are stored and shown in roll history") {
  TempDir home;
  std::string routine = short_routine(home);
  auto r = roll_at(home, kAfternoon,
                   {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal", "--before",
                    "3", "--after", "10"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto json = roll_at(home, kAfternoon, {"history", "--json"});
  CHECK(has(json.out, "\"rating_before\" : 3"));
  CHECK(has(json.out, "\"rating_after\" : 10"));
  auto text = roll_at(home, kAfternoon, {"history"});
  CHECK(has(text.out, "back 3 -> 10 /10"));

  auto only_after = roll_at(
      home, kAfternoon,
      {"session", routine, "--plain", "--speed", "1000", "--log-rehearsal", "--after", "0"});
  REQUIRE(only_after.exit_code == 0);
  CHECK(has(roll_at(home, kAfternoon, {"history"}).out, "back - -> 0 /10"));

  // A session that is not recorded has nowhere to keep them: said, not silently dropped.
  auto unlogged = roll_at(home, kAfternoon,
                          {"session", routine, "--plain", "--speed", "1000", "--before", "5"});
  CHECK(unlogged.exit_code == 0);
  CHECK(has(unlogged.err, "--before/--after: not kept"));

  for (const char* bad : {"11", "-1", "4.5", "x"}) {
    CAPTURE(bad);
    auto b = roll_at(home, kAfternoon, {"session", routine, "--plain", "--before", bad});
    CHECK(b.exit_code == 2);
  }
}

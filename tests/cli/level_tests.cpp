// `roll level`, in process, on seeded histories (issue 18).
#include <doctest/doctest.h>
#include <fmt/core.h>

#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::roll_at;
using roll::test::seed_history;
using roll::test::TempDir;

namespace {

constexpr const char* kAfternoon = "2026-11-23T15:00:00Z";

}  // namespace

TEST_CASE(
    "roll level: the step up after ten clean sessions over two weeks, and setting the level") {
  TempDir home;
  std::string lines;
  for (int d = 1; d <= 9; ++d) {
    lines += fmt::format("beginner 2026-11-{:02}T09:00:00Z completed 300 thoracic=180\n", d * 2);
  }
  seed_history(home, lines);
  auto r = roll_at(home, kAfternoon, {"level"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "level: beginner"));
  CHECK(has(r.out, "step up: not suggested: 9 of 10 completed sessions"));
  seed_history(home, "beginner 2026-11-21T09:00:00Z completed 300 thoracic=180\n");
  r = roll_at(home, kAfternoon, {"level"});
  CHECK(has(r.out, "step up: suggested: 10 completed sessions over 22 days"));
  CHECK(has(roll_at(home, kAfternoon, {}).out, "step up: 10 completed sessions"));

  // A pain stop starts the count over.
  seed_history(home, "thoracic 2026-11-22T09:00:00Z pain-stop 40 thoracic=40\n");
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

TEST_CASE(
    "roll level --help credits \"gradually build time and frequency\" to the second article") {
  TempDir home;
  auto r = roll::test::run_cli(home, {"level", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "the second article's\n\"gradually build time and frequency\""));
  CHECK_FALSE(has(r.out, "first article"));
}

TEST_CASE("roll level and bare roll: a step up under a clinician's prescription asks them first") {
  TempDir home;
  std::string lines;
  for (int d = 1; d <= 10; ++d) {
    lines += fmt::format("beginner 2026-11-{:02}T09:00:00Z completed 300 thoracic=180\n", d * 2);
  }
  seed_history(home, lines);
  std::string example =
      roll::test::source_path("docs/examples/thoracic-4-weeks.prescription.toml").string();
  // The example prescribes a beginner's work from 2 to 29 November.
  REQUIRE(roll_at(home, "2026-11-01T18:00:00", {"prescription", "add", example}).exit_code == 0);
  const char* now = "2026-11-23T15:00:00";
  auto today = roll_at(home, now, {});
  CHECK(has(today.out, "step up: 10 completed sessions over 22 days"));
  CHECK(has(today.out, "ask Dr. Ana Moreno whether to step up before `roll level intermediate`"));
  CHECK_FALSE(has(today.out, "try a longer session"));
  auto json = roll_at(home, now, {"--json"});
  CHECK(has(json.out, "\"ask_clinician\" : true"));
  CHECK(has(json.out, "\"prescribed_level\" : \"beginner\""));
  auto level = roll_at(home, now, {"level"});
  CHECK(has(level.out, "step up: ask your clinician first: 10 completed sessions over 22 days"));
  CHECK(has(level.out, "ask Dr. Ana Moreno whether to step up"));

  // Setting the level is the user's call: roll warns, then does it.
  auto set = roll_at(home, now, {"level", "intermediate"});
  CHECK_MESSAGE(set.exit_code == 0, set.err);
  CHECK(has(set.err, "Dr. Ana Moreno's prescription is for a beginner"));
  CHECK(has(set.out, "level: intermediate (was beginner)"));
  REQUIRE(roll_at(home, now, {"level", "beginner"}).exit_code == 0);
  CHECK_FALSE(has(roll_at(home, now, {"level", "beginner"}).err, "prescription"));

  // Ended three days ago: still the clinician's (roll's own 14 days).
  REQUIRE(roll_at(home, "2026-11-20T12:00:00", {"prescription", "end"}).exit_code == 0);
  CHECK(has(roll_at(home, now, {}).out, "ask Dr. Ana Moreno whether to step up"));
  // More than 14 days after it ended: roll's own suggestion again.
  auto later = roll_at(home, "2026-12-05T15:00:00", {"--json"});
  CHECK(has(later.out, "\"ask_clinician\" : false"));
  CHECK_FALSE(has(later.out, "prescribed_level"));
}

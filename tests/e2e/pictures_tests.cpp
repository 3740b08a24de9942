// roll stats on a pseudo-terminal that is not UTF-8, through the built binary on a seeded
// history (roll_seed_history) with ROLL_NOW fixing the wall clock. The rest of stats's charts
// and roll report run in process: tests/cli/stats_tests.cpp, tests/cli/report_tests.cpp.
#include <doctest/doctest.h>

#include "pictures.hpp"
#include "run_roll.hpp"

using roll::test::eight_weeks;
using roll::test::has;
using roll::test::Run;
using roll::test::run_roll_on_terminal;
using roll::test::seed_history;
using roll::test::TempDir;
using roll::test::widest_line;

namespace {

constexpr const char* kNow = "2026-11-23T21:00:00Z";  // a Monday evening

}  // namespace

TEST_CASE("roll stats on a terminal that is not UTF-8 draws in ASCII") {
  TempDir home;
  seed_history(home, eight_weeks());
  auto r = run_roll_on_terminal(
      home, Run{{"stats", "--color", "never"},
                {{"ROLL_NOW", kNow}, {"LANG", "C"}, {"LC_ALL", ""}, {"COLUMNS", "60"}},
                ""});
  CHECK(r.exit_code == 0);
  for (unsigned char c : r.out) {
    CHECK(c < 0x80);
    if (c >= 0x80) break;
  }
  CHECK(widest_line(r.out) <= 60);
  CHECK(has(r.out, "#"));
  CHECK(has(r.out, "o before"));
}

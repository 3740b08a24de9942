// `roll explain`, in process.
#include <doctest/doctest.h>

#include "run_in_process.hpp"

using roll::test::has;
using roll::test::run_cli;
using roll::test::TempDir;

TEST_CASE("roll explain prints the rationale, the passage and examples") {
  TempDir home;
  auto r = run_cli(home, {"explain", "no-lumbar"});
  CHECK(r.exit_code == 0);
  CHECK(has(r.out, "no-lumbar (error"));
  CHECK(has(r.out, "lower back"));
  CHECK(has(r.out, "Bad\n"));
  CHECK(has(r.out, "Good\n"));
  auto typo = run_cli(home, {"explain", "no-lumbr"});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err, "did you mean `no-lumbar`?"));
}

TEST_CASE("roll explain says what name-zone reads, and which numbers are roll's own") {
  TempDir home;
  auto name = run_cli(home, {"explain", "name-zone"});
  CHECK(name.exit_code == 0);
  CHECK(has(name.out, "name-zone (error, safety rule: never silenced)"));
  CHECK(has(name.out, "reads only the `name`"));
  CHECK(has(name.out, "never reads cues"));
  auto injury = run_cli(home, {"explain", "injury-wait"});
  CHECK(has(injury.out, "Neighbours an injury also guards (roll's own reading"));
  CHECK(has(injury.out, "  lumbar: thoracic, glutes, hips\n"));
  for (const char* rule : {"breath-hold", "slow-tempo", "rep-range", "beginner-spot"}) {
    CAPTURE(rule);
    CHECK(has(run_cli(home, {"explain", rule}).out, "roll's own reading"));
  }
}

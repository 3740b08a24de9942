// `roll rules`, in process.
#include <doctest/doctest.h>

#include <string>

#include "run_in_process.hpp"

using roll::test::has;
using roll::test::run_cli;
using roll::test::TempDir;

TEST_CASE("roll rules lists every rule, also as JSON") {
  TempDir home;
  auto r = run_cli(home, {"rules"});
  CHECK(r.exit_code == 0);
  for (const char* name :
       {"no-lumbar", "no-neck", "no-joints", "pressure-zone", "name-zone", "intensity-cap",
        "injury-wait", "slow-tempo", "two-minute-zone", "lat-per-side", "move-after",
        "beginner-spot", "beginner-length", "beginner-roller", "session-length", "rep-range",
        "breath-hold", "unknown-pose"}) {
    CAPTURE(name);
    CHECK(has(r.out, std::string("\n") + name + " "));
  }
  auto json = run_cli(home, {"rules", "--json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.starts_with("{"));
  CHECK(has(json.out, "\"rules\" : ["));
  CHECK(has(json.out, "\"severity\" : \"error\""));
}

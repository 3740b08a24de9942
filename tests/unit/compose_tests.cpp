// roll suggest's composer (issue 18): for every zone, a routine that presses no forbidden or
// injured zone, lasts within 10% of the minutes asked for, and passes the linter untouched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_routines.hpp"
#include "roll/compose.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"

using namespace roll;

namespace {}  // namespace

TEST_CASE("every zone: no forbidden or injured zone, within 10%, lint-clean, loads back") {
  auto routines = roll::test::bundled_routines();
  for (Level level : {Level::beginner, Level::intermediate, Level::advanced}) {
    for (Zone zone : all_zones()) {
      for (int minutes = kComposeMinMinutes; minutes <= compose_max_minutes(level); ++minutes) {
        CAPTURE(zone_name(zone));
        CAPTURE(to_string(level));
        CAPTURE(minutes);
        ComposeRequest request{zone, minutes, level, Roller::medium, "", {}};
        auto result = compose_routine(request, routines);
        if (surrounding_zones(zone).zones.empty()) {
          CHECK(!result.routine);
          CHECK(!result.error.empty());
          continue;
        }
        REQUIRE_MESSAGE(result.routine, result.error);
        const Routine& r = *result.routine;
        for (const Step& s : r.steps) {
          if (on_roller(s)) CHECK(!is_forbidden_zone(*s.zone));
        }
        CHECK(r.steps.back().kind == StepKind::movement);
        CHECK(r.steps.back().total_seconds() == 180);
        auto total = std::chrono::duration_cast<std::chrono::seconds>(make_plan(r).total).count();
        CHECK(total * 10 >= minutes * 60 * 9);
        CHECK(total * 10 <= minutes * 60 * 11);
        std::string text = routine_to_toml(r, result.notes);
        std::string file = r.name + ".toml";
        auto loaded = load_routine(text, file);
        REQUIRE(loaded.routine);
        CHECK(loaded.diagnostics.empty());
        for (const auto& d : lint_routine(*loaded.routine, file)) {
          CHECK_MESSAGE(false, d.rule << ": " << d.message);
        }
      }
    }
  }
}

TEST_CASE("an open injury takes its zone and its neighbours out") {
  Injury injury;
  injury.zone = Zone::glutes;
  ComposeRequest request{Zone::lumbar, 8, Level::intermediate, Roller::medium, "", {injury}};
  auto result = compose_routine(request, roll::test::bundled_routines());
  REQUIRE_MESSAGE(result.routine, result.error);
  for (const Step& s : result.routine->steps) {
    if (on_roller(s)) CHECK(!guards(Zone::glutes, *s.zone));
  }
}

// The 48-72 h rule (src/core/injury.cpp): what an injury refuses or asks, and which zones it
// guards. Pure logic, fixed times.
#include <doctest/doctest.h>

#include "calendar.hpp"
#include "roll/history.hpp"
#include "roll/injury.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono;
using roll::test::at;
using roll::test::utc;

using roll::test::routine_pressing;

TEST_CASE("the 48-72 h rule") {
  SysSeconds now = utc(2026, 11, 23, 20);
  std::vector<Injury> injuries{{1, Zone::lumbar, now - hours{10}, "", false}};
  SUBCASE("10 h: refused, on the zone's neighbours too") {
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.guard == Guard::refuse);
    CHECK(hours_ceil(f.remaining) == 38);
    CHECK(f.pressed == Zone::glutes);
  }
  SUBCASE("60 h: ask whether the acute pain has subsided") {
    injuries[0].at = now - hours{60};
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.guard == Guard::ask);
    CHECK(hours_ceil(f.remaining) == 12);
  }
  SUBCASE("80 h: still open, asked, and a yes clears it (it never lapses by itself)") {
    injuries[0].at = now - hours{80};
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard ==
          Guard::ask_to_clear);
    injuries[0].at = now - hours{24 * 365};
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard ==
          Guard::ask_to_clear);
  }
  SUBCASE("a routine asking for a longer rest extends the ask window") {
    injuries[0].at = now - hours{80};
    auto r = routine_pressing(Zone::glutes);
    r.resume_after_injury_hours = 96;
    CHECK(check_injuries(r, injuries, now).guard == Guard::ask);
  }
  SUBCASE("far zones, steps off the roller and cleared injuries are not guarded") {
    CHECK(check_injuries(routine_pressing(Zone::calves), injuries, now).guard == Guard::none);
    auto r = routine_pressing(Zone::glutes);
    r.steps[0].kind = StepKind::movement;
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
    r.steps[0].kind = StepKind::stretch;
    r.steps[0].on_roller_key = false;
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
    injuries[0].cleared = true;
    CHECK(check_injuries(routine_pressing(Zone::glutes), injuries, now).guard == Guard::none);
  }
  SUBCASE("a stretch or a rest on the roller presses its zone like a hold") {
    // Where the roller is, not what the step is called (on_roller()): a stretch lying on the
    // roller over the glutes is pressure on an injured neighbour.
    auto r = routine_pressing(Zone::glutes);
    r.steps[0].kind = StepKind::stretch;
    CHECK(check_injuries(r, injuries, now).guard == Guard::refuse);
    r.steps[0].kind = StepKind::rest;
    CHECK(check_injuries(r, injuries, now).guard == Guard::refuse);
    r.steps[0].zone.reset();  // a rest without a zone is on the floor
    CHECK(check_injuries(r, injuries, now).guard == Guard::none);
  }
  SUBCASE("the strictest injury wins") {
    injuries.push_back({2, Zone::glutes, now - hours{1}, "", false});
    auto f = check_injuries(routine_pressing(Zone::glutes), injuries, now);
    CHECK(f.injury->id == 2);
    CHECK(hours_ceil(f.remaining) == 47);
  }
  CHECK(guards(Zone::lumbar, Zone::glutes));
  CHECK(guards(Zone::glutes, Zone::lumbar));
  CHECK(guards(Zone::full_body, Zone::calves));
  CHECK_FALSE(guards(Zone::neck, Zone::calves));
}

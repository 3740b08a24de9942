// Facts about a routine (src/core/routine.cpp) that `roll list` and `roll show` print.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/routine.hpp"
#include "session_fakes.hpp"

using namespace roll;

TEST_CASE("zones_in_order: each zone once, in order of first use, steps without one left out") {
  Routine r = roll::test::sample_routine();  // thoracic, lats, full-body
  Step rest;
  rest.name = "Rest";
  rest.kind = StepKind::rest;
  r.steps.insert(r.steps.begin() + 1, rest);
  r.steps.push_back(r.steps.front());  // thoracic again
  CHECK(zones_in_order(r) == std::vector<std::string>{"thoracic", "lats", "full-body"});
  CHECK(zones_in_order(Routine{}).empty());
}

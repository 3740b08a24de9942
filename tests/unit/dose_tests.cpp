// A step's dose in words, from the plan's times.
#include <doctest/doctest.h>

#include <optional>

#include "roll/dose.hpp"
#include "roll/plan.hpp"

using namespace roll;

namespace {

Step step(StepKind kind, TimingUnit unit, int count) {
  Step s;
  s.name = "step";
  s.kind = kind;
  s.zone = Zone::thoracic;
  s.unit = unit;
  s.count = count;
  return s;
}

std::string dose(Step s, std::optional<Move> move = std::nullopt) {
  s.move = move;
  Routine r;
  r.steps.push_back(s);
  return dose_words(r, make_plan(r), 0);
}

}  // namespace

TEST_CASE(
    "breaths at each of several spots, one inch apart, the way `move` says, and what it comes to") {
  Step s = step(StepKind::hold, TimingUnit::breaths, 3);
  s.positions = 8;
  CHECK(dose(s) ==
        "3 slow breaths (4 s in, 6 s out) at each of 8 spots, one inch apart; 4 min in all");
  CHECK(dose(s, Move::up) ==
        "3 slow breaths (4 s in, 6 s out) at each of 8 spots, one inch apart, going up; 4 min in "
        "all");
  CHECK(dose(s, Move::down).find("one inch apart, going down;") != std::string::npos);
  CHECK(dose(s, Move::across).find("one inch apart, going across;") != std::string::npos);
  s.positions = 1;
  s.count = 1;
  s.breath = {5, 2, 7, 1};
  CHECK(dose(s) == "1 slow breath (5 s in, hold 2 s, 7 s out, hold 1 s); 15 s in all");
}

TEST_CASE("seconds, on each side, and a roll's tempo") {
  Step hold = step(StepKind::hold, TimingUnit::seconds, 60);
  hold.zone = Zone::lats;
  hold.side = Side::both;
  CHECK(dose(hold) == "1 min on each side; 2 min in all");
  hold.side = Side::left;
  CHECK(dose(hold) == "1 min on the left side");
  Step roll = step(StepKind::roll, TimingUnit::seconds, 45);
  roll.side = Side::both;
  CHECK(dose(roll) == "45 s of slow rolling on each side; 1 min 30 s in all");
  roll.tempo = Tempo::fast;
  roll.side = Side::none;
  CHECK(dose(roll) == "45 s of brisk rolling");
  Step move = step(StepKind::movement, TimingUnit::seconds, 180);
  CHECK(dose(move) == "3 min");
  Step rest = step(StepKind::rest, TimingUnit::seconds, 30);
  CHECK(dose(rest) == "rest 30 s");
}

TEST_CASE("repetitions by kind: rolls, pivots, reps") {
  Step roll = step(StepKind::roll, TimingUnit::reps, 12);
  roll.rep_seconds = 5;
  roll.side = Side::both;
  CHECK(dose(roll) == "12 slow rolls of 5 s on each side; 2 min in all");
  Step pivot = step(StepKind::pivot, TimingUnit::reps, 12);
  pivot.rep_seconds = 5;
  pivot.positions = 2;
  CHECK(dose(pivot) == "12 slow pivots of 5 s at each of 2 spots, one inch apart; 2 min in all");
  Step angels = step(StepKind::stretch, TimingUnit::reps, 10);
  angels.rep_seconds = 6;
  CHECK(dose(angels) == "10 reps, 6 s each; 1 min in all");
  Step one = step(StepKind::roll, TimingUnit::reps, 1);
  one.tempo = Tempo::fast;
  CHECK(dose(one) == "1 brisk roll of 4 s; 4 s in all");
}

TEST_CASE("a step past the routine's end has no dose") {
  Routine r;
  CHECK(dose_words(r, make_plan(r), 3).empty());
}

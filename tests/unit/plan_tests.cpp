#include <doctest/doctest.h>

#include "roll/plan.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono_literals;

namespace {

Step step(StepKind kind, Zone zone, TimingUnit unit, int count) {
  Step s;
  s.name = "step";
  s.kind = kind;
  s.zone = zone;
  s.unit = unit;
  s.count = count;
  return s;
}

PlanOptions no_transitions() {
  return PlanOptions{0ms, 0ms, std::nullopt};
}

}  // namespace

TEST_CASE("step durations: seconds, breaths x cycle, reps x rep_seconds, all x positions x sides") {
  Step s = step(StepKind::hold, Zone::thoracic, TimingUnit::seconds, 30);
  CHECK(s.total_seconds() == 30);
  s.positions = 3;
  CHECK(s.total_seconds() == 90);
  s.side = Side::both;
  CHECK(s.total_seconds() == 180);

  Step b = step(StepKind::hold, Zone::thoracic, TimingUnit::breaths, 3);
  CHECK(b.total_seconds() == 30);  // default breath: 4 in + 6 out
  b.breath = Breath{4, 2, 6, 1};
  CHECK(b.total_seconds() == 39);

  Step r = step(StepKind::roll, Zone::thoracic, TimingUnit::reps, 12);
  CHECK(r.total_seconds() == 48);  // default 4 s per rep
  r.rep_seconds = 5;
  r.side = Side::both;
  CHECK(r.total_seconds() == 120);
}

TEST_CASE("the plan's total is the sum of the steps plus the get-ready transitions") {
  Routine routine;
  Step ext = step(StepKind::hold, Zone::thoracic, TimingUnit::breaths, 3);
  ext.positions = 4;
  Step lats = step(StepKind::hold, Zone::lats, TimingUnit::seconds, 60);
  lats.side = Side::both;
  Step move = step(StepKind::movement, Zone::thoracic, TimingUnit::seconds, 90);
  routine.steps = {ext, lats, move};

  Plan bare = make_plan(routine, no_transitions());
  CHECK(bare.total == 120s + 120s + 90s);
  CHECK(bare.work == bare.total);

  Plan plan = make_plan(routine);  // 5 s before each step, 3 s between positions and sides
  CHECK(plan.work == 330s);
  CHECK(plan.total == 330s + 3 * 5s + 3 * 3s + 1 * 3s);
}

TEST_CASE("blocks walk sides and positions in order, each preceded by a get-ready") {
  Routine routine;
  Step s = step(StepKind::hold, Zone::lats, TimingUnit::seconds, 10);
  s.side = Side::both;
  s.positions = 2;
  routine.steps = {s};
  Plan plan = make_plan(routine);
  REQUIRE(plan.blocks.size() == 8);
  struct Expect {
    bool ready;
    Side side;
    int position;
  };
  Expect expected[] = {{true, Side::left, 1},  {false, Side::left, 1}, {true, Side::left, 2},
                       {false, Side::left, 2}, {true, Side::right, 1}, {false, Side::right, 1},
                       {true, Side::right, 2}, {false, Side::right, 2}};
  Millis t{0};
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(plan.blocks[i].get_ready == expected[i].ready);
    CHECK(plan.blocks[i].side == expected[i].side);
    CHECK(plan.blocks[i].position == expected[i].position);
    CHECK(plan.blocks[i].start == t);  // contiguous: no gaps, no overlaps
    t += plan.blocks[i].length;
  }
  CHECK(t == plan.total);
}

TEST_CASE("breath phases sit at the right offsets") {
  Routine routine;
  Step s = step(StepKind::hold, Zone::thoracic, TimingUnit::breaths, 2);
  s.breath = Breath{4, 2, 6, 0};
  routine.steps = {s};
  Plan plan = make_plan(routine, no_transitions());
  REQUIRE(plan.segments.size() == 6);
  CHECK(plan.segments[0].phase == Phase::inhale);
  CHECK(plan.segments[1].phase == Phase::hold_in);
  CHECK(plan.segments[1].start == 4s);
  CHECK(plan.segments[2].phase == Phase::exhale);
  CHECK(plan.segments[2].start == 6s);
  CHECK(plan.segments[3].phase == Phase::inhale);
  CHECK(plan.segments[3].number == 2);
  CHECK(plan.segments[3].start == 12s);

  Moment m = moment_at(plan, 7s);
  CHECK(m.segment == 2);
  CHECK(m.segment_left == 5s);
  CHECK(m.block_left == 17s);
  CHECK(m.total_progress == doctest::Approx(7.0 / 24.0));
  CHECK(next_boundary(plan, 7s) == 12s);
  CHECK(next_boundary(plan, 12s) == 16s);
  CHECK(next_boundary(plan, 22s) == 24s);
  CHECK_FALSE(next_boundary(plan, 24s).has_value());
  CHECK(moment_at(plan, 24s).finished);
}

TEST_CASE("a hold in seconds is paced with whole breaths, the last one cut short") {
  Routine routine;
  routine.steps = {step(StepKind::hold, Zone::glutes, TimingUnit::seconds, 25)};
  Plan plan = make_plan(routine, no_transitions());
  // 4 in, 6 out, 4 in, 6 out, 4 in, 1 out
  REQUIRE(plan.segments.size() == 6);
  CHECK(plan.segments.back().phase == Phase::exhale);
  CHECK(plan.segments.back().length == 1s);
  CHECK(plan.segments.back().number == 3);
}

TEST_CASE("reps are split into up and down halves, movement is one steady segment") {
  Routine routine;
  Step reps = step(StepKind::pivot, Zone::thoracic, TimingUnit::reps, 10);
  reps.rep_seconds = 3;
  routine.steps = {reps, step(StepKind::movement, Zone::full_body, TimingUnit::seconds, 60)};
  Plan plan = make_plan(routine, no_transitions());
  REQUIRE(plan.segments.size() == 21);
  CHECK(plan.segments[0].phase == Phase::rep_up);
  CHECK(plan.segments[0].length == 1500ms);
  CHECK(plan.segments[1].phase == Phase::rep_down);
  CHECK(plan.segments[19].number == 10);
  CHECK(plan.segments[20].phase == Phase::steady);
  CHECK(plan.segments[20].length == 60s);
}

TEST_CASE("an empty routine has an empty plan that is already finished") {
  Plan plan = make_plan(Routine{});
  CHECK(plan.total == 0ms);
  CHECK(moment_at(plan, 0ms).finished);
  CHECK_FALSE(next_boundary(plan, 0ms).has_value());
}

TEST_CASE("the first get-ready may be longer than the others, and only the first") {
  Routine r = roll::test::sample_routine();
  PlanOptions options;
  options.first_get_ready = kFirstGetReady;
  Plan plain = make_plan(r);
  Plan longer = make_plan(r, options);
  REQUIRE(longer.blocks.size() == plain.blocks.size());
  CHECK(longer.blocks[0].get_ready);
  CHECK(longer.blocks[0].length == 15s);
  CHECK(plain.blocks[0].length == 5s);
  CHECK(longer.total == plain.total + 10s);
  CHECK(longer.work == plain.work);
  for (std::size_t i = 1; i < plain.blocks.size(); ++i) {
    CHECK(longer.blocks[i].length == plain.blocks[i].length);
  }
}

// + says 15 s and the events, the history and their schemas promise at most 15: a step in reps
// gains the whole reps that fit in them (three of 4 s, not four), and one rep when a rep is longer.
TEST_CASE("+ on a step in reps adds the whole reps within 15 s, one when a rep is longer") {
  Routine routine;
  Step reps = step(StepKind::roll, Zone::thoracic, TimingUnit::reps, 3);
  reps.rep_seconds = 4;
  Step slow = step(StepKind::roll, Zone::thoracic, TimingUnit::reps, 2);
  slow.rep_seconds = 20;
  routine.steps = {reps, slow};
  Plan plan = make_plan(routine, no_transitions());
  REQUIRE(plan.blocks.size() == 2);
  CHECK(resize_block(plan, routine, 0, 15s, 0ms) == 12s);
  CHECK(resize_block(plan, routine, 1, 15s, 0ms) == 20s);
}

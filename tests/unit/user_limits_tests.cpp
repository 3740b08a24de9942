// What a session keeps to for the person on the roller: the ease-off advice follows the step's
// intensity, the level and a cleared condition; + keeps a beginner's spot within 30 s. On the fake
// clock, in process.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "roll/lint.hpp"
#include "roll/session.hpp"
#include "roll/session_wording.hpp"
#include "roll/user_limits.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono_literals;
using roll::test::RecordingLog;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<Event> of(const std::vector<Event>& events, EventKind kind) {
  std::vector<Event> out;
  for (const auto& e : events) {
    if (e.kind == kind) out.push_back(e);
  }
  return out;
}

struct Rig {
  Rig(UserLimits user, Routine r = roll::test::sample_routine())
      : routine(std::move(r)), session(routine, make_plan(routine), log, options(user)) {}
  static SessionOptions options(UserLimits user) {
    SessionOptions o;
    o.user = user;
    return o;
  }
  Routine routine;
  RecordingLog log;
  Session session;
};

UserLimits beginner() {
  UserLimits u;
  u.beginner = true;
  return u;
}

UserLimits cleared(Condition c) {
  UserLimits u;
  u.cleared = c;
  return u;
}

// The ease-off advice a reading of `value` at 7 s (the first hold) gets, or "" for none.
std::string ease_off_at(Rig& rig, int value) {
  rig.session.start(0ms);
  rig.session.advance(7s);
  auto out = rig.session.command(Command::pressure, 7s, value);
  auto ease = of(out, EventKind::ease_off);
  return ease.empty() ? "" : event_text(rig.routine, ease[0]);
}

}  // namespace

TEST_CASE("a beginner is the profile's level or the routine's, and a cleared condition is gentle") {
  Routine r = roll::test::sample_routine();
  r.level = Level::intermediate;
  Profile p;
  CHECK_FALSE(user_limits(r, p).beginner);
  p.level = Level::beginner;
  CHECK(user_limits(r, p).beginner);
  // An advanced user on a beginner routine does what the routine (and its linter) ask.
  r.level = Level::beginner;
  p.level = Level::advanced;
  CHECK(user_limits(r, p).beginner);
  // A condition not cleared refuses the session elsewhere; only a cleared one makes it gentle.
  p.conditions = {{Condition::recent_surgery, false}};
  CHECK_FALSE(user_limits(r, p).cleared);
  p.conditions = {{Condition::recent_surgery, true}, {Condition::osteoporosis, true}};
  CHECK(user_limits(r, p).cleared == Condition::osteoporosis);  // the article's order
}

TEST_CASE("everyone else still hears the first article's \"around a 6 or 7\", from above 7") {
  Rig seven({});
  CHECK(ease_off_at(seven, 7).empty());
  Rig eight({});
  std::string text = ease_off_at(eight, 8);
  CHECK(text == ease_off_advice());
  CHECK(has(text, "aim for a 6 or 7 out of 10"));
}

TEST_CASE("a beginner is asked for 5 at most, roll's own reading, and eased off from 6") {
  Rig five(beginner());
  CHECK(ease_off_at(five, 5).empty());
  Rig six(beginner());
  std::string text = ease_off_at(six, 6);
  REQUIRE_FALSE(text.empty());
  CHECK_FALSE(has(text, "aim for a 6 or 7"));
  CHECK(has(text, "as a beginner, 5 out of 10 at most"));
  CHECK(has(text, "start slow and small"));
  CHECK(has(text, "(the 5 is roll's own reading)"));
  CHECK(six.session.view().ease_off);
}

TEST_CASE("the step's intensity is what the advice aims for, held to the user's most") {
  Routine r = roll::test::sample_routine();
  r.steps[0].intensity = 4;
  Rig rig(beginner(), r);
  std::string text = ease_off_at(rig, 6);
  CHECK(has(text, "aim for about 4 out of 10, as this step asks; as a beginner, 5 out of 10"));
  CHECK_FALSE(has(text, "aim for a 6 or 7"));
  // Not a beginner: the routine's 6 is the first article's target, and 7 is still no ease-off.
  r.steps[0].intensity = 6;
  Rig six({}, r);
  CHECK(ease_off_at(six, 7).empty());
  Rig eight({}, r);
  CHECK(has(ease_off_at(eight, 8),
            "aim for about 6 out of 10, as this step asks: the first "
            "article's \"around a 6 or 7\""));
  r.steps[0].intensity = 4;
  Rig four({}, r);
  CHECK(has(ease_off_at(four, 8), "aim for about 4 out of 10, as this step asks, gentler than"));
  // A beginner on a step asking 7 (as lint allows) is held to 5.
  r.steps[0].intensity = 7;
  Rig held(beginner(), r);
  CHECK(has(ease_off_at(held, 6), "aim for about 5 out of 10, not this step's 7; as a beginner"));
}

TEST_CASE("cleared osteoporosis keeps it gentle, with the second article's reason") {
  Rig rig(cleared(Condition::osteoporosis));
  CHECK(ease_off_at(rig, 5).empty());
  Rig six(cleared(Condition::osteoporosis));
  std::string text = ease_off_at(six, 6);
  CHECK(has(text, "keep it gentle, 5 out of 10 at most (roll's own reading)"));
  CHECK(has(text, "excessive pressure can increase your risk for fracture (second article)"));
  CHECK_FALSE(has(text, "aim for a 6 or 7"));
  // Another cleared condition: gentle too, and said to be roll's own reading.
  Rig surgery(cleared(Condition::recent_surgery));
  CHECK(has(ease_off_at(surgery, 6),
            "recent-surgery, cleared by a clinician (gentle for it is "
            "roll's own reading)"));
}

TEST_CASE("every ease-off advice labels each number that is not the article's or the step's") {
  for (bool is_beginner : {false, true}) {
    for (std::optional<Condition> c :
         {std::optional<Condition>{}, std::optional{Condition::osteoporosis},
          std::optional{Condition::active_cancer}, std::optional{Condition::muscle_guarding}}) {
      for (std::optional<int> intensity :
           {std::optional<int>{}, std::optional{3}, std::optional{6}, std::optional{7}}) {
        UserLimits u;
        u.beginner = is_beginner;
        u.cleared = c;
        Step step = roll::test::sample_routine().steps[0];
        step.intensity = intensity;
        PressureAim aim = pressure_aim(step, u);
        std::string text = ease_off_advice(aim);
        CAPTURE(text);
        CHECK(has(text, "Grimacing or holding your breath means too much."));
        if (is_beginner || c) {
          CHECK(aim.most == 5);
          CHECK(has(text, "roll's own reading"));
          CHECK_FALSE(has(text, "aim for a 6 or 7"));
        } else {
          CHECK(aim.most == 7);
        }
        if (aim.asked) CHECK(has(text, aim.step_asked ? "not this step's" : "as this step asks"));
        CHECK_FALSE(ease_off_said(aim).empty());
      }
    }
  }
}

TEST_CASE("a beginner's + stays within the second article's 30 s per spot, and says why") {
  Rig rig(beginner());
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);  // the first position's 20 s hold runs 5..25 s
  auto out = s.command(Command::longer, 10s);
  auto changed = of(out, EventKind::hold_changed);
  REQUIRE(changed.size() == 1);
  CHECK(changed[0].value == 10);  // what was left of the 30 s
  CHECK(changed[0].length == 30s);
  auto most = of(out, EventKind::hold_at_most);
  REQUIRE(most.size() == 1);
  CHECK(most[0].value == 30);
  std::string text = event_text(rig.routine, most[0]);
  CHECK(has(text, "this hold stays 0:30"));
  CHECK(has(text, "\"no more than 30 seconds of focus on each spot\""));
  CHECK(s.progress().hold_changes.size() == 1);
  CHECK(s.progress().hold_changes[0].seconds == 10);
  // Again: nothing more, and the reason again.
  out = s.command(Command::longer, 11s);
  CHECK(of(out, EventKind::hold_changed).empty());
  CHECK(of(out, EventKind::hold_at_most).size() == 1);
  CHECK(s.view().block_length == 30s);
  CHECK(s.progress().hold_changes.size() == 1);
  // - still shortens it, and + may give back up to the 30 s.
  out = s.command(Command::shorter, 12s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  out = s.command(Command::longer, 12s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  CHECK(of(out, EventKind::hold_changed)[0].value == 15);
  CHECK(of(out, EventKind::hold_at_most).empty());
  CHECK(s.view().block_length == 30s);
}

TEST_CASE("everyone else's + is the first article's \"spend time there\": no cap on the spot") {
  Rig rig({});
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);
  for (int i = 0; i < 4; ++i) {
    auto out = s.command(Command::longer, 10s);
    CHECK(of(out, EventKind::hold_at_most).empty());
  }
  CHECK(s.view().block_length == 80s);
}

TEST_CASE("a beginner's + on a roll, which travels, is not held to one spot's 30 s") {
  Rig rig(beginner());
  auto& s = rig.session;
  s.start(0ms);
  // The lat roll (3 reps of 4 s a side) starts after the climb's two positions.
  Millis roll_at{0};
  for (const Block& b : s.plan().blocks) {
    if (b.step == 1 && !b.get_ready) {
      roll_at = b.start + 1s;
      break;
    }
  }
  s.advance(roll_at);
  for (int i = 0; i < 3; ++i)
    CHECK(of(s.command(Command::longer, roll_at), EventKind::hold_at_most).empty());
  CHECK(s.view().block_length > 30s);
}

TEST_CASE("no + makes a beginner's spot one that lint's beginner-spot would refuse") {
  // Holds in seconds and in breaths, pivots in reps: each lengthened as far as + goes, then
  // written back into a beginner routine, which must still pass beginner-spot.
  for (int variant = 0; variant < 3; ++variant) {
    Routine r;
    r.name = "spot";
    r.level = Level::beginner;
    Step step;
    step.name = "Spot";
    step.zone = Zone::thoracic;
    if (variant == 0) {
      step.kind = StepKind::hold;
      step.count = 20;
    } else if (variant == 1) {
      step.kind = StepKind::hold;
      step.unit = TimingUnit::breaths;
      step.count = 2;
      step.breath = Breath{4, 0, 7, 0};  // 11 s a breath: 22 s
    } else {
      step.kind = StepKind::pivot;
      step.unit = TimingUnit::reps;
      step.count = 5;
      step.rep_seconds = 4;  // 20 s; + adds whole repetitions
    }
    r.steps = {step};
    CAPTURE(variant);
    Rig rig(beginner(), r);
    auto& s = rig.session;
    s.start(0ms);
    Millis at = s.plan().blocks[1].start + 1s;
    s.advance(at);
    for (int i = 0; i < 4; ++i) s.command(Command::longer, at);
    Millis length = s.view().block_length;
    CHECK(length <= 30s);
    CHECK(length > 20s);
    Routine done = r;
    if (variant == 2) {
      done.steps[0].count = static_cast<int>(length / 4s);
    } else {
      done.steps[0].unit = TimingUnit::seconds;
      done.steps[0].count = static_cast<int>(length / 1s);
    }
    auto findings = lint_routine(done, "spot.toml");
    CHECK(std::none_of(findings.begin(), findings.end(),
                       [](const Diagnostic& d) { return d.rule == "beginner-spot"; }));
  }
}

TEST_CASE("the voice says what + did and the aim the advice gives") {
  UserLimits u = beginner();
  Step step = roll::test::sample_routine().steps[0];
  CHECK(ease_off_said(pressure_aim(step, u)) == "Ease off. 5 out of ten at most.");
  CHECK(ease_off_said(pressure_aim(step, {})) == "Ease off. Aim for a six or seven out of ten.");
  step.intensity = 4;
  CHECK(ease_off_said(pressure_aim(step, u)) == "Ease off. Aim for about 4 out of ten.");
  CHECK(ease_off_said(pressure_aim(step, cleared(Condition::osteoporosis))) ==
        "Ease off. Keep it gentle: 4 out of ten at most.");
}

TEST_CASE("the after-care's three minutes of movement ease off at the session's ceiling") {
  // A beginner's session eases off from 6; the movement block timed right after it is the same
  // person on the floor, so a 6 there is "too much" too, and the advice aims for 5 at most.
  SessionOptions session_options;
  session_options.user = beginner();
  session_options.speed = 2.0;
  SessionOptions after = after_care_options(session_options);
  CHECK(after.speed == 2.0);
  CHECK_FALSE(after.confirm_quit);
  Routine block = movement_block();
  RecordingLog log;
  Session movement(block, make_plan(block), log, after);
  movement.start(0ms);
  movement.advance(7s);
  auto out = movement.command(Command::pressure, 7s, 6);
  auto ease = of(out, EventKind::ease_off);
  REQUIRE(ease.size() == 1);
  CHECK(has(event_text(block, ease[0]), "5"));
  CHECK(movement.view().ease_off);
  // A cleared condition too; everyone else still from above 7.
  session_options.user = cleared(Condition::osteoporosis);
  Session cleared_movement(block, make_plan(block), log, after_care_options(session_options));
  cleared_movement.start(0ms);
  cleared_movement.advance(7s);
  CHECK(of(cleared_movement.command(Command::pressure, 7s, 6), EventKind::ease_off).size() == 1);
  session_options.user = UserLimits{};
  Session everyone(block, make_plan(block), log, after_care_options(session_options));
  everyone.start(0ms);
  everyone.advance(7s);
  CHECK(of(everyone.command(Command::pressure, 7s, 7), EventKind::ease_off).empty());
  CHECK(of(everyone.command(Command::pressure, 7s, 8), EventKind::ease_off).size() == 1);
}

// The session state machine and the runner, driven by a fake clock: whole sessions in microseconds.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "roll/keys.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/runner.hpp"
#include "roll/session.hpp"
#include "roll/session_wording.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono_literals;
using roll::test::FakeClock;
using roll::test::RecordingLog;
using roll::test::RecordingScreen;
using roll::test::ScriptedKeys;

namespace {

Routine sample() {
  return roll::test::sample_routine();
}

struct Rig {
  explicit Rig(SessionOptions options = {}, Routine r = sample())
      : routine(std::move(r)), session(routine, make_plan(routine), log, options) {}
  Routine routine;
  RecordingLog log;
  Session session;
};

std::vector<Event> of(const std::vector<Event>& events, EventKind kind) {
  std::vector<Event> out;
  for (const auto& e : events) {
    if (e.kind == kind) out.push_back(e);
  }
  return out;
}

std::vector<Event> run_all(Session& s, Millis until, Millis step = 1ms) {
  std::vector<Event> all = s.start(0ms);
  for (Millis t = 0ms; t <= until && !s.finished(); t += step) {
    auto e = s.advance(t);
    all.insert(all.end(), e.begin(), e.end());
  }
  return all;
}

}  // namespace

TEST_CASE("the plan of the sample routine is what the tests below assume") {
  Plan plan = make_plan(sample());
  CHECK(plan.total == 115s);
  CHECK(plan.work == 94s);
}

TEST_CASE("steps come in order with their sides and positions, each after a get-ready") {
  Rig rig;
  auto events = run_all(rig.session, 200s, 100ms);
  auto steps = of(events, EventKind::step);
  REQUIRE(steps.size() == 5);
  struct Want {
    Millis at;
    std::size_t step;
    Side side;
    int position;
  };
  Want want[] = {{5s, 0, Side::none, 1},
                 {28s, 0, Side::none, 2},
                 {53s, 1, Side::left, 1},
                 {68s, 1, Side::right, 1},
                 {85s, 2, Side::none, 1}};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(steps[i].at == want[i].at);
    CHECK(steps[i].step == want[i].step);
    CHECK(steps[i].side == want[i].side);
    CHECK(steps[i].position == want[i].position);
  }
  auto ready = of(events, EventKind::get_ready);
  REQUIRE(ready.size() == 5);
  CHECK(ready[0].at == 0s);
  CHECK(ready[1].at == 25s);
  CHECK(ready[1].length == 3s);
  CHECK(event_text(rig.routine, ready[1]).find("move the roller up an inch") != std::string::npos);
  CHECK(event_text(rig.routine, ready[3]).find("switch to the right side") != std::string::npos);
  CHECK(event_text(rig.routine, ready[2]).find("next: step 2/3 · Lat roll") != std::string::npos);
  CHECK(events.back().kind == EventKind::finished);
  CHECK(events.back().at == 115s);
  CHECK(rig.session.status() == SessionStatus::completed);
}

TEST_CASE("breath phases start at the right offsets, counted per pass") {
  Rig rig;
  auto events = run_all(rig.session, 30s, 250ms);
  auto phases = of(events, EventKind::phase);
  REQUIRE(phases.size() >= 4);
  CHECK(phases[0].at == 5s);
  CHECK(phases[0].phase == Phase::inhale);
  CHECK(phases[0].number == 1);
  CHECK(phases[0].count == 2);
  CHECK(phases[1].at == 9s);
  CHECK(phases[1].phase == Phase::exhale);
  CHECK(phases[2].at == 15s);
  CHECK(phases[2].phase == Phase::inhale);
  CHECK(phases[2].number == 2);
  CHECK(phases[3].at == 19s);
  CHECK(event_text(rig.routine, phases[3]) == "breathe out 6 s · breath 2 of 2");
}

TEST_CASE("the view follows the breath: the bar fills on the inhale and empties on the exhale") {
  Rig rig;
  rig.session.start(0ms);
  rig.session.advance(7s);  // half way through the first inhale (5..9 s)
  auto v = rig.session.view();
  CHECK(v.phase == Phase::inhale);
  CHECK(v.phase_left == 2s);
  CHECK(v.breath_fill == doctest::Approx(0.5));
  CHECK(v.block_left == 18s);
  CHECK(v.total_left == 108s);
  rig.session.advance(12s);  // half way through the exhale (9..15 s)
  v = rig.session.view();
  CHECK(v.phase == Phase::exhale);
  CHECK(v.breath_fill == doctest::Approx(0.5));
}

TEST_CASE("reps are counted up and down, and the last three seconds of each hold tick") {
  Rig rig;
  auto events = run_all(rig.session, 70s, 500ms);
  auto reps = of(events, EventKind::rep);
  REQUIRE(reps.size() >= 6);
  CHECK(reps[0].at == 53s);
  CHECK(reps[0].phase == Phase::rep_up);
  CHECK(reps[1].at == 55s);
  CHECK(reps[1].phase == Phase::rep_down);
  // A lat roll starts in the armpit: its first half goes down the side, never up into it.
  CHECK(event_text(rig.routine, reps[4]) == "rep 3 of 3 · slowly down");
  CHECK(event_text(rig.routine, reps[5]) == "rep 3 of 3 · slowly back");
  auto ticks = of(events, EventKind::tick);
  REQUIRE(ticks.size() >= 3);
  CHECK(ticks[0].at == 22s);
  CHECK(ticks[0].value == 3);
  CHECK(ticks[1].at == 23s);
  CHECK(ticks[2].at == 24s);
  CHECK(ticks[2].value == 1);
}

TEST_CASE("pause stops the routine clock and resume shifts every later deadline") {
  Rig rig;
  auto& s = rig.session;
  s.start(1000ms);                  // the clock need not start at zero
  s.advance(11s);                   // routine 10 s, in the first exhale
  CHECK(s.next_deadline() == 16s);  // the second inhale at routine 15 s
  auto paused = s.command(Command::toggle_pause, 11s);
  REQUIRE(paused.size() == 1);
  CHECK(paused[0].kind == EventKind::paused);
  CHECK_FALSE(s.next_deadline());
  CHECK(s.advance(100s).empty());
  CHECK(s.elapsed() == 10s);
  CHECK(s.view().paused);
  s.command(Command::toggle_pause, 101s);
  CHECK(s.elapsed() == 10s);
  // 90 s paused: everything is 90 s later on the clock.
  CHECK(s.next_deadline() == 106s);
  auto events = s.advance(116s);  // routine 25 s: the move to position 2
  CHECK(of(events, EventKind::get_ready).size() == 1);
  CHECK(of(events, EventKind::get_ready)[0].at == 25s);
}

TEST_CASE("skip jumps to the next step, restart goes back to the start of this one") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);
  auto skipped = s.command(Command::skip, 10s);
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0].kind == EventKind::skipped);
  CHECK(skipped[1].kind == EventKind::get_ready);
  CHECK(skipped[1].step == 1);
  CHECK(s.elapsed() == 48s);
  CHECK(s.next_deadline() == 15s);  // B starts 5 s later on the clock
  auto events = s.advance(15s);
  REQUIRE(of(events, EventKind::step).size() == 1);
  CHECK(of(events, EventKind::step)[0].step == 1);

  s.advance(20s);  // routine 53 s in B left
  auto restarted = s.command(Command::restart, 20s);
  REQUIRE(restarted.size() == 2);
  CHECK(restarted[0].kind == EventKind::restarted);
  CHECK(restarted[1].kind == EventKind::get_ready);
  CHECK(restarted[1].at == 48s);
  CHECK(s.elapsed() == 48s);

  // Skipping the last step finishes the session, but 10 s of 64 on the roller is not a session
  // done: it reached its end partly done.
  s.command(Command::skip, 21s);
  auto last = s.command(Command::skip, 22s);
  CHECK(s.finished());
  CHECK(s.status() == SessionStatus::partial);
  CHECK(last.back().kind == EventKind::finished);
  // Only the time actually done counts: 10 - 5 s of A, 5 s of B before the restart.
  CHECK(s.progress().completed_seconds == 10);
}

TEST_CASE("quit asks first, holding the clock while it asks, another key goes on") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  auto asked = s.command(Command::quit, 10s);
  CHECK(asked.back().kind == EventKind::quit_asked);
  CHECK(s.view().confirming_quit);
  CHECK_FALSE(s.next_deadline());
  int value = 0;
  auto cmd = command_for_key('x', true, &value);
  REQUIRE(cmd);
  CHECK(*cmd == Command::no);
  auto cancelled = s.command(*cmd, 30s);
  CHECK(cancelled.back().kind == EventKind::quit_cancelled);
  CHECK_FALSE(s.view().paused);
  CHECK(s.elapsed() == 10s);
  CHECK(s.next_deadline() == 35s);  // routine 15 s
  s.command(Command::quit, 31s);
  auto done = s.command(*command_for_key('y', true, &value), 32s);
  CHECK(done.back().kind == EventKind::finished);
  CHECK(s.status() == SessionStatus::quit);
  REQUIRE_FALSE(rig.log.calls.empty());
  CHECK(rig.log.calls.back().kind == 'e');
  CHECK(rig.log.calls.back().progress.status == SessionStatus::quit);
}

TEST_CASE("with --yes, q ends at once") {
  SessionOptions options;
  options.confirm_quit = false;
  Rig rig(options);
  rig.session.start(0ms);
  rig.session.command(Command::quit, 3s);
  CHECK(rig.session.finished());
  CHECK(rig.session.status() == SessionStatus::quit);
}

TEST_CASE("! stops at once with a pain stop, even in the middle of a question") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.command(Command::quit, 10s);
  int value = 0;
  auto cmd = command_for_key('!', true, &value);
  REQUIRE(cmd);
  auto out = s.command(*cmd, 11s);
  CHECK(s.finished());
  CHECK(s.status() == SessionStatus::pain_stop);
  CHECK(out.back().status == SessionStatus::pain_stop);
  CHECK(rig.log.calls.back().progress.status == SessionStatus::pain_stop);
  CHECK(sharp_pain_advice().find("Sharp, shooting pain should never be tolerated") !=
        std::string::npos);
}

TEST_CASE("pressure readings are recorded with the zone, 8 or more says ease off") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(7s);
  auto calm = s.command(Command::pressure, 7s, 6);
  CHECK(of(calm, EventKind::ease_off).empty());
  auto hard = s.command(Command::pressure, 8s, 8);
  CHECK(of(hard, EventKind::ease_off).size() == 1);
  CHECK(s.view().ease_off);
  REQUIRE(s.progress().pressures.size() == 2);
  CHECK(s.progress().pressures[1].value == 8);
  CHECK(s.progress().pressures[1].at_seconds == 8);
  CHECK(s.progress().pressures[1].zone == "thoracic");
  int value = 0;
  CHECK(command_for_key('9', false, &value) == Command::pressure);
  CHECK(value == 9);
}

TEST_CASE("the pressure scale is 1-10, one key each: 0 is 10, shown out of 10 (issue 14)") {
  int value = 0;
  CHECK(command_for_key('1', false, &value) == Command::pressure);
  CHECK(value == 1);
  CHECK(command_for_key('0', false, &value) == Command::pressure);
  CHECK(value == 10);
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(7s);
  auto ten = s.command(Command::pressure, 7s, 10);
  REQUIRE(of(ten, EventKind::pressure).size() == 1);
  CHECK(event_text(rig.routine, of(ten, EventKind::pressure)[0]) == "pressure 10/10");
  CHECK(of(ten, EventKind::ease_off).size() == 1);
  CHECK(s.progress().pressures.back().value == 10);
  CHECK(s.view().last_pressure == 10);
  CHECK(s.command(Command::pressure, 8s, 11).empty());
  CHECK(s.command(Command::pressure, 8s, 0).empty());
  CHECK(s.progress().pressures.size() == 1);
}

TEST_CASE("--speed runs the clock faster while events keep their routine times") {
  SessionOptions options;
  options.speed = 10;
  Rig rig(options);
  auto& s = rig.session;
  auto events = s.start(0ms);
  CHECK(s.next_deadline() == 500ms);  // routine 5 s
  for (Millis t = 0ms; !s.finished() && t < 20s; t += 1ms) {
    auto e = s.advance(t);
    events.insert(events.end(), e.begin(), e.end());
    if (s.finished()) CHECK(t == 11500ms);
  }
  CHECK(s.finished());
  CHECK(of(events, EventKind::step)[1].at == 28s);
  CHECK(events.back().at == 115s);
}

TEST_CASE("an odd speed never lands a deadline a hair early") {
  SessionOptions options;
  options.speed = 3;
  Rig rig(options);
  auto& s = rig.session;
  s.start(0ms);
  int wakeups = 0;
  while (!s.finished()) {
    auto d = s.next_deadline();
    REQUIRE(d);
    auto events = s.advance(*d);
    CHECK_FALSE(events.empty());  // every deadline brings something
    ++wakeups;
    REQUIRE(wakeups < 1000);
  }
}

TEST_CASE("events say when they fell due and when the clock woke for them") {
  Rig rig;
  auto& s = rig.session;
  auto first = s.start(1000ms);
  CHECK(first.front().due == 0ms);
  CHECK(first.front().clock == 0ms);
  auto events = s.advance(6007ms);  // 7 ms after the step at routine 5 s fell due
  REQUIRE(of(events, EventKind::step).size() == 1);
  CHECK(of(events, EventKind::step)[0].due == 5000ms);
  CHECK(of(events, EventKind::step)[0].clock == 5007ms);
  CHECK(of(events, EventKind::phase)[0].due == 5000ms);
  s.command(Command::toggle_pause, 7000ms);
  // A key's events are due when the key comes, however long the pause.
  auto pressure = s.command(Command::pressure, 20000ms, 4);
  REQUIRE(pressure.size() == 1);
  CHECK(pressure[0].due == 19000ms);
  CHECK(pressure[0].clock == 19000ms);
  s.command(Command::toggle_pause, 30000ms);  // 23 s paused: the exhale at routine 9 s moves too
  auto exhale = of(s.advance(33002ms), EventKind::phase);
  REQUIRE(exhale.size() == 1);
  CHECK(exhale[0].due == 32000ms);
  CHECK(exhale[0].clock == 32002ms);
}

TEST_CASE("at a speed, the due time is on the clock, and the end is due at the routine's end") {
  SessionOptions options;
  options.speed = 10;
  Rig rig(options);
  auto& s = rig.session;
  s.start(0ms);
  auto step = of(s.advance(503ms), EventKind::step);
  REQUIRE(step.size() == 1);
  CHECK(step[0].due == 500ms);
  CHECK(step[0].clock == 503ms);
  auto rest = s.advance(11504ms);  // the 115 s routine ends at 11.5 s
  REQUIRE(rest.back().kind == EventKind::finished);
  CHECK(rest.back().due == 11500ms);
  CHECK(rest.back().clock == 11504ms);
  for (const auto& e : rest) CHECK(e.due <= e.clock);
}

TEST_CASE("the log sees begin, an update at every step boundary and one end") {
  Rig rig;
  run_all(rig.session, 200s, 1s);
  auto& calls = rig.log.calls;
  REQUIRE(calls.size() == 4);
  CHECK(calls[0].kind == 'b');
  CHECK(calls[1].kind == 'u');
  CHECK(calls[1].progress.completed_seconds == 40);  // step A done, B about to start
  CHECK(calls[2].kind == 'u');
  CHECK(calls[2].progress.completed_seconds == 64);
  CHECK(calls[3].kind == 'e');
  const auto& end = calls[3].progress;
  CHECK(end.status == SessionStatus::completed);
  CHECK(end.planned_seconds == 94);
  CHECK(end.completed_seconds == 94);
  CHECK(end.zone_seconds.at("thoracic") == 40);
  CHECK(end.zone_seconds.at("lats") == 24);
  CHECK(end.zone_seconds.at("full-body") == 30);
  CHECK(end.routine_name == "sample");
}

// Every record's zone_seconds counted cat-cow and the other movement off the roller as time on
// the zone; the roller's own time is kept beside it, from the steps on the roller only.
TEST_CASE(
    "a bedtime session keeps its time on the roller, cat-cow and thread the needle left out") {
  auto loaded = load_routine(
      roll::test::slurp(std::filesystem::path(ROLL_SOURCE_DIR) / "routines" / "bedtime.toml"),
      "bedtime.toml");
  REQUIRE(loaded.routine);
  Rig rig({}, *loaded.routine);
  run_all(rig.session, 1000s, 100ms);
  REQUIRE(rig.session.finished());
  const auto& end = rig.log.calls.back().progress;
  CHECK(end.status == SessionStatus::completed);
  // The extension's 4 positions of three 10 s breaths and the snow angels' 10 x 6 s are on the
  // roller; cat-cow's 60 s and the needle's 60 s a side are not.
  CHECK(end.zone_seconds == std::map<std::string, int>{{"full-body", 60}, {"thoracic", 300}});
  CHECK(end.roller_seconds == std::map<std::string, int>{{"full-body", 0}, {"thoracic", 180}});
  // Every update carries it, a zone's roller time never above the zone's.
  for (const auto& call : rig.log.calls) {
    for (const auto& [zone, secs] : call.progress.zone_seconds) {
      REQUIRE(call.progress.roller_seconds.contains(zone));
      CHECK(call.progress.roller_seconds.at(zone) <= secs);
    }
  }
  auto lines = summary_lines(rig.session);
  bool said = false;
  for (const auto& line : lines) said = said || line.starts_with("on the roller: 3:00");
  CHECK(said);
}

TEST_CASE("a whole 10-minute session through the runner takes a handful of wake-ups") {
  Routine r;
  r.name = "ten";
  r.title = "Ten minutes";
  Step hold;
  hold.name = "Long hold";
  hold.kind = StepKind::stretch;
  hold.zone = Zone::chest;
  hold.unit = TimingUnit::seconds;
  hold.count = 600;
  r.steps = {hold};
  RecordingLog log;
  Session session(r, make_plan(r), log);
  FakeClock clock;
  ScriptedKeys keys(clock);
  RecordingScreen screen;
  auto result = run_session(session, clock, keys, screen);
  CHECK(result.status == SessionStatus::completed);
  CHECK(clock.now() == 605s);
  CHECK(keys.stalls == 0);
  // One wake-up per breath phase and bell tick, never one per second of nothing happening.
  CHECK(keys.waits < 200);
  CHECK(screen.events.back().kind == EventKind::finished);
}

TEST_CASE("the runner: keys, redraw deadlines, Ctrl-Z and interrupts") {
  SUBCASE("a redrawing screen is shown on every routine second") {
    Rig rig;
    FakeClock clock;
    ScriptedKeys keys(clock);
    keys.key(3s, 'q').key(4s, 'y');
    RecordingScreen screen(1s);
    auto result = run_session(rig.session, clock, keys, screen);
    CHECK(result.status == SessionStatus::quit);
    // start, 1 s, 2 s, 3 s (q), 4 s (y)... the question holds the clock, so no redraw between.
    REQUIRE(screen.views.size() >= 4);
    CHECK(screen.views[1].elapsed == 1s);
    CHECK(screen.views[2].elapsed == 2s);
  }
  SUBCASE("Ctrl-Z pauses before giving the terminal back") {
    Rig rig;
    FakeClock clock;
    ScriptedKeys keys(clock);
    keys.signal(10s, Input::Kind::suspend).key(50s, ' ').key(51s, '!');
    RecordingScreen screen;
    auto result = run_session(rig.session, clock, keys, screen);
    CHECK(keys.suspends == 1);
    CHECK(screen.of(EventKind::paused).size() == 1);
    CHECK(screen.of(EventKind::resumed).size() == 1);
    CHECK(result.status == SessionStatus::pain_stop);
    CHECK(rig.session.elapsed() == 11s);
  }
  SUBCASE("an output nobody reads any more ends the session at once, as interrupted") {
    Rig rig;
    FakeClock clock;
    ScriptedKeys keys(clock);
    keys.signal(12s, Input::Kind::output_closed);
    RecordingScreen screen;
    auto result = run_session(rig.session, clock, keys, screen);
    CHECK(result.output_closed);
    CHECK(result.status == SessionStatus::interrupted);
    CHECK(rig.log.calls.back().kind == 'e');
    CHECK(rig.log.calls.back().progress.status == SessionStatus::interrupted);
    CHECK(screen.of(EventKind::finished).empty());  // nothing is shown to nobody
  }
  SUBCASE("an interrupt ends the session as interrupted and says which signal") {
    Rig rig;
    FakeClock clock;
    ScriptedKeys keys(clock);
    keys.signal(30s, Input::Kind::interrupt, 2);
    RecordingScreen screen;
    auto result = run_session(rig.session, clock, keys, screen);
    CHECK(result.status == SessionStatus::interrupted);
    CHECK(result.signal == 2);
    CHECK(rig.log.calls.back().progress.status == SessionStatus::interrupted);
    CHECK(rig.log.calls.back().progress.completed_seconds == 22);  // 5..25 and 28..30
  }
}

TEST_CASE("routine text reaches event lines sanitized") {
  Routine r = sample();
  r.title = "evil\x1b]0;owned\x07";
  r.steps[0].name = "A\x1b[2J\x1b[H";
  Plan plan = make_plan(r);
  RecordingLog log;
  Session s(r, plan, log);
  auto events = s.start(0ms);
  auto more = s.advance(6s);
  events.insert(events.end(), more.begin(), more.end());
  for (const auto& e : events) {
    std::string text = event_text(r, e);
    CAPTURE(text);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
  }
}

TEST_CASE("the closing advice: move right away, with the three minutes when the routine had none") {
  Routine r = sample();
  r.steps.back().count = 180;
  CHECK(move_now_advice(r).find("Move right away") != std::string::npos);
  CHECK(move_now_advice(r).find("Cat-Cow") == std::string::npos);
  r.steps.pop_back();
  CHECK(move_now_advice(r).find("Cat-Cow") != std::string::npos);
}

// Issue 14, item 2: the end screen read the step kinds while the linter read three minutes after
// the last step on the roller; both now read movement_after_last_pressure().
TEST_CASE("the end's after-care and the move-after rule agree: 60 s offers the block, 180 s not") {
  auto with_movement = [](int seconds) {
    Routine r = sample();
    r.steps.back().count = seconds;
    return r;
  };
  auto lints_move_after = [](const Routine& r) {
    auto found = lint_routine(r, "t.toml");
    return std::any_of(found.begin(), found.end(),
                       [](const Diagnostic& d) { return d.rule == "move-after"; });
  };
  Routine short_move = with_movement(60);
  CHECK(movement_after_last_pressure(short_move) == 60);
  CHECK_FALSE(moves_enough_after(short_move));  // the session's end offers the timed block
  CHECK(lints_move_after(short_move));
  CHECK(move_now_advice(short_move).find("Spend three minutes") != std::string::npos);

  Routine enough = with_movement(180);
  CHECK(movement_after_last_pressure(enough) == 180);
  CHECK(moves_enough_after(enough));
  CHECK_FALSE(lints_move_after(enough));
  CHECK(move_now_advice(enough).find("Spend three minutes") == std::string::npos);

  // Movement before the roller is not after it; a stretch on the roller resets the count.
  Routine before = enough;
  std::rotate(before.steps.begin(), before.steps.end() - 1, before.steps.end());
  CHECK(movement_after_last_pressure(before) == 0);
  CHECK_FALSE(moves_enough_after(before));
  CHECK(lints_move_after(before));
  // Nothing on the roller: nothing to move after, and nothing offered.
  Routine off;
  off.steps = {enough.steps.back()};
  off.steps[0].count = 30;
  CHECK_FALSE(movement_after_last_pressure(off));
  CHECK(moves_enough_after(off));
  CHECK_FALSE(lints_move_after(off));
}

TEST_CASE("+ lengthens the hold in progress by 15 s and moves everything after it") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);  // A position 1 runs 5..25 s
  int value = 0;
  REQUIRE(command_for_key('+', false, &value) == Command::longer);
  auto out = s.command(Command::longer, 10s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  const Event changed = of(out, EventKind::hold_changed)[0];
  CHECK(changed.value == 15);
  CHECK(changed.length == 35s);
  CHECK(event_text(rig.routine, changed) == "15 s longer · this hold now 0:35");
  auto v = s.view();
  CHECK(v.block_left == 30s);
  CHECK(v.hold_change == 15s);
  CHECK(v.total_left == 120s);
  REQUIRE(s.progress().hold_changes.size() == 1);
  CHECK(s.progress().hold_changes[0].at_seconds == 10);
  CHECK(s.progress().hold_changes[0].seconds == 15);
  CHECK(s.progress().hold_changes[0].step == 1);
  CHECK(s.progress().hold_changes[0].zone == "thoracic");
  CHECK(s.progress().planned_seconds == 109);
  // The breathing goes on through the extra time, then the move comes 15 s later.
  std::vector<Event> rest;
  for (Millis t = 10s; !s.finished() && t <= 200s; t += 100ms) {
    auto e = s.advance(t);
    rest.insert(rest.end(), e.begin(), e.end());
  }
  auto phases = of(rest, EventKind::phase);
  REQUIRE(phases.size() >= 5);
  CHECK(phases[2].at == 25s);  // after the 15 s mark's exhale: a third breath starts
  CHECK(phases[2].phase == Phase::inhale);
  CHECK(phases[2].number == 3);
  auto ticks = of(rest, EventKind::tick);
  REQUIRE(ticks.size() >= 3);
  CHECK(ticks[0].at == 37s);  // the last three seconds of the longer hold
  auto ready = of(rest, EventKind::get_ready);
  REQUIRE_FALSE(ready.empty());
  CHECK(ready[0].at == 40s);
  CHECK(rest.back().kind == EventKind::finished);
  CHECK(rest.back().at == 130s);
  CHECK(s.progress().completed_seconds == 109);
  CHECK(rig.log.calls.back().progress.hold_changes.size() == 1);
}

TEST_CASE("- shortens the hold, never to less than a second from now") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(6s);
  int value = 0;
  REQUIRE(command_for_key('-', false, &value) == Command::shorter);
  auto out = s.command(Command::shorter, 6s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  CHECK(of(out, EventKind::hold_changed)[0].value == -15);
  CHECK(s.view().block_left == 4s);  // 25 - 15 = 10 s
  CHECK(s.view().hold_change == -15s);
  // Again: only 3 s can go (one second is left), then nothing more.
  out = s.command(Command::shorter, 6s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  CHECK(of(out, EventKind::hold_changed)[0].value == -3);
  CHECK(s.view().block_left == 1s);
  CHECK(s.command(Command::shorter, 6s).empty());
  auto next = s.advance(7s);
  REQUIRE(of(next, EventKind::get_ready).size() == 1);
  CHECK(of(next, EventKind::get_ready)[0].at == 7s);
  CHECK(s.progress().hold_changes.size() == 2);
}

TEST_CASE("+ during a get-ready is for the hold coming up, reps grow by whole reps") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(50s);  // the get-ready before B (48..53)
  auto out = s.command(Command::longer, 50s);
  REQUIRE(of(out, EventKind::hold_changed).size() == 1);
  CHECK(of(out, EventKind::hold_changed)[0].step == 1);
  // Three more reps of 4 s: the whole reps within the 15 s the key promises (four would be 16).
  CHECK(of(out, EventKind::hold_changed)[0].value == 12);
  CHECK(of(out, EventKind::hold_changed)[0].length == 24s);
  auto more = s.advance(60s);
  auto reps = of(more, EventKind::rep);
  REQUIRE_FALSE(reps.empty());
  CHECK(reps.front().count == 6);
}

TEST_CASE("--ready key: every get-ready waits for space or Enter, and the clock waits too") {
  SessionOptions options;
  options.ready_key = true;
  Rig rig(options);
  auto& s = rig.session;
  auto first = s.start(0ms);
  REQUIRE(of(first, EventKind::waiting).size() == 1);
  CHECK(event_text(rig.routine, of(first, EventKind::waiting)[0]) ==
        "press space or Enter when you are ready");
  CHECK(s.view().waiting_for_key);
  CHECK_FALSE(s.view().paused);
  CHECK_FALSE(s.next_deadline());
  CHECK(s.advance(100s).empty());
  CHECK(s.elapsed() == 0s);
  int value = 0;
  CHECK(command_for_key(' ', false, &value, true) == Command::ready);
  CHECK(command_for_key('\r', false, &value, true) == Command::ready);
  CHECK(command_for_key('\n', false, &value, true) == Command::ready);
  CHECK(command_for_key(' ', false, &value, false) == Command::toggle_pause);
  CHECK(command_for_key('q', false, &value, true) == Command::quit);
  // In line mode "q" then Enter asks to quit; the newline is no answer.
  CHECK_FALSE(command_for_key('\n', true, &value, false));
  CHECK_FALSE(command_for_key('\n', false, &value, false));
  CHECK(command_for_key('\r', true, &value, false) == Command::no);
  auto go = s.command(Command::ready, 100s);
  REQUIRE(of(go, EventKind::step).size() == 1);
  CHECK(of(go, EventKind::step)[0].at == 5s);  // straight on to the work
  CHECK_FALSE(s.view().waiting_for_key);
  CHECK(s.next_deadline() == 104s);  // the inhale ends 4 s later
  // The move to position 2 waits again, with the time up to it counted as done.
  auto moved = s.advance(500s);
  REQUIRE(of(moved, EventKind::get_ready).size() == 1);
  REQUIRE(of(moved, EventKind::waiting).size() == 1);
  CHECK(s.elapsed() == 25s);
  CHECK(s.view().waiting_for_key);
  // Skipping from a waiting get-ready lands on the next one, waiting.
  auto skipped = s.command(Command::skip, 501s);
  CHECK(of(skipped, EventKind::waiting).size() == 1);
  CHECK(s.elapsed() == 48s);
  CHECK(s.progress().completed_seconds == 20);  // only A's first position was done
}

TEST_CASE("first_ready = key: only the first get-ready waits, the later ones are timed") {
  SessionOptions options;
  options.first_ready_key = true;
  Rig rig(options);
  auto& s = rig.session;
  auto first = s.start(0ms);
  REQUIRE(of(first, EventKind::waiting).size() == 1);
  CHECK(s.advance(100s).empty());
  CHECK(s.elapsed() == 0s);
  auto go = s.command(Command::ready, 100s);
  REQUIRE(of(go, EventKind::step).size() == 1);
  CHECK(of(go, EventKind::step)[0].at == 5s);
  // The move to position 2 counts down as usual: no wait.
  auto moved = s.advance(100s + 40s);
  CHECK(of(moved, EventKind::get_ready).size() == 1);
  CHECK(of(moved, EventKind::waiting).empty());
  CHECK_FALSE(s.view().waiting_for_key);
}

TEST_CASE("10 typed as 1 then 0 is one reading of 10, and apart or across a block two readings") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(7s);
  s.command(Command::pressure, 7s, 1);
  auto ten = s.command(Command::pressure, 7s + kTenKeysWithin, 10);
  CHECK(of(ten, EventKind::ease_off).size() == 1);
  REQUIRE(s.progress().pressures.size() == 1);
  CHECK(s.progress().pressures[0].value == 10);
  s.command(Command::pressure, 9s, 1);
  s.command(Command::pressure, 9s + kTenKeysWithin + 1ms, 10);
  REQUIRE(s.progress().pressures.size() == 3);
  CHECK(s.progress().pressures[1].value == 1);
}

TEST_CASE("--ready key through the runner: Enter starts each block") {
  SessionOptions options;
  options.ready_key = true;
  Rig rig(options);
  FakeClock clock;
  ScriptedKeys keys(clock);
  // Five get-readies; each Enter comes 30 s after the block before it ended.
  keys.key(30s, '\r').key(80s, '\r').key(130s, '\r').key(160s, '\r').key(200s, '\r');
  RecordingScreen screen;
  auto result = run_session(rig.session, clock, keys, screen);
  CHECK(result.status == SessionStatus::completed);
  CHECK(keys.stalls == 0);
  CHECK(screen.of(EventKind::waiting).size() == 5);
  CHECK(rig.session.progress().completed_seconds == 94);
  CHECK(screen.events.back().at == 115s);
  CHECK(clock.now() == 230s);  // C's 30 s from the last Enter: no get-ready was timed
}

TEST_CASE("the runner's first frame is the view after the start (a get-ready that waits shows)") {
  SessionOptions options;
  options.ready_key = true;
  Rig rig(options);
  FakeClock clock;
  ScriptedKeys keys(clock);
  keys.key(1s, '!');
  RecordingScreen screen;
  run_session(rig.session, clock, keys, screen);
  REQUIRE_FALSE(screen.views.empty());
  CHECK(screen.views[0].started);
  CHECK(screen.views[0].waiting_for_key);
}

// On the roller in the sample: A (2 x 20 s) and B (2 x 12 s), 64 s; C is a movement (30 s).
TEST_CASE("completed needs 80% of the planned time on the roller, pressing n through is partial") {
  SUBCASE("n through every step: partial, every step recorded as skipped") {
    Rig rig;
    auto& s = rig.session;
    s.start(0ms);
    s.command(Command::skip, 1s);  // A, in its get-ready
    s.command(Command::skip, 2s);  // B
    s.command(Command::skip, 3s);  // C, the last: the end is reached
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::partial);
    CHECK(s.progress().completed_seconds == 0);
    REQUIRE(s.progress().skipped.size() == 3);
    CHECK(s.progress().skipped[0].name == "Extension");
    CHECK(s.progress().skipped[1].step == 1);
    CHECK(s.progress().skipped[2].name == "Cat-cow");
    REQUIRE_FALSE(rig.log.calls.empty());
    CHECK(rig.log.calls.back().kind == 'e');
    CHECK(rig.log.calls.back().progress.status == SessionStatus::partial);
    CHECK(rig.log.calls.back().progress.skipped.size() == 3);
  }
  SUBCASE("skipping only the movement keeps every second on the roller: completed") {
    Rig rig;
    auto& s = rig.session;
    s.start(0ms);
    s.advance(86s);  // 1 s into C
    s.command(Command::skip, 86s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::completed);
    CHECK(s.progress().skipped.size() == 1);
  }
  SUBCASE("skipping B at its start: 40 s of 64 (62%) on the roller is partial") {
    Rig rig;
    auto& s = rig.session;
    s.start(0ms);
    s.advance(53s);
    s.command(Command::skip, 53s);
    s.advance(200s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::partial);
  }
  SUBCASE("cutting B's second side short (52 s of 64, 81%) is still completed") {
    Rig rig;
    auto& s = rig.session;
    s.start(0ms);
    s.advance(68s);  // B right starts
    s.command(Command::skip, 68s);
    s.advance(200s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::completed);
  }
  SUBCASE("the whole session: completed, nothing skipped") {
    Rig rig;
    run_all(rig.session, 200s, 100ms);
    CHECK(rig.session.status() == SessionStatus::completed);
    CHECK(rig.session.progress().skipped.empty());
  }
}

TEST_CASE("a pain stop records the zone under the roller then") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(60s);  // B, on the lats
  s.command(Command::pain, 60s);
  CHECK(s.status() == SessionStatus::pain_stop);
  REQUIRE(s.progress().pain_zone);
  CHECK(*s.progress().pain_zone == "lats");
}

TEST_CASE("on_roller: every step but a movement and a rest without a zone") {
  Step s;
  s.kind = StepKind::stretch;
  s.zone = Zone::thoracic;
  CHECK(on_roller(s));
  s.kind = StepKind::movement;
  CHECK_FALSE(on_roller(s));
  s.kind = StepKind::rest;
  CHECK(on_roller(s));
  s.zone.reset();
  CHECK_FALSE(on_roller(s));
}

namespace {

// The first article's climb, at most ten positions of three 10 s breaths, then three minutes of
// movement. Its timeline: 0 ready | 5 pos 1 | 35 move | 38 pos 2 | 68 move | 71 pos 3 | 101 move
// | 104 pos 4 | ... | 302 pos 10 | 332 ready | 337 movement | 517 end.
Routine climb() {
  Routine r;
  r.name = "climb";
  r.title = "Climb";
  Step up;
  up.name = "Thoracic extension";
  up.kind = StepKind::hold;
  up.zone = Zone::thoracic;
  up.unit = TimingUnit::breaths;
  up.count = 3;
  up.positions = 10;
  up.move = Move::up;
  Step move;
  move.name = "Cat-cow";
  move.kind = StepKind::movement;
  move.zone = Zone::full_body;
  move.unit = TimingUnit::seconds;
  move.count = 180;
  r.steps = {up, move};
  return r;
}

}  // namespace

TEST_CASE("e ends a climb at the top: the step is done and its planned time shrinks") {
  CHECK(command_for_key('e', false, nullptr) == Command::top);
  CHECK(command_for_key('E', false, nullptr) == Command::top);
  CHECK(command_for_key('e', true, nullptr) == Command::no);  // a question wants y or q
  CHECK(make_plan(climb()).total == 517s);

  SUBCASE("during the hold at position 3: that hold goes on, no position after it") {
    Rig rig({}, climb());
    auto& s = rig.session;
    s.start(0ms);
    s.advance(80s);
    auto out = s.command(Command::top, 80s);
    auto ended = of(out, EventKind::climb_ended);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].position == 3);
    CHECK(ended[0].positions == 10);
    CHECK(event_text(rig.routine, ended[0]) == "at the top: the climb ends at position 3 of 10");
    // Three positions (90 s) and the movement are the plan now.
    CHECK(s.plan().total == 101s + 5s + 180s);
    CHECK(s.progress().planned_seconds == 90 + 180);
    auto rest = s.advance(100s);
    CHECK(of(rest, EventKind::step).empty());
    rest = s.advance(101s);
    auto ready = of(rest, EventKind::get_ready);
    REQUIRE(ready.size() == 1);
    CHECK(ready[0].step == 1);  // on to the movement: no "move the roller up"
    s.advance(400s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::completed);  // 90 s of the 90 s left on the roller
    CHECK(s.progress().skipped.empty());
    CHECK(s.progress().completed_seconds == 90 + 180);
  }
  SUBCASE("during the move to position 4: the roller stays at 3, the next step starts now") {
    Rig rig({}, climb());
    auto& s = rig.session;
    s.start(0ms);
    s.advance(102s);  // 1 s into the move after position 3
    auto out = s.command(Command::top, 102s);
    auto ended = of(out, EventKind::climb_ended);
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].position == 3);
    auto ready = of(out, EventKind::get_ready);
    REQUIRE(ready.size() == 1);
    CHECK(ready[0].step == 1);
    CHECK(ready[0].at == 102s);
    CHECK(s.view().step == 1);
    CHECK(s.plan().total == 102s + 5s + 180s);
    s.advance(300s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::completed);
  }
  SUBCASE("without e, skipping after position 3 is partial: 90 s of the 300 s planned") {
    Rig rig({}, climb());
    auto& s = rig.session;
    s.start(0ms);
    s.advance(102s);
    s.command(Command::skip, 102s);
    s.advance(400s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::partial);
  }
  SUBCASE("before the first position, at the last one, or on a step that is no climb: nothing") {
    Rig rig({}, climb());
    auto& s = rig.session;
    s.start(0ms);
    CHECK(of(s.command(Command::top, 2s), EventKind::climb_ended).empty());
    s.advance(310s);  // position 10
    CHECK(of(s.command(Command::top, 310s), EventKind::climb_ended).empty());
    s.advance(340s);  // the movement
    CHECK(of(s.command(Command::top, 340s), EventKind::climb_ended).empty());
    CHECK(s.plan().total == 517s);
    Routine down = climb();
    down.steps[0].move = Move::down;  // not a climb (and a lint error): e does nothing
    Rig other({}, down);
    other.session.start(0ms);
    other.session.advance(80s);
    CHECK(of(other.session.command(Command::top, 80s), EventKind::climb_ended).empty());
  }
  SUBCASE("--ready key: e while the move waits goes on to the next step, which waits too") {
    SessionOptions options;
    options.ready_key = true;
    Rig rig(options, climb());
    auto& s = rig.session;
    s.start(0ms);
    s.command(Command::ready, 1s);
    s.advance(40s);  // position 1 ends at 35 s: the move to 2 waits
    REQUIRE(s.view().waiting_for_key);
    auto out = s.command(Command::top, 50s);
    REQUIRE(of(out, EventKind::climb_ended).size() == 1);
    CHECK(of(out, EventKind::climb_ended)[0].position == 1);
    CHECK(s.view().step == 1);
    CHECK(s.view().waiting_for_key);
    s.command(Command::ready, 51s);
    s.advance(51s + 200s);
    REQUIRE(s.finished());
    CHECK(s.status() == SessionStatus::completed);
  }
}

TEST_CASE("the words between positions follow the step's move and name the tool in hand") {
  Step step;
  step.zone = Zone::thoracic;
  step.positions = 4;
  CHECK(move_words(step, Roller::medium) == "shift the roller to the next spot");
  step.move = Move::up;
  CHECK(move_words(step, Roller::soft) == "move the roller up an inch");
  CHECK(move_words(step, Roller::ball) == "move the ball up an inch");
  step.move = Move::down;
  CHECK(move_words(step, Roller::peanut) == "move the peanut down an inch");
  step.move = Move::across;
  CHECK(move_words(step, Roller::firm) == "move the roller an inch across the muscle");
}

TEST_CASE("a routine for a ball or a peanut: the cue says how to use the tool in hand") {
  Routine r = sample();
  r.steps[0].cue = "Lean back over the roller.";
  Event first;
  first.kind = EventKind::step;
  first.step = 0;
  CHECK(cue_text(r, first) == "Lean back over the roller.");
  r.roller = Roller::peanut;
  // The first article: the peanut's gap protects the spinous processes.
  CHECK(cue_text(r, first).find("the spine in its gap") != std::string::npos);
  r.roller = Roller::ball;
  CHECK(cue_text(r, first).find("With the ball") != std::string::npos);
  CHECK(cue_text(r, first).find("never on the bone") != std::string::npos);
  Event lats = first;
  lats.step = 1;
  lats.side = Side::left;
  CHECK(cue_text(r, lats) == "With the ball: where this says roller, use the ball, on the muscle.");
  r.steps[0].along = Along::spine;
  CHECK(cue_text(r, first).find("cannot do") != std::string::npos);
  // Off the roller nothing is added.
  Event moving = first;
  moving.step = 2;
  CHECK(cue_text(r, moving).empty());
}

TEST_CASE("the after-care ends with the second article's adjuncts") {
  auto care = after_care_advice(sample());
  CHECK(care.find("Drink some water") != std::string::npos);
  CHECK(care.find("massage, or hot and cold therapy") != std::string::npos);
  CHECK(care.find("second article") != std::string::npos);
}

namespace {

// A rib roll (the first article's tiny one-inch movements, on one side of the spine) and a glute
// roll, both timed in seconds.
Routine rolls() {
  Routine r;
  r.name = "rolls";
  r.title = "Rolls";
  Step rib;
  rib.name = "Rib roll";
  rib.kind = StepKind::roll;
  rib.zone = Zone::thoracic;
  rib.side = Side::left;
  rib.unit = TimingUnit::seconds;
  rib.count = 20;
  Step glute = rib;
  glute.name = "Glute roll";
  glute.zone = Zone::glutes;
  glute.count = 30;
  r.steps = {rib, glute};
  return r;
}

}  // namespace

TEST_CASE("a roll timed in seconds turns at its pace: the rib roll each second, others each 2 s") {
  Rig rig({}, rolls());
  auto events = run_all(rig.session, 100s, 100ms);
  auto turns = of(events, EventKind::turn);
  auto steps = of(events, EventKind::step);
  REQUIRE(steps.size() == 2);
  std::vector<Event> rib, glute;
  for (const auto& t : turns) (t.step == 0 ? rib : glute).push_back(t);
  // 20 s of the rib roll at a second each way, 30 s of the glute roll at two.
  REQUIRE(rib.size() == 20);
  REQUIRE(glute.size() == 15);
  for (std::size_t i = 0; i < rib.size(); ++i) {
    CHECK(rib[i].at == steps[0].at + Millis{1000 * static_cast<long>(i)});
    CHECK(rib[i].number == static_cast<int>(i) + 1);
    CHECK(rib[i].phase == (i % 2 == 0 ? Phase::rep_up : Phase::rep_down));
    CHECK(rib[i].count == 0);  // not counted: the strokes go on as long as the hold
  }
  CHECK(glute[1].at - glute[0].at == 2s);
  // The turns come after the step's start and its first breath, never before.
  auto first = std::find_if(events.begin(), events.end(),
                            [](const Event& e) { return e.kind == EventKind::turn; });
  REQUIRE(first != events.begin());
  CHECK((first - 1)->kind == EventKind::phase);
  // A roll timed in reps turns with its reps: no turn events of its own.
  Rig reps;
  CHECK(of(run_all(reps.session, 200s, 100ms), EventKind::turn).empty());
}

TEST_CASE("a pressure reading is about its step: shown until the next step comes") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.command(Command::pressure, 10s, 9);
  CHECK(s.view().last_pressure == 9);
  s.advance(30s);  // position 2 of the same step
  CHECK(s.view().last_pressure == 9);
  s.advance(49s);  // the get-ready of the next step
  CHECK_FALSE(s.view().last_pressure);
  // And after n, which is how it stayed into the next step (issue 31).
  s.command(Command::pressure, 55s, 7);
  s.command(Command::skip, 56s);
  CHECK_FALSE(s.view().last_pressure);
  // The readings themselves are all kept for the summary and the history.
  CHECK(s.progress().pressures.size() == 2);
}

TEST_CASE("speech_wait: the end of a get-ready waits for its words, the routine clock standing") {
  SessionOptions options;
  options.speech_wait = 20s;
  Rig rig(options);
  auto& s = rig.session;
  s.set_speaking(true);
  s.start(0ms);
  auto held = s.advance(5000ms);  // the first get-ready is over; its words are not
  CHECK(of(held, EventKind::step).empty());
  SessionView v = s.view();
  CHECK(v.get_ready);
  CHECK(v.waiting_for_speech);
  CHECK(v.step == 0);
  CHECK(v.block_left <= 1ms);
  // Asked again within a tenth of a second (the clock gives no sign when speech ends).
  REQUIRE(s.next_deadline());
  CHECK(*s.next_deadline() <= 5100ms);
  s.advance(9000ms);
  CHECK(s.view().waiting_for_speech);
  CHECK(s.elapsed() == 5000ms);  // the routine clock stood
  s.set_speaking(false);
  auto go = s.advance(9050ms);
  auto steps = of(go, EventKind::step);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].at == 5000ms);
  CHECK(steps[0].due == 9050ms);  // due when the words ended: not late
  CHECK(of(go, EventKind::phase).size() == 1);
  CHECK_FALSE(s.view().waiting_for_speech);
  // Everything after moved by the wait: the next get-ready (routine 25 s) at clock 29.05 s.
  CHECK(of(s.advance(29049ms), EventKind::get_ready).empty());
  CHECK(of(s.advance(29050ms), EventKind::get_ready).size() == 1);
  // Words that never end: the get-ready lasts 20 s in all (3 s planned, 17 s of waiting).
  s.set_speaking(true);
  s.advance(32050ms);
  CHECK(s.view().waiting_for_speech);
  CHECK(*s.next_deadline() <= 32150ms);
  s.advance(49049ms);
  CHECK(s.view().waiting_for_speech);
  auto capped = s.advance(49050ms);
  CHECK(of(capped, EventKind::step).size() == 1);
  // The waits are no part of the work: a whole session still counts its planned time.
  s.set_speaking(false);
  for (Millis t = 49050ms; !s.finished() && t < 400s; t += 100ms) s.advance(t);
  REQUIRE(s.finished());
  CHECK(s.status() == SessionStatus::completed);
  CHECK(s.progress().completed_seconds == 94);
}

TEST_CASE("speech_wait: pause, n and --ready key's Enter during the wait") {
  SessionOptions options;
  options.speech_wait = 20s;
  SUBCASE("a pause during the wait stops its clock too") {
    Rig rig(options);
    auto& s = rig.session;
    s.set_speaking(true);
    s.start(0ms);
    s.advance(5000ms);
    s.command(Command::toggle_pause, 6000ms);
    CHECK(s.view().paused);
    CHECK_FALSE(s.next_deadline());
    s.command(Command::toggle_pause, 60000ms);
    CHECK(s.view().waiting_for_speech);  // still saying it: still waiting
    s.set_speaking(false);
    CHECK(of(s.advance(60100ms), EventKind::step).size() == 1);
  }
  SUBCASE("n skips the step, the wait with it") {
    Rig rig(options);
    auto& s = rig.session;
    s.set_speaking(true);
    s.start(0ms);
    s.advance(5000ms);
    auto skipped = s.command(Command::skip, 6000ms);
    CHECK(of(skipped, EventKind::get_ready).size() == 1);
    CHECK_FALSE(s.view().waiting_for_speech);
    CHECK(s.view().step == 1);
  }
  SUBCASE("with --ready key, Enter starts the work whatever is still said") {
    options.ready_key = true;
    Rig rig(options);
    auto& s = rig.session;
    s.set_speaking(true);
    s.start(0ms);
    CHECK(s.view().waiting_for_key);
    auto go = s.command(Command::ready, 2000ms);
    CHECK(of(go, EventKind::step).size() == 1);
    CHECK_FALSE(s.view().waiting_for_speech);
  }
  SUBCASE("no wait where no words are being said, nor without speech_wait") {
    Rig quiet(options);
    quiet.session.start(0ms);
    CHECK(of(quiet.session.advance(5000ms), EventKind::step).size() == 1);
    Rig plain;
    plain.session.set_speaking(true);
    plain.session.start(0ms);
    CHECK(of(plain.session.advance(5000ms), EventKind::step).size() == 1);
  }
}

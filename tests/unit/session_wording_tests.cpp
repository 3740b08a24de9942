// The session's words at its end (roll/session_wording.hpp): the summary, the advice the events
// carry and the streak line, from sessions driven on a fake clock.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/session.hpp"
#include "roll/session_wording.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono_literals;
using roll::test::RecordingLog;

namespace {

struct Rig {
  Rig() : routine(roll::test::sample_routine()), session(routine, make_plan(routine), log, {}) {}
  Routine routine;
  RecordingLog log;
  Session session;
};

void run_to_end(Session& s, Millis from) {
  for (Millis t = from; !s.finished() && t <= 300s; t += 100ms) s.advance(t);
}

}  // namespace

TEST_CASE("the summary's headline says how the session ended") {
  CHECK(std::string(summary_headline(SessionStatus::completed)) == "Session complete");
  CHECK(std::string(summary_headline(SessionStatus::partial)) ==
        "Session partly done (less than 80% of the time on the roller)");
  CHECK(std::string(summary_headline(SessionStatus::quit)) == "Session ended early");
  CHECK(std::string(summary_headline(SessionStatus::pain_stop)) == "Stopped for sharp pain");
  CHECK(std::string(summary_headline(SessionStatus::interrupted)) == "Session interrupted");
  CHECK(std::string(summary_headline(SessionStatus::unfinished)) == "Session ended");
}

TEST_CASE("a whole session's summary: time and steps, zones, then move now and drink water") {
  Rig rig;
  rig.session.start(0ms);
  run_to_end(rig.session, 0ms);
  REQUIRE(rig.session.status() == SessionStatus::completed);
  auto lines = summary_lines(rig.session);
  REQUIRE(lines.size() == 5);
  // The work time, and that the get-readies are not in it (the screen's total counts them).
  CHECK(lines[0] == "Session complete: 1:34 of 1:34 done (get-readies not counted) · 3 of 3 steps");
  CHECK(lines[1] == "zones: full-body 0:30 · lats 0:24 · thoracic 0:40");  // 94 s of work
  // The full-body movement's 30 s are off the roller.
  CHECK(lines[2] == "on the roller: 1:04 (movement off it, such as cat-cow, not counted)");
  CHECK(lines[3] == move_now_advice(rig.routine));
  CHECK(lines[4] == water_advice());
  CHECK(end_advice(rig.session) == after_care_advice(rig.routine));
}

TEST_CASE("the summary counts the pressure readings and the holds changed") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(7s);
  s.command(Command::pressure, 7s, 6);
  s.command(Command::pressure, 8s, 8);
  s.command(Command::longer, 10s);
  run_to_end(s, 10s);
  auto lines = summary_lines(s);
  REQUIRE(lines.size() == 7);
  CHECK(lines[3] == "pressure readings: 2, highest 8/10");
  CHECK(lines[4] == "holds changed with + and -: 1 time, +15 s in all");
}

TEST_CASE("after a pain stop the summary ends with the sharp-pain advice, and so do the events") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);
  s.command(Command::pain, 10s);
  REQUIRE(s.status() == SessionStatus::pain_stop);
  auto lines = summary_lines(s);
  CHECK(lines.front().starts_with("Stopped for sharp pain: "));
  CHECK(lines.back() == sharp_pain_advice());
  CHECK(end_advice(s) == sharp_pain_advice());
}

TEST_CASE("an interrupted session gets no advice: nobody may be left to read it") {
  Rig rig;
  auto& s = rig.session;
  s.start(0ms);
  s.advance(10s);
  s.interrupt(10s);
  REQUIRE(s.status() == SessionStatus::interrupted);
  auto lines = summary_lines(s);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with("Session interrupted: "));
  CHECK(lines[1].starts_with("zones: "));
  CHECK(lines[2].starts_with("on the roller: "));
  CHECK(end_advice(s).empty());
}

TEST_CASE("the streak line: done today, still due, or a pain stop's rest day") {
  CHECK(streak_line(1, true, 4, false) ==
        "streak: 1 day · next session due tomorrow (the day starts at 04:00)");
  CHECK(streak_line(12, true, 23, true) ==
        "streak: 12 days · next session due tomorrow (the day starts at 23:00)");
  CHECK(streak_line(3, false, 4, false) == "streak: 3 days · today's session is still due");
  CHECK(streak_line(0, false, 4, true) == "streak: 0 days");
}

// The coach's pure rules (issue 18): the today view, stepping up gradually, the fifth session on
// one day and the rating keys.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_routines.hpp"
#include "memory_history.hpp"
#include "roll/load.hpp"
#include "roll/profile.hpp"
#include "roll/profile_edit.hpp"
#include "roll/progress.hpp"
#include "roll/today.hpp"
#include "roll/user_limits.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

// 2026-11-23 at hh:mm, UTC (the local clock is UTC in these tests).
SysSeconds at(int hh, int mm = 0, int day = 23) {
  return sys_days{year{2026} / November / day} + hours{hh} + minutes{mm};
}

LocalSeconds local(SysSeconds t) {
  return LocalSeconds{t.time_since_epoch()};
}

Today today_at(const TodayFacts& facts, const Profile& profile, SysSeconds now) {
  static const auto routines = roll::test::bundled_routines();
  return today(TodayInput{&facts, &profile, &routines, now, local(now)});
}

SessionRecord session(int day, SessionStatus status, std::vector<int> pressures = {}) {
  SessionRecord r;
  r.routine_name = "beginner";
  r.started_at = at(10, 0, day);
  r.status = status;
  for (int p : pressures) r.pressures.push_back({10, p, "thoracic"});
  return r;
}

}  // namespace

TEST_CASE("today: due in the afternoon suggests a beginner routine at the beginner's level") {
  TodayFacts facts;
  facts.streaks = {3, 5};
  Profile profile;
  auto t = today_at(facts, profile, at(15));
  CHECK(t.state == TodayState::due);
  CHECK(t.streaks.current == 3);
  CHECK(t.routine == "beginner");
  CHECK(t.command == "roll session beginner");
  CHECK(t.limits.empty());

  // Done least recently wins among those that fit.
  facts.last_done["beginner"] = at(15, 0, 22);
  t = today_at(facts, profile, at(15));
  CHECK(t.routine == "mid-back-extension");
}

TEST_CASE("today: the evening suggests bedtime, before a workout the warm-up (by level)") {
  TodayFacts facts;
  Profile profile;
  CHECK(today_at(facts, profile, at(21)).routine == "bedtime");
  CHECK(today_at(facts, profile, at(2, 0, 24)).routine == "bedtime");  // before day_start
  profile.workout_minute = 18 * 60;
  profile.level = Level::intermediate;
  auto t = today_at(facts, profile, at(17));
  CHECK(t.routine == "warm-up");
  CHECK(t.why.find("before your 18:00 workout") != std::string::npos);
  CHECK(today_at(facts, profile, at(18, 30)).routine != "warm-up");  // after it
  profile.level = Level::beginner;
  t = today_at(facts, profile, at(17));
  CHECK(t.routine != "warm-up");  // intermediate: above a beginner
  CHECK(t.why.find("above a beginner's level") != std::string::npos);
}

TEST_CASE("today: done, and a pain stop's rest day, suggest nothing") {
  TodayFacts facts;
  Profile profile;
  facts.done = true;
  facts.completed_today = 1;
  auto t = today_at(facts, profile, at(15));
  CHECK(t.state == TodayState::done);
  CHECK(t.routine.empty());

  TodayFacts stopped;
  stopped.pain_stop = PainStop{"u", "s", at(9), seconds{0}, "thoracic"};
  stopped.open_injuries.push_back(
      Injury{7, Zone::thoracic, at(9), std::string(kPainStopNote) + " in \"Rib roll\" (thoracic)"});
  t = today_at(stopped, profile, at(15));
  CHECK(t.state == TodayState::rest);
  CHECK(t.routine.empty());
  REQUIRE(t.limits.size() == 1);
  CHECK(t.limits[0].find("pain stop on the thoracic 6 h ago") != std::string::npos);
  CHECK(t.limits[0].find("42 h more") != std::string::npos);
}

TEST_CASE("today: an injury to the whole body that keeps every step off is a rest day") {
  TodayFacts hurt;
  Profile profile;
  hurt.reason = DueReason::injury;
  hurt.open_injuries.push_back(Injury{3, Zone::full_body, at(10), "a fall"});
  auto t = today_at(hurt, profile, at(15));
  CHECK(t.state == TodayState::rest);
  CHECK(t.routine.empty());
}

TEST_CASE("today: an open injury takes out every routine that presses near it") {
  TodayFacts facts;
  facts.open_injuries.push_back(Injury{1, Zone::lats, at(3), "lifting"});
  Profile profile;
  profile.level = Level::intermediate;
  auto t = today_at(facts, profile, at(15));
  REQUIRE(t.limits.size() == 1);
  CHECK(t.limits[0].find("injury to the lats 12 h ago") != std::string::npos);
  static const auto routines = roll::test::bundled_routines();
  REQUIRE_FALSE(t.routine.empty());
  for (const Routine& r : routines) {
    if (r.name == t.routine)
      CHECK(check_injuries(r, facts.open_injuries, at(15)).guard == Guard::none);
  }
  // From 48 h on a routine near it is suggested when nothing else fits: the session asks first.
  TodayFacts older;
  older.open_injuries.push_back(Injury{1, Zone::thoracic, at(15, 0, 21), ""});
  t = today_at(older, Profile{}, at(15));
  CHECK(t.routine == "beginner");
  CHECK(t.why.find("asks first whether the acute pain has subsided") != std::string::npos);
  // A thoracic injury guards every bundled routine: rest, or compose one.
  facts.open_injuries = {Injury{1, Zone::thoracic, at(3), ""}, Injury{2, Zone::glutes, at(3), ""}};
  t = today_at(facts, profile, at(15));
  CHECK(t.routine.empty());
  CHECK(t.why.find("roll suggest --tight") != std::string::npos);
}

TEST_CASE("today: the facts read from the history: done, the streak, open injuries, last done") {
  roll::test::MemoryHistory history;
  roll::test::FixedOffsetZone utc;
  history.add(session(21, SessionStatus::completed));
  history.add(session(22, SessionStatus::completed));
  auto partial = session(23, SessionStatus::partial);
  partial.routine_name = "evening";
  history.add(partial);
  Injury open;
  open.zone = Zone::lats;
  open.at = at(8, 0, 20);
  history.add(open);
  Injury cleared = open;
  cleared.cleared = true;
  history.add(cleared);
  Profile profile;
  TodayFacts facts = read_today_facts(history, utc, profile, at(20));
  CHECK_FALSE(facts.done);
  CHECK(facts.completed_today == 0);
  CHECK(facts.streaks.current == 2);  // today is not over
  REQUIRE(facts.open_injuries.size() == 1);
  CHECK_FALSE(facts.open_injuries.front().cleared);
  CHECK(facts.last_done.size() == 1);  // a partial session is not done
  CHECK(facts.last_done.at("beginner") == at(10, 0, 22));
  history.add(session(23, SessionStatus::completed));
  facts = read_today_facts(history, utc, profile, at(20));
  CHECK(facts.done);
  CHECK(facts.completed_today == 1);
  CHECK(facts.streaks.current == 3);
}

TEST_CASE("step up: ten clean completed sessions over fourteen days, reset by pain or pressure") {
  LocalDays today = floor<days>(local(at(12, 0, 20)));
  std::vector<SessionRecord> history;
  for (int d = 1; d <= 9; ++d) history.push_back(session(d, SessionStatus::completed, {4, 5}));
  auto s = step_up(Level::beginner, history, today, 4);
  CHECK_FALSE(s.suggested);
  CHECK(s.sessions == 9);
  CHECK(s.reason.find("9 of 10") != std::string::npos);

  history.push_back(session(10, SessionStatus::completed, {5}));
  s = step_up(Level::beginner, history, today, 4);
  CHECK(s.suggested);
  CHECK(s.next == Level::intermediate);
  CHECK(s.days == 20);

  // Ten sessions crammed into five days are not "gradually".
  std::vector<SessionRecord> crammed;
  for (int d = 16; d <= 20; ++d) {
    crammed.push_back(session(d, SessionStatus::completed));
    crammed.push_back(session(d, SessionStatus::completed));
  }
  s = step_up(Level::beginner, crammed, today, 4);
  CHECK(s.sessions == 10);
  CHECK_FALSE(s.suggested);

  // A reading of 8 starts the run over; so does a pain stop.
  auto hard = history;
  hard.push_back(session(11, SessionStatus::completed, {8}));
  s = step_up(Level::beginner, hard, today, 4);
  CHECK_FALSE(s.suggested);
  CHECK(s.sessions == 0);
  CHECK(s.reason.find("pressure above 5") != std::string::npos);
  auto stopped = history;
  stopped.push_back(session(11, SessionStatus::pain_stop));
  stopped.push_back(session(12, SessionStatus::completed));
  s = step_up(Level::beginner, stopped, today, 4);
  CHECK_FALSE(s.suggested);
  CHECK(s.sessions == 1);
  CHECK(s.reason.find("a pain stop") != std::string::npos);

  // Partial sessions and rehearsals neither count nor break the run.
  auto mixed = history;
  mixed.push_back(session(11, SessionStatus::partial, {9}));
  mixed.back().pressures.clear();
  auto rehearsal = session(12, SessionStatus::pain_stop);
  rehearsal.origin = SessionOrigin::rehearsal;
  mixed.push_back(rehearsal);
  CHECK(step_up(Level::beginner, mixed, today, 4).suggested);

  CHECK_FALSE(step_up(Level::intermediate, history, today, 4).suggested);
}

TEST_CASE("step up: a beginner's count starts over above the ease-off's 5, not everyone's 7") {
  // Step-ups are for beginners, whom the session eases off from 6 (user_limits.hpp): a reading
  // the session called too much does not count toward a clean run, cleared condition or not.
  LocalDays today = floor<days>(local(at(12, 0, 20)));
  std::vector<SessionRecord> history;
  for (int d = 1; d <= 10; ++d) history.push_back(session(d, SessionStatus::completed, {4, 5}));
  REQUIRE(step_up(Level::beginner, history, today, 4).suggested);
  history.push_back(session(11, SessionStatus::completed, {6}));
  auto s = step_up(Level::beginner, history, today, 4);
  CHECK_FALSE(s.suggested);
  CHECK(s.sessions == 0);
  REQUIRE(s.restarted);
  CHECK(s.restarted->pressure == 6);
  CHECK(s.reason.find("a pressure above 5") != std::string::npos);
  CHECK(s.reason.find("above 7") == std::string::npos);
  for (int d = 12; d <= 20; ++d) history.push_back(session(d, SessionStatus::completed, {5}));
  s = step_up(Level::beginner, history, today, 4);
  CHECK(s.sessions == 9);
  CHECK(s.reason.find("no pressure reading above 5") != std::string::npos);
  // The ceiling is the ease-off's own function, read for a beginner.
  UserLimits beginner;
  beginner.beginner = true;
  CHECK(step_up_most_pressure() == pressure_most(beginner));
}

TEST_CASE("the fifth session on one day is warned about, and the rating keys are 0-9 and t") {
  CHECK_FALSE(frequency_warning(0));
  CHECK_FALSE(frequency_warning(3));
  auto w = frequency_warning(4);
  REQUIRE(w);
  CHECK(w->find("session 5 today") != std::string::npos);
  CHECK(w->find("1-4 times per day") != std::string::npos);
  // The second article's dose, and the first's, which disagrees; nothing added to either.
  CHECK(w->find("five minutes") != std::string::npos);
  CHECK(w->find("more is not better") == std::string::npos);

  CHECK(rating_from_key('0') == 0);
  CHECK(rating_from_key('7') == 7);
  CHECK(rating_from_key('t') == 10);
  CHECK_FALSE(rating_from_key('\r'));
  CHECK_FALSE(rating_from_key('x'));
}

TEST_CASE("step up: what started the count over is kept, and said in a short sentence") {
  LocalDays today = floor<days>(local(at(12, 0, 20)));
  std::vector<SessionRecord> history;
  for (int d = 1; d <= 5; ++d) history.push_back(session(d, SessionStatus::completed, {5}));
  CHECK_FALSE(step_up(Level::beginner, history, today, 4).restarted);
  history.push_back(session(6, SessionStatus::completed, {6, 9, 8}));
  auto s = step_up(Level::beginner, history, today, 4);
  REQUIRE(s.restarted);
  CHECK_FALSE(s.restarted->pain_stop);
  CHECK(s.restarted->pressure == 9);
  CHECK(restart_words(*s.restarted) ==
        "the count started over after a pressure of 9 on 2026-11-06");
  history.push_back(session(8, SessionStatus::pain_stop));
  s = step_up(Level::beginner, history, today, 4);
  REQUIRE(s.restarted);
  CHECK(restart_words(*s.restarted) == "the count started over after a pain stop on 2026-11-08");
}

TEST_CASE("10 on a 0-10 scale is typed 1 then 0, and a 1 alone is 1") {
  CHECK(scale_from_keys('1', '0') == 10);
  CHECK(scale_from_keys('1', std::nullopt) == 1);
  CHECK(scale_from_keys('1', '\r') == 1);
  CHECK(scale_from_keys('0', std::nullopt) == 0);
  CHECK(scale_from_keys('7', std::nullopt) == 7);
  CHECK(scale_from_keys('t', std::nullopt) == 10);
  CHECK_FALSE(scale_from_keys('\r', std::nullopt));
  CHECK(may_start_ten('1'));
  CHECK_FALSE(may_start_ten('2'));
}

TEST_CASE("today: a condition not cleared holds the day, whatever the history says") {
  auto held = load_profile("[conditions]\nosteoporosis = true\n", "c");
  REQUIRE(held.profile);
  TodayFacts facts;
  auto t = today_at(facts, *held.profile, at(15));
  CHECK(t.state == TodayState::held);
  CHECK(t.routine.empty());
  CHECK(t.held.find("osteoporosis") != std::string::npos);
  CHECK(std::string(today_state_name(t.state)) == "held");
  facts.done = true;
  CHECK(today_at(facts, *held.profile, at(15)).state == TodayState::held);
  auto cleared = load_profile("[conditions]\nosteoporosis = \"cleared\"\n", "c");
  CHECK(today_at(TodayFacts{}, *cleared.profile, at(15)).state == TodayState::due);
}

TEST_CASE("profile: workout_time and ratings") {
  auto p = load_profile("workout_time = \"18:30\"\nratings = false\n", "config.toml");
  REQUIRE(p.profile);
  CHECK(p.profile->workout_minute == 18 * 60 + 30);
  CHECK_FALSE(p.profile->ratings);
  CHECK(load_profile("", "c").profile->ratings);
  auto bad = load_profile("workout_time = \"6pm\"\nratings = \"no\"\n", "config.toml");
  CHECK_FALSE(bad.profile);
  CHECK(bad.diagnostics.size() == 2);
}

TEST_CASE(
    "with_level_line: only the level's value changes, or one line is added at the top level") {
  std::string text =
      "# my profile\nroller = \"soft\"  # the blue one\nlevel   =  \"beginner\"   # for now\n\n"
      "[conditions]\nosteoporosis = false\n";
  auto out = with_level_line(text, Level::intermediate);
  REQUIRE(out);
  CHECK(*out ==
        "# my profile\nroller = \"soft\"  # the blue one\nlevel   =  \"intermediate\"   # for "
        "now\n\n[conditions]\nosteoporosis = false\n");
  CHECK(load_profile(*out, "c").profile->level == Level::intermediate);

  auto added =
      with_level_line("roller = \"soft\"\n# conditions below\n[conditions]\nosteoporosis = false\n",
                      Level::advanced);
  REQUIRE(added);
  // After the last top-level key: the comment above [conditions] stays with it.
  CHECK(*added ==
        "roller = \"soft\"\nlevel = \"advanced\"\n# conditions below\n[conditions]\nosteoporosis = "
        "false\n");
  auto bare = with_level_line("speech = \"espeak-ng\"", Level::beginner);
  REQUIRE(bare);
  CHECK(*bare == "speech = \"espeak-ng\"\nlevel = \"beginner\"\n");
  CHECK(with_level_line("", Level::beginner) == std::string("level = \"beginner\"\n"));
  CHECK_FALSE(with_level_line("level = [", Level::beginner));
}

TEST_CASE("step up credits \"gradually\" to the second article, where it is") {
  auto up = step_up(Level::beginner, {}, LocalDays{std::chrono::days{20000}}, 4);
  CHECK(up.reason.find("roll's own reading of the second article's") != std::string::npos);
}

TEST_CASE("step up: past a prescription's level it is the clinician's, until 14 days after it") {
  LocalDays today = floor<days>(local(at(12, 0, 20)));
  std::vector<SessionRecord> history;
  for (int d = 1; d <= 10; ++d) history.push_back(session(d, SessionStatus::completed, {4}));
  StepUp s = step_up(Level::beginner, history, today, 4);
  REQUIRE(s.suggested);
  PrescribedLevel p{Level::beginner, "", today - days{kStepUpAsksClinicianDays}};
  CHECK(asks_clinician(p, Level::intermediate, today));
  CHECK_FALSE(asks_clinician(p, Level::beginner, today));
  CHECK_FALSE(asks_clinician(p, Level::intermediate, today + days{1}));
  CHECK_FALSE(
      asks_clinician(PrescribedLevel{Level::intermediate, "", today}, Level::intermediate, today));
  CHECK(asks_clinician(PrescribedLevel{Level::intermediate, "", today}, Level::advanced, today));

  StepUp kept = s;
  defer_to_clinician(kept, p, today + days{1});
  CHECK_FALSE(kept.prescribed_level);
  CHECK(kept.reason == s.reason);

  defer_to_clinician(s, p, today);
  REQUIRE(s.prescribed_level);
  CHECK(*s.prescribed_level == Level::beginner);
  CHECK(s.suggested);
  CHECK(s.reason.find("ask your clinician whether to step up before `roll level intermediate`") !=
        std::string::npos);
  CHECK(s.reason.find("try a longer session") == std::string::npos);
  CHECK(level_words(Level::advanced) == "an advanced");
}

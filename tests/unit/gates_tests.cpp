// The gates before and after a session, as pure logic: the check-in's answers, the questions
// asked from 48 h after an injury, the pain stop's injury and what the profile changes.
#include <doctest/doctest.h>

#include <cstdio>
#include <deque>

#include "cli/session/daily_check_in.hpp"
#include "cli/session/preflight.hpp"
#include "fixtures.hpp"
#include "platform/wall_clock.hpp"
#include "roll/check_in.hpp"
#include "roll/injury.hpp"
#include "roll/profile.hpp"
#include "session_fakes.hpp"

using namespace roll;
using namespace std::chrono;

using roll::test::routine_pressing;

namespace {

// Lines typed in advance; the input ends after the last one.
class Script final : public Prompter {
 public:
  explicit Script(std::deque<std::string> lines) : lines_(std::move(lines)) {}
  void say(std::string_view text) override { shown += text; }
  std::optional<std::string> read_line() override {
    if (lines_.empty()) return std::nullopt;
    std::string line = lines_.front();
    lines_.pop_front();
    ++reads;
    return line;
  }
  std::string shown;
  int reads = 0;

 private:
  std::deque<std::string> lines_;
};

int count(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("only a clear y/yes or n/no is an answer, in any case, blanks trimmed") {
  for (const char* yes : {"y", "Y", "yes", "YES", "Yes", "  yes ", "\tY\r\n"}) {
    CAPTURE(yes);
    CHECK(parse_yes_no(yes) == true);
  }
  for (const char* no : {"n", "N", "no", "No", " NO\n"}) {
    CAPTURE(no);
    CHECK(parse_yes_no(no) == false);
  }
  for (const char* unclear : {"", " ", "yes, my neck hurts", "yess", "nope", "maybe", "ye s", "y n",
                              "1", "0", "true", "no!"}) {
    CAPTURE(unclear);
    CHECK_FALSE(parse_yes_no(unclear).has_value());
  }
}

TEST_CASE("a question is asked again until the answer is clear, and ends with the input") {
  SUBCASE("a sentence is asked again, not read as no") {
    Script s({"yes, my neck hurts", "", "y"});
    CHECK(ask_yes_no(s, "Any pain?") == true);
    CHECK(s.reads == 3);
    CHECK(count(s.shown, "Any pain? [y/n]") == 3);
    CHECK(count(s.shown, "Please answer y or n.") == 2);
  }
  SUBCASE("the end of the input is no answer, not an endless loop") {
    Script s({"what?"});
    CHECK_FALSE(ask_yes_no(s, "Any pain?").has_value());
    CHECK(s.reads == 1);
  }
}

TEST_CASE("the daily check-in: a fresh injury and where, then the limbs, asked separately") {
  SUBCASE("no and no") {
    Script s({"n", "no"});
    auto c = run_check_in(s);
    CHECK(c.answered);
    CHECK_FALSE(c.fresh_injury);
    CHECK_FALSE(c.limb_symptoms);
    CHECK(s.shown.find(kInjuryQuestion) != std::string::npos);
    CHECK(s.shown.find(kLimbQuestion) != std::string::npos);
  }
  SUBCASE("\"yes, my neck hurts\" is asked again; then the zone") {
    Script s({"yes, my neck hurts", "yes", "neck", "n"});
    auto c = run_check_in(s);
    CHECK(c.answered);
    CHECK(c.fresh_injury);
    CHECK(c.zone == Zone::neck);
    CHECK_FALSE(c.limb_symptoms);
  }
  SUBCASE("an unknown or empty place is unsure, not a guess") {
    Script s({"y", "", "n"});
    auto c = run_check_in(s);
    CHECK(c.fresh_injury);
    CHECK_FALSE(c.zone.has_value());
  }
  SUBCASE("numbness, weakness or shooting pain in the limbs is its own question") {
    Script s({"n", "y"});
    auto c = run_check_in(s);
    CHECK(c.answered);
    CHECK_FALSE(c.fresh_injury);
    CHECK(c.limb_symptoms);
    CHECK(limb_symptoms_advice().find("doctor or physical therapist") != std::string::npos);
  }
  SUBCASE("the input ends before the limbs are answered: no answer") {
    Script s({"n"});
    CHECK_FALSE(run_check_in(s).answered);
    Script none({});
    CHECK_FALSE(run_check_in(none).answered);
  }
}

TEST_CASE("the injury gate: refused under 48 h, asked from 48 h, a yes closes it from 72 h") {
  sys_seconds now = sys_seconds{hours{24 * 20000}};
  auto routine = routine_pressing(Zone::thoracic);
  auto at = [&](int h) {
    return std::vector<Injury>{{7, Zone::thoracic, now - hours{h}, "pain stop", false}};
  };
  SUBCASE("47 h: refused, whatever anyone answers") {
    auto injuries = at(47);
    auto f = check_injuries(routine, injuries, now);
    CHECK(f.guard == Guard::refuse);
    CHECK(gate_step(f.guard, true) == GateStep::refuse);
    CHECK(gate_outcome(f.guard, true) == GateOutcome::refuse);
  }
  SUBCASE("48 h: asked; yes runs and keeps the injury open; no refuses") {
    auto injuries = at(48);
    auto f = check_injuries(routine, injuries, now);
    CHECK(f.guard == Guard::ask);
    CHECK(gate_step(f.guard, true) == GateStep::ask);
    CHECK(gate_outcome(f.guard, true) == GateOutcome::run);
    CHECK(gate_outcome(f.guard, false) == GateOutcome::refuse);
    CHECK(gate_outcome(f.guard, std::nullopt) == GateOutcome::refuse);
  }
  SUBCASE("72 h and long after: asked; yes closes the injury; no refuses") {
    for (int h : {72, 200, 24 * 400}) {
      CAPTURE(h);
      auto injuries = at(h);
      auto f = check_injuries(routine, injuries, now);
      CHECK(f.guard == Guard::ask_to_clear);
      CHECK(injury_window(injuries[0], now) == Guard::ask_to_clear);
      CHECK(gate_outcome(f.guard, true) == GateOutcome::run_and_clear);
      CHECK(gate_outcome(f.guard, false) == GateOutcome::refuse);
    }
  }
  SUBCASE("with no one to ask (--yes, no terminal) a question of fact refuses") {
    CHECK(gate_step(Guard::ask, false) == GateStep::refuse);
    CHECK(gate_step(Guard::ask_to_clear, false) == GateStep::refuse);
    CHECK(gate_step(Guard::none, false) == GateStep::run);
  }
  SUBCASE("every open injury the routine meets is a finding, strictest first") {
    std::vector<Injury> injuries{{1, Zone::thoracic, now - hours{100}, "", false},
                                 {2, Zone::lats, now - hours{50}, "", false},
                                 {3, Zone::calves, now - hours{1}, "", false}};
    auto found = injury_findings(routine, injuries, now);
    REQUIRE(found.size() == 2);
    CHECK(found[0].injury->id == 2);
    CHECK(found[0].guard == Guard::ask);
    CHECK(found[1].injury->id == 1);
  }
  SUBCASE("list: the windows and their hours") {
    auto injuries = at(60);
    CHECK(injury_window(injuries[0], now) == Guard::ask);
    CHECK(hours_ceil(injury_window_remaining(injuries[0], now)) == 12);
    injuries[0].cleared = true;
    CHECK(injury_window(injuries[0], now) == Guard::none);
  }
}

TEST_CASE("a pain stop becomes an injury to the zone of the step in progress") {
  sys_seconds at = sys_seconds{hours{24 * 20000}};
  Routine r = routine_pressing(Zone::lats);
  r.name = "lats";
  r.steps[0].name = "Lat release";
  Step rest;
  rest.kind = StepKind::rest;
  rest.name = "Rest";
  r.steps.push_back(rest);
  auto i = pain_stop_injury(r, 0, at);
  CHECK(i.zone == Zone::lats);
  CHECK(i.at == at);
  CHECK(i.note.starts_with("pain stop"));
  CHECK(i.note.find("Lat release") != std::string::npos);
  CHECK_FALSE(i.cleared);
  // Where no zone is named, guard everything rather than guess.
  CHECK(pain_stop_injury(r, 1, at).zone == Zone::full_body);
  // Held like a fresh injury: refused for 48 h, then asked.
  std::vector<Injury> injuries{i};
  CHECK(check_injuries(routine_pressing(Zone::lats), injuries, at + hours{47}).guard ==
        Guard::refuse);
  CHECK(check_injuries(routine_pressing(Zone::lats), injuries, at + hours{49}).guard == Guard::ask);
  CHECK(check_injuries(routine_pressing(Zone::lats), injuries, at + hours{73}).guard ==
        Guard::ask_to_clear);
}

TEST_CASE("the profile is used: level and roller, the beginner warning, the bone caution") {
  auto load = [](const char* text) {
    auto r = load_profile(text, "config.toml");
    REQUIRE(r.profile);
    return *r.profile;
  };
  Routine routine = routine_pressing(Zone::glutes);
  routine.level = Level::advanced;
  routine.roller = Roller::medium;
  SUBCASE("a beginner starting an advanced or intermediate routine; not otherwise") {
    CHECK(beginner_above_level(routine, load("level = \"beginner\"\n")));
    routine.level = Level::intermediate;
    CHECK(beginner_above_level(routine, load("level = \"beginner\"\n")));
    routine.level = Level::beginner;
    CHECK_FALSE(beginner_above_level(routine, load("level = \"beginner\"\n")));
    routine.level = Level::advanced;
    CHECK_FALSE(beginner_above_level(routine, load("level = \"advanced\"\n")));
    CHECK_FALSE(beginner_above_level(routine, load("")));
  }
  SUBCASE("the user's level and roller replace the routine's where the profile gives them") {
    auto r = with_profile(routine, load("level = \"beginner\"\nroller = \"firm\"\n"));
    CHECK(r.level == Level::beginner);
    CHECK(r.roller == Roller::firm);
    auto same = with_profile(routine, load(""));
    CHECK(same.level == Level::advanced);
    CHECK(same.roller == Roller::medium);
  }
  SUBCASE("osteoporosis cleared: firm rollers and rib work get the caution") {
    auto cleared = load("roller = \"firm\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    auto caution = bone_caution(routine, cleared);
    REQUIRE(caution);
    CHECK(caution->find("cause fractures in compromised bone") != std::string::npos);
    CHECK(caution->find("firm roller") != std::string::npos);
    auto soft = load("roller = \"soft\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK_FALSE(bone_caution(routine, soft));  // glutes, soft: no ribs, no firm roller
    CHECK(bone_caution(routine_pressing(Zone::thoracic), soft));
    CHECK(bone_caution(routine_pressing(Zone::lats), soft));
    // Snow angels are a stretch with the roller under the spine: rib work all the same.
    auto angels = routine_pressing(Zone::thoracic);
    angels.steps[0].kind = StepKind::stretch;
    CHECK(bone_caution(angels, soft));
    angels.steps[0].kind = StepKind::movement;
    CHECK_FALSE(bone_caution(angels, soft));
    CHECK_FALSE(bone_caution(routine_pressing(Zone::thoracic), load("roller = \"firm\"\n")));
    CHECK_FALSE(bone_caution(routine_pressing(Zone::thoracic),
                             load("[conditions]\nrecent-surgery = \"cleared\"\n")));
  }
  SUBCASE("osteoporosis cleared: a ball or a peanut on the ribs or the shoulder blades") {
    for (const char* tool : {"ball", "peanut"}) {
      CAPTURE(tool);
      std::string text =
          std::string("roller = \"") + tool + "\"\n[conditions]\nosteoporosis = \"cleared\"\n";
      auto cleared = load(text.c_str());
      for (Zone zone : {Zone::shoulders, Zone::traps, Zone::rhomboids, Zone::thoracic}) {
        CAPTURE(zone_name(zone));
        auto caution = bone_caution(routine_pressing(zone), cleared);
        REQUIRE(caution);
        CHECK(caution->find(std::string("a ") + tool) != std::string::npos);
        CHECK(caution->find("small spot") != std::string::npos);
      }
      CHECK_FALSE(bone_caution(routine_pressing(Zone::hamstrings), cleared));
    }
    auto soft = load("roller = \"soft\"\n[conditions]\nosteoporosis = \"cleared\"\n");
    CHECK_FALSE(bone_caution(routine_pressing(Zone::shoulders), soft));
    // A roller along the spine presses the thoracic spine whatever zone it names.
    auto along = routine_pressing(Zone::shoulders);
    along.steps[0].kind = StepKind::stretch;
    along.steps[0].along = Along::spine;
    CHECK(bone_caution(along, soft));
    Injury thoracic;
    thoracic.zone = Zone::thoracic;
    CHECK(check_injuries(along, {thoracic}, thoracic.at + std::chrono::hours(1)).guard ==
          Guard::refuse);
  }
}

// Issue 14, item 3: a yes to "fresh injury?" and then a yes to the limbs question refuses the
// session and leaves the check-in unrecorded, so the next session asks again: the same yes was
// recorded as a second injury.
TEST_CASE("a fresh injury told to a check-in that then refuses is recorded once, not per asking") {
  roll::test::TempDb db("roll-gates");
  std::FILE* sink = std::tmpfile();
  REQUIRE(sink != nullptr);
  cli::Context ctx;
  ctx.out = sink;
  ctx.err = sink;
  Profile profile;
  cli::Notices notices;
  auto now = sys_seconds{seconds{1'795'208'400}};
  {
    platform::HistoryStore store(db.file);
    Script refused({"y", "thoracic", "y"});
    CHECK_THROWS_AS(cli::daily_check_in(ctx, store, now, profile, refused, notices), cli::Failure);
    REQUIRE(store.injuries(false).size() == 1);
    CHECK_FALSE(store.checked_in("2026-11-20"));
  }
  {
    platform::HistoryStore store(db.file);
    Script again({"yes", "thoracic", "n"});
    cli::daily_check_in(ctx, store, now + minutes(5), profile, again, notices);
    auto open = store.injuries(false);
    CHECK(open.size() == 1);  // the same injury, told twice
    REQUIRE_FALSE(open.empty());
    CHECK(open[0].zone == Zone::thoracic);
    // Cut short the first time (the input ended), answered the next day: still one.
    Script cut({"y", "lats"});
    auto next_day = now + hours(30);
    CHECK_THROWS_AS(cli::daily_check_in(ctx, store, next_day, profile, cut, notices), cli::Failure);
    Script answered({"y", "lats", "n"});
    cli::daily_check_in(ctx, store, next_day + minutes(1), profile, answered, notices);
    CHECK(store.injuries(false).size() == 2);
    // Another zone is another injury; the same zone after 72 h is a fresh one.
    Script other({"y", "glutes", "n"});
    cli::daily_check_in(ctx, store, now + hours(60), profile, other, notices);
    CHECK(store.injuries(false).size() == 3);
    Script later({"y", "thoracic", "n"});
    cli::daily_check_in(ctx, store, now + hours(100), profile, later, notices);
    CHECK(store.injuries(false).size() == 4);
  }
  std::fclose(sink);
}

// Issue 14, item 1: what the pre-flight says is read before the full screen covers it.
TEST_CASE("before the full screen: Enter starts, q or the end of the input does not") {
  Script enter({"\n"});
  cli::wait_for_reading(enter);
  CHECK(enter.shown.find("press Enter to start") != std::string::npos);
  Script anything({"ok\n"});
  cli::wait_for_reading(anything);
  Script quit({" q \n"});
  CHECK_THROWS_AS(cli::wait_for_reading(quit), cli::Failure);
  Script ended({});
  CHECK_THROWS_AS(cli::wait_for_reading(ended), cli::Failure);
}

TEST_CASE("the check-in's records are notices, unread until a later question is answered") {
  roll::test::TempDb db("roll-gates");
  std::FILE* sink = std::tmpfile();
  REQUIRE(sink != nullptr);
  cli::Context ctx;
  ctx.out = sink;
  platform::HistoryStore store(db.file);
  cli::Notices notices;
  Script answers({"y", "", "n"});
  cli::daily_check_in(ctx, store, sys_seconds{seconds{1'795'208'400}}, Profile{}, answers, notices);
  CHECK(notices.unread);
  REQUIRE(notices.lines.size() == 2);
  CHECK(notices.lines[0] == "Recording it for the whole body.");
  CHECK(notices.lines[1].starts_with("Recorded as injury #1 (full-body)"));
  std::fclose(sink);
}

TEST_CASE(
    "the check-in's injury says nothing clears it under 48 h, and undoes a mistake by delete") {
  // It said "`roll injury clear N` once a clinician says it is fine": the first article's "wait at
  // least 48 to 72 hours" is a minimum that no one's word shortens.
  roll::test::TempDb db("roll-gates");
  std::FILE* sink = std::tmpfile();
  REQUIRE(sink != nullptr);
  cli::Context ctx;
  ctx.out = sink;
  platform::HistoryStore store(db.file);
  cli::Notices notices;
  Script answers({"y", "neck", "n"});
  cli::daily_check_in(ctx, store, sys_seconds{seconds{1'795'208'400}}, Profile{}, answers, notices);
  REQUIRE(notices.lines.size() == 1);
  const auto& said = notices.lines[0];
  CHECK(said.starts_with("Recorded as injury #1 (neck). No pressure on it for at least 48 h"));
  CHECK(said.find("\"wait at least 48 to 72 hours\"") != std::string::npos);
  CHECK(said.find("Recorded by mistake? `roll injury delete 1`.") != std::string::npos);
  CHECK(said.find("clinician") == std::string::npos);
  std::fclose(sink);
}

// The first day: the screening has just asked the second article's "rapid onset of numbness,
// shooting pain or weakness in your arms or legs?"; the check-in minutes later does not ask it
// again, and still records its day.
TEST_CASE("a check-in on the day the screening asked about numbness does not ask it again") {
  roll::test::TempDb db("roll-gates");
  std::FILE* sink = std::tmpfile();
  REQUIRE(sink != nullptr);
  cli::Context ctx;
  ctx.out = sink;
  ctx.err = sink;
  cli::Notices notices;
  auto now = sys_seconds{seconds{1'795'208'400}};
  LocalDays today = floor<days>(platform::to_local(now));
  Profile profile;
  for (const auto& [condition, name] : kConditionNames) {
    (void)name;
    profile.answered.push_back(condition);
  }
  profile.conditions_asked = today;
  platform::HistoryStore store(db.file);
  std::string day = format_date(roll_day(platform::to_local(now), profile.day_start_hour));
  {
    Script screened_today({"n"});
    cli::daily_check_in(ctx, store, now, profile, screened_today, notices);
    CHECK(screened_today.shown.find(kInjuryQuestion) != std::string::npos);
    CHECK(screened_today.shown.find(kLimbQuestion) == std::string::npos);
    CHECK(screened_today.reads == 1);
    CHECK(store.checked_in(day));
  }
  // Answered yesterday, or with a clinician's clearing of the symptoms: asked again each day.
  auto next_day = now + hours(24);
  std::string next = format_date(roll_day(platform::to_local(next_day), profile.day_start_hour));
  {
    Script screened_before({"n", "n"});
    cli::daily_check_in(ctx, store, next_day, profile, screened_before, notices);
    CHECK(screened_before.shown.find(kLimbQuestion) != std::string::npos);
    CHECK(store.checked_in(next));
  }
  Profile cleared = profile;
  cleared.conditions.push_back({Condition::neurological_symptoms, true});
  cleared.conditions_asked = floor<days>(platform::to_local(next_day + hours(24)));
  Script with_cleared({"n", "n"});
  cli::daily_check_in(ctx, store, next_day + hours(24), cleared, with_cleared, notices);
  CHECK(with_cleared.shown.find(kLimbQuestion) != std::string::npos);
  std::fclose(sink);
}

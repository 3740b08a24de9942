// roll suggest's composer (issue 18): for every zone, a routine that presses no forbidden or
// injured zone, lasts within 10% of the minutes asked for, and passes the linter untouched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundled_routines.hpp"
#include "cue_words.hpp"
#include "roll/compose.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"
#include "roll/pose.hpp"
#include "roll/session.hpp"
#include "roll/session_wording.hpp"
#include "roll/walk.hpp"
#include "session_fakes.hpp"

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
          if (!on_roller(s)) continue;
          CHECK(!is_forbidden_zone(*s.zone));
          // Moves only as its steps declare, and never toward a forbidden zone.
          CHECK_FALSE(walks_too_far(s));
          if (s.positions > 1) {
            REQUIRE(s.move);
            for (const auto& way : roll::test::moves_named(s.cue)) {
              CHECK(way == to_string(*s.move));
            }
          }
          if (s.zone == Zone::glutes || s.zone == Zone::hips) CHECK(s.move != Move::up);
          if (s.zone == Zone::thoracic && s.positions > 1) {
            CHECK(s.move == Move::up);
            CHECK(s.cue.find("base of the rib cage") != std::string::npos);
          }
          if (s.zone == Zone::lats && s.positions > 1) CHECK(s.move == Move::down);
          // A cue that moves the roller after three breaths is timed in three breaths: timed
          // otherwise, the person would move before the get-ready says so, and again when it does.
          if (s.cue.find("three breaths") != std::string::npos ||
              s.cue.find("three slow breaths") != std::string::npos) {
            CHECK(s.unit == TimingUnit::breaths);
            CHECK(s.count == 3);
          }
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
        // Every step names its figure, a pose that exists, on the roller when the step is.
        REQUIRE(loaded.routine->steps.size() == r.steps.size());
        for (const Step& s : loaded.routine->steps) {
          auto pose = find_pose(s.pose);
          REQUIRE(pose);
          CHECK(pose_facts(*pose).on_roller == on_roller(s));
        }
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

namespace {

// The plain lines of a whole session of `routine` on the fake clock, each with its step.
std::vector<std::pair<std::size_t, std::string>> transcript(const Routine& routine) {
  roll::test::RecordingLog log;
  Session session(routine, make_plan(routine), log);
  std::vector<Event> events = session.start(Millis{0});
  for (Millis t{0}; !session.finished(); t += std::chrono::seconds(1)) {
    auto more = session.advance(t);
    events.insert(events.end(), more.begin(), more.end());
  }
  std::vector<std::pair<std::size_t, std::string>> lines;
  for (const Event& e : events) {
    if (e.kind == EventKind::started || e.kind == EventKind::finished) continue;
    lines.emplace_back(e.step, event_text(routine, e));
    if (auto cue = cue_text(routine, e); !cue.empty()) lines.emplace_back(e.step, cue);
  }
  return lines;
}

bool says_up(const std::string& line) {
  for (std::size_t at = line.find("up"); at != std::string::npos; at = line.find("up", at + 1)) {
    bool start = at == 0 || !std::isalpha(static_cast<unsigned char>(line[at - 1]));
    bool end = at + 2 >= line.size() || !std::isalpha(static_cast<unsigned char>(line[at + 2]));
    if (start && end) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a tight lower back, intermediate, 15 minutes: no way up at the glutes, the climb up") {
  ComposeRequest request{Zone::lumbar, 15, Level::intermediate, Roller::medium, "", {}};
  auto result = compose_routine(request, roll::test::bundled_routines());
  REQUIRE_MESSAGE(result.routine, result.error);
  const Routine& r = *result.routine;
  int glute_lines = 0, moves_across = 0, climbs = 0;
  for (const auto& [step, line] : transcript(r)) {
    CAPTURE(line);
    const Step& s = r.steps[step];
    if (s.zone == Zone::glutes) {
      ++glute_lines;
      CHECK_FALSE(says_up(line));
      if (line.find("across the muscle") != std::string::npos) ++moves_across;
    }
    if (s.zone == Zone::thoracic && line.find("move the roller up an inch") != std::string::npos) {
      ++climbs;
    }
  }
  CHECK(glute_lines > 0);
  CHECK(moves_across > 0);  // the glutes get their time as spots across the muscle
  CHECK(climbs > 0);
}

TEST_CASE("a beginner's ball or peanut becomes a soft roller, said in a note") {
  for (Roller roller : {Roller::ball, Roller::peanut, Roller::medium}) {
    ComposeRequest request{Zone::thoracic, 8, Level::beginner, roller, "", {}};
    auto result = compose_routine(request, roll::test::bundled_routines());
    REQUIRE(result.routine);
    CHECK(result.routine->roller == Roller::soft);
    REQUIRE_FALSE(result.notes.empty());
    CHECK(result.notes.front().find("roll's own") != std::string::npos);
  }
}

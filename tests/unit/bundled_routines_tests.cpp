// The bundled routines say what the articles say (issue 14, section 4): read from routines/ in
// the source tree, loaded and linted by the core, and held to the articles' words.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cue_words.hpp"
#include "roll/injury.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"
#include "roll/profile.hpp"
#include "roll/session_wording.hpp"
#include "roll/walk.hpp"

using namespace roll;
namespace fs = std::filesystem;

namespace {

struct Bundled {
  std::string file;
  std::string text;
};

std::vector<Bundled> bundled() {
  std::vector<Bundled> out;
  for (const auto& entry : fs::directory_iterator(fs::path(ROLL_SOURCE_DIR) / "routines")) {
    if (entry.path().extension() != ".toml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({entry.path().filename().string(), text.str()});
  }
  std::sort(out.begin(), out.end(),
            [](const Bundled& a, const Bundled& b) { return a.file < b.file; });
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

Routine load_clean(const Bundled& b) {
  auto loaded = load_routine(b.text, b.file);
  REQUIRE(loaded.routine);
  CHECK(loaded.diagnostics.empty());
  return *loaded.routine;
}

}  // namespace

TEST_CASE("eight bundled routines, each clean under every rule, none silencing one") {
  auto all = bundled();
  CHECK(all.size() == 8);
  for (const auto& b : all) {
    CAPTURE(b.file);
    Routine r = load_clean(b);
    auto found = lint_routine(r, b.file);
    for (const auto& d : found) CHECK_MESSAGE(false, d.rule << ": " << d.message);
    // --strict passing because of an `allow` would prove nothing.
    CHECK(r.allow.empty());
    for (const auto& step : r.steps) CHECK(step.allow.empty());
  }
}

TEST_CASE("wherever the hands go behind the head, the cue says not to pull on the neck") {
  int hands = 0;
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    for (const auto& step : load_clean(b).steps) {
      CAPTURE(step.name);
      if (!contains(step.cue, "behind your head") && !contains(step.cue, "supporting your head")) {
        continue;
      }
      ++hands;
      CHECK(contains(step.cue, "support your head"));
      CHECK(contains(step.cue, "do not pull on your neck"));
    }
  }
  CHECK(hands >= 7);  // thoracic, bedtime, beginner, mid-back-extension, upper-back x2, warm-up
}

TEST_CASE("thoracic extension climbs from the base of the rib cage to the top of the shoulders") {
  for (const auto& b : bundled()) {
    if (b.file != "thoracic.toml") continue;
    Routine r = load_clean(b);
    const Step& ext = r.steps.front();
    CHECK(ext.name == "Thoracic extension");
    // An inch at a time: ten one-inch spots reach the top of the shoulders on most backs, and
    // `positions` is a maximum that the session's key ends sooner on a shorter one.
    CHECK(ext.positions == 10);
    CHECK(ext.move == Move::up);
    CHECK(is_climb(ext));
    CHECK(ext.unit == TimingUnit::breaths);
    CHECK(ext.count == 3);  // the first article's three deep breaths at each position
    CHECK(contains(ext.cue, "base of the rib cage"));
    CHECK(contains(ext.cue, "top of your shoulders"));  // the first article's end of the climb
    CHECK(contains(ext.cue, "press e"));
    CHECK(contains(ext.cue, "not the goal"));  // pops are gas (first article)
    // Still inside session-length's 15 minutes, and the trade is said in the file.
    CHECK(make_plan(r).total <= std::chrono::minutes(15));
    CHECK(contains(b.text, "shorten the breaths"));
    CHECK(contains(b.text, "never the climb"));
    return;
  }
  FAIL("thoracic.toml not found");
}

TEST_CASE("every step says which article it comes from, or that it is roll's own") {
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    std::size_t at = 0;
    int steps = 0;
    while ((at = b.text.find("\n[[step]]", at)) != std::string::npos) {
      // The comment lines just above the step name its source.
      std::string above;
      std::size_t end = at;
      while (end > 0) {
        auto start = b.text.rfind('\n', end - 1);
        start = start == std::string::npos ? 0 : start + 1;
        std::string line = b.text.substr(start, end - start);
        if (!line.starts_with("# ")) break;
        above = line + "\n" + above;
        if (start == 0) break;
        end = start - 1;
      }
      CAPTURE(above);
      CHECK(!above.empty());
      CHECK((contains(above, "article") || contains(above, "roll's own")));
      ++at;
      ++steps;
    }
    CHECK(steps == static_cast<int>(load_clean(b).steps.size()));
  }
}

TEST_CASE("the third article's caveat goes wherever it is cited") {
  int cited = 0;
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    if (!contains(b.text, "third article")) continue;
    ++cited;
    CHECK(contains(b.text, "not systematically found in all our measurements"));
  }
  CHECK(cited >= 1);
  std::ifstream in(fs::path(ROLL_SOURCE_DIR) / "routines" / "README.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  CHECK(contains(doc.str(), "not systematically found in all our measurements"));
}

TEST_CASE("every bundled step moves only as it declares, and never toward a forbidden zone") {
  int climbs = 0;
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    Routine r = load_clean(b);
    for (const Step& step : r.steps) {
      CAPTURE(step.name);
      CHECK_FALSE(walks_too_far(step));
      auto named = roll::test::moves_named(step.cue);
      if (on_roller(step) && step.positions > 1) {
        // The words between positions follow `move`: a step that walks says which way.
        REQUIRE(step.move);
        for (const auto& way : named) CHECK(way == to_string(*step.move));
        CHECK(move_words(step, r.roller).find(to_string(*step.move)) != std::string::npos);
        if (step.zone == Zone::thoracic && step.move == Move::up) {
          ++climbs;
          CHECK(contains(step.cue, "base of the rib cage"));
        }
      } else {
        CHECK(named.empty());  // one spot: nothing tells the roller to move
      }
      if (step.zone == Zone::glutes || step.zone == Zone::hips) CHECK(named.count("up") == 0);
      if (step.zone == Zone::lats && on_roller(step)) {
        CHECK(named.count("up") == 0);
        CHECK(std::string(phase_words(Phase::rep_up, &step)) != "slowly up");
      }
    }
  }
  CHECK(climbs >= 4);  // thoracic, mid-back-extension, bedtime, beginner, upper-back
}

TEST_CASE("every bundled cue reads right on the floor: never past the low back or the neck") {
  for (const auto& b : bundled()) {
    CAPTURE(b.file);
    for (const Step& step : load_clean(b).steps) {
      CAPTURE(step.cue);
      // "Stop above the low back", read literally from the glutes, is past it.
      CHECK_FALSE(contains(step.cue, "above the low back"));
      CHECK_FALSE(contains(step.cue, "up or down"));
      CHECK_FALSE(contains(step.cue, "across the lower ribs"));
      if (step.zone == Zone::lats && step.kind == StepKind::roll) {
        CHECK(contains(step.cue, "lowest rib"));
      }
    }
  }
}

TEST_CASE("the snow angels lie along the spine, on the thoracic zone the gates see") {
  int angels = 0;
  Profile cleared;
  cleared.roller = Roller::soft;
  cleared.conditions.push_back({Condition::osteoporosis, true});
  for (const auto& b : bundled()) {
    Routine r = load_clean(b);
    for (const Step& step : r.steps) {
      if (step.name != "Snow angels") continue;
      CAPTURE(b.file);
      ++angels;
      CHECK(step.zone == Zone::thoracic);
      CHECK(step.along == Along::spine);
      CHECK(on_roller(step));
      // Alone in a routine, the bone caution and an injured thoracic spine both see it.
      Routine only = r;
      only.steps = {step};
      CHECK(bone_caution(only, cleared));
      Injury injury;
      injury.zone = Zone::thoracic;
      injury.at = std::chrono::sys_seconds{std::chrono::seconds{1000}};
      CHECK(check_injuries(only, {injury}, injury.at + std::chrono::hours(1)).guard ==
            Guard::refuse);
    }
  }
  CHECK(angels == 2);  // bedtime, upper-back
}

TEST_CASE("the bundled beginner routines use a soft roller, and mid-back-extension credits right") {
  for (const auto& b : bundled()) {
    Routine r = load_clean(b);
    if (r.level == Level::beginner) CHECK(r.roller == Roller::soft);
    if (b.file != "mid-back-extension.toml") continue;
    // The three-breath, one-inch dose is the first article's, not the third's.
    CHECK(contains(b.text, "dosed\n# as the first article's thoracic extension"));
    CHECK(contains(b.text, "first article: back-stretches-using-foam-roller (three breaths"));
  }
}

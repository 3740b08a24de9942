// Where a step's positions may walk (walk.cpp) and the move-direction rule that reads it: never
// toward the lumbar spine, never past the top of the shoulders. Then 1,200 random routines, whose
// move-direction and pressure-zone findings must agree with the rule as README and `roll explain`
// state it, written out again below without the linter's code.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "roll/limits.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/rules.hpp"
#include "roll/walk.hpp"

using namespace roll;

namespace {

constexpr std::string_view kTop =
    "schema = 1\nname = \"t\"\ntitle = \"T\"\nlevel = \"intermediate\"\npurpose = \"release\"\n";
constexpr std::string_view kMoveAfter =
    "\n[[step]]\nname = \"Cat-cow\"\nkind = \"movement\"\nzone = \"full-body\"\nseconds = 180\n";

// A hold on `zone` at `positions`, moving `move` ("" for no key), with `extra` keys.
std::string walking(std::string_view zone, int positions, std::string_view move,
                    std::string_view extra = "") {
  std::string text = std::string(kTop) + "\n[[step]]\nname = \"Hold\"\nkind = \"hold\"\nzone = \"" +
                     std::string(zone) +
                     "\"\nseconds = 30\npositions = " + std::to_string(positions) + "\n";
  if (!move.empty()) text += "move = \"" + std::string(move) + "\"\n";
  text += std::string(extra);
  return text + std::string(kMoveAfter);
}

std::vector<Diagnostic> lint_text(const std::string& text) {
  auto loaded = load_routine(text, "t.toml");
  INFO(text);
  REQUIRE(loaded.routine);
  return lint_routine(*loaded.routine, "t.toml");
}

std::vector<Diagnostic> findings(const std::string& text, std::string_view rule) {
  std::vector<Diagnostic> out;
  for (const auto& d : lint_text(text)) {
    if (d.rule == rule) out.push_back(d);
  }
  return out;
}

int line_of(const std::string& text, std::string_view needle) {
  auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

}  // namespace

TEST_CASE("move-direction: the mid-back climbs up from the base of the rib cage, never down") {
  CHECK(findings(walking("thoracic", 10, "up"), "move-direction").empty());
  CHECK(findings(walking("thoracic", kClimbPositionsMax, "up"), "move-direction").empty());
  auto past = walking("mid-back", kClimbPositionsMax + 1, "up");
  auto found = findings(past, "move-direction");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].where.line == line_of(past, "move = "));
  CHECK(found[0].where.column == 8);  // the value
  CHECK(found[0].message.find("top of the shoulders") != std::string::npos);
  CHECK(found[0].message.find("roll's own reading") != std::string::npos);
  auto down = findings(walking("upper back", 2, "down"), "move-direction");
  REQUIRE(down.size() == 1);
  CHECK(down[0].message.find("toward the lumbar spine") != std::string::npos);
  CHECK(findings(walking("thoracic", 20, "across"), "move-direction").empty());
  // One position goes nowhere, whatever it says.
  CHECK(findings(walking("thoracic", 1, "down"), "move-direction").empty());
}

TEST_CASE("move-direction: the lats go down the side from the armpit, within the ribs") {
  CHECK(findings(walking("lats", kLatPositionsMax, "down"), "move-direction").empty());
  auto past = findings(walking("lat", kLatPositionsMax + 1, "down"), "move-direction");
  REQUIRE(past.size() == 1);
  CHECK(past[0].message.find("quadratus lumborum") != std::string::npos);
  auto up = findings(walking("lats", 2, "up"), "move-direction");
  REQUIRE(up.size() == 1);
  CHECK(up[0].message.find("armpit") != std::string::npos);
}

TEST_CASE("move-direction: glutes and hips never go up, toward the sacrum, across is fine") {
  for (std::string_view zone : {"glutes", "buttocks", "hips", "hip flexors"}) {
    CAPTURE(zone);
    auto up = findings(walking(zone, 2, "up"), "move-direction");
    REQUIRE(up.size() == 1);
    CHECK(up[0].message.find("sacrum") != std::string::npos);
    CHECK(findings(walking(zone, 8, "across"), "move-direction").empty());
    CHECK(findings(walking(zone, 8, "down"), "move-direction").empty());
  }
}

TEST_CASE("move-direction: the upper back and shoulders never go up, onto the neck") {
  for (std::string_view zone : {"rhomboids", "traps", "shoulders", "chest"}) {
    CAPTURE(zone);
    CHECK(findings(walking(zone, 2, "up"), "move-direction").size() == 1);
    CHECK(findings(walking(zone, 5, "across"), "move-direction").empty());
  }
  CHECK(findings(walking("rhomboids", 2, "down"), "move-direction").size() == 1);
  CHECK(findings(walking("shoulders", 2, "down"), "move-direction").empty());
}

TEST_CASE("move-direction: a roller along the spine goes only across") {
  constexpr std::string_view kAlong = "along = \"spine\"\n";
  CHECK(findings(walking("thoracic", 2, "up", kAlong), "move-direction").size() == 1);
  CHECK(findings(walking("thoracic", 2, "down", kAlong), "move-direction").size() == 1);
  CHECK(findings(walking("thoracic", 2, "across", kAlong), "move-direction").empty());
}

TEST_CASE("move-direction judges what is declared: no move, off the roller or a roll's travel") {
  // Without `move` no direction is named, so none is judged (the words say "the next spot").
  CHECK(findings(walking("thoracic", 20, ""), "move-direction").empty());
  // A movement off the roller walks nothing under it.
  std::string off = std::string(kTop) +
                    "\n[[step]]\nname = \"T\"\nkind = \"hold\"\nzone = \"thoracic\"\nseconds = "
                    "30\npositions = 4\nmove = \"up\"\n\n[[step]]\nname = \"Walk\"\nkind = "
                    "\"movement\"\nzone = \"thoracic\"\nseconds = 180\npositions = 2\nmove = "
                    "\"down\"\n";
  CHECK(findings(off, "move-direction").empty());
  // The second article's back roll goes up and down the mid-back within each repetition.
  std::string back_roll = std::string(kTop) +
                          "\n[[step]]\nname = \"Back roll\"\nkind = \"roll\"\nzone = "
                          "\"thoracic\"\nreps = 12\nrep_seconds = 5\n" +
                          "\n[[step]]\nname = \"T\"\nkind = \"hold\"\nzone = \"thoracic\"\n"
                          "seconds = 30\npositions = 3\nmove = \"up\"\n" +
                          std::string(kMoveAfter);
  CHECK(lint_text(back_roll).empty());
}

TEST_CASE("move-direction is a safety rule: `allow` does not silence it, and says so") {
  auto text = walking("thoracic", 4, "down", "allow = [\"move-direction\"]\n");
  CHECK(findings(text, "move-direction").size() == 1);
  CHECK(findings(text, "allow-safety").size() == 1);
  const Rule* rule = find_rule("move-direction");
  REQUIRE(rule);
  CHECK(rule->kind == RuleKind::safety);
  CHECK(rule->quote.find("top of your shoulders") != std::string_view::npos);
  CHECK(rule->rationale.find("roll's own reading") != std::string_view::npos);
  CHECK(rule->rationale.find("back roll") != std::string_view::npos);
}

TEST_CASE("pressure-zone: a roller along the spine presses the thoracic spine") {
  std::string shoulders = std::string(kTop) +
                          "\n[[step]]\nname = \"Snow angels\"\nkind = \"stretch\"\nzone = "
                          "\"shoulders\"\nalong = \"spine\"\nreps = 12\nrep_seconds = 5\n" +
                          std::string(kMoveAfter);
  auto found = findings(shoulders, "pressure-zone");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == line_of(shoulders, "zone = \"shoulders\""));
  CHECK(found[0].message.find("thoracic spine") != std::string::npos);
  std::string thoracic = shoulders;
  thoracic.replace(thoracic.find("\"shoulders\""), 11, "\"thoracic\"");
  CHECK(findings(thoracic, "pressure-zone").empty());
  // Off the roller (a doorway stretch that says so) nothing is pressed.
  std::string off = thoracic;
  off.replace(off.find("along"), 0, "on_roller = false\n");
  CHECK(findings(off, "pressure-zone").empty());
}

TEST_CASE("walk limits stay inside the loader's positions, and across is never limited") {
  for (Zone zone : all_zones()) {
    for (bool along : {false, true}) {
      CHECK(walk_limit(zone, Move::across, along).positions == limits::max_positions);
      for (Move move : {Move::up, Move::down}) {
        auto limit = walk_limit(zone, move, along);
        CHECK(limit.positions >= 1);
        CHECK(limit.positions <= limits::max_positions);
        if (limit.positions < limits::max_positions) CHECK(!limit.toward.empty());
      }
    }
  }
}

// The property: the linter's move-direction and pressure-zone findings, step by step, are the
// rules as stated, over random routines of every kind, zone (and alias), direction, orientation
// and number of positions.
namespace {

struct StepSpec {
  std::string kind;
  std::optional<std::string> zone;  // as written
  std::string canonical;            // the zone it means ("" when none)
  int positions = 1;
  std::optional<std::string> move;
  bool along = false;
  std::optional<bool> on_roller_key;
};

// The zones and some of their aliases, each with the zone it means.
const std::vector<std::pair<std::string, std::string>> kZoneWords{
    {"thoracic", "thoracic"},
    {"Mid Back", "thoracic"},
    {"upper-back", "thoracic"},
    {"lats", "lats"},
    {"latissimus", "lats"},
    {"glutes", "glutes"},
    {"buttocks", "glutes"},
    {"hips", "hips"},
    {"hip", "hips"},
    {"shoulders", "shoulders"},
    {"chest", "chest"},
    {"rhomboids", "rhomboids"},
    {"trapezius", "traps"},
    {"hamstrings", "hamstrings"},
    {"quads", "quads"},
    {"it-band", "it-band"},
    {"calves", "calves"},
    {"full-body", "full-body"},
    {"lumbar", "lumbar"},
    {"QL", "lumbar"},
    {"neck", "neck"},
    {"knee", "knee"},
    {"ankle", "ankle"},
    {"elbow", "elbow"},
};

// The rules as README and `roll explain move-direction` state them.
int expected_limit(const std::string& zone, const std::string& move, bool along) {
  constexpr int kNever = 1;
  constexpr int kAlways = 1000;
  if (move == "across") return kAlways;
  if (along) return kNever;
  static const std::map<std::string, std::pair<int, int>> up_down{
      {"thoracic", {12, kNever}},    {"rhomboids", {kNever, kNever}},
      {"traps", {kNever, kNever}},   {"shoulders", {kNever, kAlways}},
      {"chest", {kNever, kAlways}},  {"lats", {kNever, 6}},
      {"glutes", {kNever, kAlways}}, {"hips", {kNever, kAlways}},
  };
  auto it = up_down.find(zone);
  if (it == up_down.end()) return kAlways;
  return move == "up" ? it->second.first : it->second.second;
}

bool expected_on_roller(const StepSpec& s) {
  if (s.kind == "hold" || s.kind == "roll" || s.kind == "pivot") return true;
  if (s.on_roller_key) return *s.on_roller_key;
  if (s.kind == "movement") return false;
  if (s.kind == "rest") return s.zone.has_value();
  return true;  // stretch
}

int expected_move_direction(const StepSpec& s) {
  if (!expected_on_roller(s) || !s.move || !s.zone) return 0;
  return s.positions > expected_limit(s.canonical, *s.move, s.along) ? 1 : 0;
}

int expected_pressure_zone(const StepSpec& s) {
  if (!expected_on_roller(s)) return 0;
  if (!s.zone || s.canonical == "full-body") return 1;
  return s.along && s.canonical != "thoracic" ? 1 : 0;
}

StepSpec random_step(std::mt19937& rng) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  static const char* const kKinds[] = {"hold", "roll", "pivot", "stretch", "movement", "rest"};
  StepSpec s;
  s.kind = kKinds[pick(6)];
  if (s.kind != "rest" || pick(3) != 0) {
    const auto& [word, zone] =
        kZoneWords[static_cast<std::size_t>(pick(static_cast<int>(kZoneWords.size())))];
    s.zone = word;
    s.canonical = zone;
  }
  static const int kPositions[] = {1, 2, 3, 5, 6, 7, 11, 12, 13, 20};
  s.positions = kPositions[pick(10)];
  static const char* const kMoves[] = {"up", "down", "across"};
  if (pick(4) != 0) s.move = kMoves[pick(3)];
  s.along = pick(3) == 0;
  bool pressing = s.kind == "hold" || s.kind == "roll" || s.kind == "pivot";
  switch (pick(3)) {
    case 0:
      s.on_roller_key = true;
      break;
    case 1:
      if (!pressing) s.on_roller_key = false;
      break;
    default:
      break;
  }
  return s;
}

std::string step_text(const StepSpec& s, std::size_t n) {
  std::string text =
      "\n[[step]]\nname = \"Step " + std::to_string(n) + "\"\nkind = \"" + s.kind + "\"\n";
  if (s.zone) text += "zone = \"" + *s.zone + "\"\n";
  text += "seconds = 20\npositions = " + std::to_string(s.positions) + "\n";
  if (s.move) text += "move = \"" + *s.move + "\"\n";
  if (s.along) text += "along = \"spine\"\n";
  if (s.on_roller_key)
    text += std::string("on_roller = ") + (*s.on_roller_key ? "true" : "false") + "\n";
  return text;
}

}  // namespace

// One fixed seed in the suite; ROLL_WALK_SEEDS=N runs N seeds (1,200 routines each) instead.
TEST_CASE("1,200 random routines: move-direction and pressure-zone as the rules state them") {
  const char* seeds_env = std::getenv("ROLL_WALK_SEEDS");
  const int seeds = seeds_env ? std::max(1, std::atoi(seeds_env)) : 1;
  int judged = 0, fired = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    std::mt19937 rng(seeds_env ? static_cast<unsigned>(seed) : 20261123u);
    for (int n = 0; n < 1200; ++n) {
      std::vector<StepSpec> steps(static_cast<std::size_t>(1 + n % 4));
      std::string text(kTop);
      for (std::size_t i = 0; i < steps.size(); ++i) {
        steps[i] = random_step(rng);
        text += step_text(steps[i], i + 1);
      }
      CAPTURE(text);
      auto loaded = load_routine(text, "t.toml");
      REQUIRE_MESSAGE(loaded.routine,
                      (loaded.diagnostics.empty() ? std::string() : loaded.diagnostics[0].message));
      auto found = lint_routine(*loaded.routine, "t.toml");
      for (std::size_t i = 0; i < steps.size(); ++i) {
        CAPTURE(i);
        // Each step's findings sit between its own `[[step]]` line and the next one.
        int first = line_of(text, "name = \"Step " + std::to_string(i + 1) + "\"") - 1;
        int last = i + 1 < steps.size()
                       ? line_of(text, "name = \"Step " + std::to_string(i + 2) + "\"") - 2
                       : 1 << 20;
        auto count = [&](std::string_view rule) {
          return static_cast<int>(
              std::count_if(found.begin(), found.end(), [&](const Diagnostic& d) {
                return d.rule == rule && d.where.line >= first && d.where.line <= last;
              }));
        };
        CHECK(count("move-direction") == expected_move_direction(steps[i]));
        CHECK(count("pressure-zone") == expected_pressure_zone(steps[i]));
        judged += steps[i].move && steps[i].positions > 1 ? 1 : 0;
        fired += expected_move_direction(steps[i]);
      }
    }
  }
  // The sample reaches both sides of the rule.
  CHECK(judged > 500 * seeds);
  CHECK(fired > 100 * seeds);
}

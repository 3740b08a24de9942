// The poses' names, words and sources, and the default rule: what a step that names no pose
// shows.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

#include "bundled_routines.hpp"
#include "roll/pose.hpp"

using namespace roll;

namespace {

PoseId pose_for(StepKind kind, std::optional<Zone> zone, Side side = Side::none,
                bool along = false) {
  PoseQuery q;
  q.kind = kind;
  q.zone = zone;
  q.side = side;
  q.along_spine = along;
  q.on_roller = kind != StepKind::movement && !(kind == StepKind::rest && !zone);
  return default_pose(q);
}

bool kebab(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '-' ? name[i - 1] == '-' : !(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every pose has a kebab-case name of its own, found again by that name") {
  std::set<std::string_view> seen;
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    CHECK(kebab(name));
    CHECK(seen.insert(name).second);
    CHECK(find_pose(name) == id);
    CHECK(to_string(id) == name);
  }
  CHECK(seen.size() >= 15);
  CHECK_FALSE(find_pose("Snow-Angel"));
  CHECK_FALSE(find_pose(""));
}

TEST_CASE("a misspelt pose name gets the nearest one, nothing far gets nothing") {
  CHECK(nearest_pose("snow-angle") == "snow-angel");
  CHECK(nearest_pose("thoracic-extention") == "thoracic-extension");
  CHECK(nearest_pose("catcow") == "cat-cow");
  CHECK(nearest_pose("") == "");
  CHECK(nearest_pose("handstand-on-a-unicycle") == "");
}

TEST_CASE("every pose says in one line of plain ASCII what it shows, and where it comes from") {
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    const PoseFacts& facts = pose_facts(id);
    CHECK(facts.description.size() > 20);
    CHECK(facts.description.size() < 240);
    CHECK(facts.description.back() == '.');
    for (char c : facts.description) {
      CHECK(static_cast<unsigned char>(c) >= 0x20);
      CHECK(static_cast<unsigned char>(c) < 0x7f);
    }
    bool sourced = facts.sources.find("article") != std::string_view::npos ||
                   facts.sources.find("roll's own") != std::string_view::npos;
    CHECK(sourced);
  }
  // What the issue asks for, each from its article.
  CHECK(pose_facts(PoseId::snow_angel).sources.find("second article") == 0);
  CHECK(pose_facts(PoseId::lat_release).sources.find("first article") == 0);
  CHECK(pose_facts(PoseId::kneeling_lat_roll).sources.find("second article") == 0);
  CHECK(pose_facts(PoseId::rib_roll).sources.find("first article") == 0);
  CHECK(pose_facts(PoseId::thoracic_extension).sources.find("third article") !=
        std::string_view::npos);
  CHECK(pose_facts(PoseId::glute_roll).sources.find("roll's own") == 0);
}

TEST_CASE("the default rule: the mid-back across the roller") {
  CHECK(pose_for(StepKind::hold, Zone::thoracic) == PoseId::thoracic_extension);
  CHECK(pose_for(StepKind::stretch, Zone::thoracic) == PoseId::thoracic_extension);
  CHECK(pose_for(StepKind::pivot, Zone::thoracic) == PoseId::thoracic_pivot);
  CHECK(pose_for(StepKind::roll, Zone::thoracic) == PoseId::back_roll);
  // A roll done on one side of the spine is the first article's rib roll.
  CHECK(pose_for(StepKind::roll, Zone::thoracic, Side::both) == PoseId::rib_roll);
  CHECK(pose_for(StepKind::roll, Zone::thoracic, Side::left) == PoseId::rib_roll);
  CHECK(pose_for(StepKind::rest, Zone::thoracic) == PoseId::lie_across);
  CHECK(pose_for(StepKind::hold, Zone::rhomboids) == PoseId::thoracic_extension);
  CHECK(pose_for(StepKind::hold, Zone::traps) == PoseId::thoracic_extension);
}

TEST_CASE("the default rule: along the spine, the lats and the glutes") {
  CHECK(pose_for(StepKind::stretch, Zone::thoracic, Side::none, true) == PoseId::snow_angel);
  CHECK(pose_for(StepKind::hold, Zone::thoracic, Side::none, true) == PoseId::along_the_spine);
  // Never along the spine unless the step says so: the injury gate reads what it says.
  CHECK(pose_for(StepKind::stretch, Zone::shoulders) == PoseId::thoracic_extension);
  CHECK(pose_for(StepKind::stretch, Zone::chest) == PoseId::roller_only);
  CHECK(pose_for(StepKind::hold, Zone::lats, Side::both) == PoseId::lat_release);
  CHECK(pose_for(StepKind::roll, Zone::lats, Side::both) == PoseId::lat_roll);
  CHECK(pose_for(StepKind::hold, Zone::glutes, Side::both) == PoseId::glute_figure_four);
  CHECK(pose_for(StepKind::roll, Zone::glutes, Side::both) == PoseId::glute_roll);
  CHECK(pose_for(StepKind::hold, Zone::hips) == PoseId::glute_figure_four);
}

TEST_CASE("the default rule: the movements after rolling and a rest") {
  CHECK(pose_for(StepKind::movement, Zone::full_body) == PoseId::cat_cow);
  CHECK(pose_for(StepKind::movement, Zone::thoracic) == PoseId::thread_the_needle);
  CHECK(pose_for(StepKind::movement, Zone::glutes) == PoseId::bird_dog);
  CHECK(pose_for(StepKind::movement, Zone::shoulders) == PoseId::overhead_reach);
  CHECK(pose_for(StepKind::movement, std::nullopt) == PoseId::cat_cow);
  CHECK(pose_for(StepKind::rest, std::nullopt) == PoseId::rest);
  // A stretch declared off the roller is a movement's picture, never one on the roller.
  PoseQuery off;
  off.kind = StepKind::stretch;
  off.zone = Zone::thoracic;
  off.on_roller = false;
  CHECK(default_pose(off) == PoseId::thread_the_needle);
}

TEST_CASE("the default rule never draws pressure on a zone no step may press") {
  for (Zone z : {Zone::lumbar, Zone::neck, Zone::knee, Zone::ankle, Zone::elbow}) {
    CAPTURE(zone_name(z));
    for (auto kind : {StepKind::hold, StepKind::roll, StepKind::pivot, StepKind::stretch}) {
      CHECK(pose_for(kind, z) == PoseId::roller_only);
      CHECK(pose_for(kind, z, Side::none, true) == PoseId::roller_only);
    }
  }
}

TEST_CASE("a default pose is on the roller exactly when its step is, for every kind and zone") {
  std::vector<std::optional<Zone>> zones{std::nullopt};
  for (Zone z : all_zones()) zones.push_back(z);
  for (auto kind : {StepKind::hold, StepKind::roll, StepKind::pivot, StepKind::stretch,
                    StepKind::movement, StepKind::rest}) {
    for (const auto& zone : zones) {
      for (bool on : {true, false}) {
        for (bool along : {false, true}) {
          PoseQuery q;
          q.kind = kind;
          q.zone = zone;
          q.on_roller = on;
          q.along_spine = along;
          CAPTURE(to_string(kind));
          CAPTURE(zone ? zone_name(*zone) : "none");
          CAPTURE(on);
          CHECK(pose_facts(default_pose(q)).on_roller == on);
        }
      }
    }
  }
}

TEST_CASE("every bundled step names a pose that exists, on the roller when the step is") {
  int steps = 0;
  for (const auto& routine : test::bundled_routines()) {
    for (const auto& step : routine.steps) {
      CAPTURE(routine.name);
      CAPTURE(step.name);
      auto named = find_pose(step.pose);
      REQUIRE(named);
      CHECK(step_figure(step).pose == *named);
      CHECK(*named != PoseId::roller_only);
      CHECK(pose_facts(*named).on_roller == on_roller(step));
      ++steps;
    }
  }
  CHECK(steps >= 30);
}

TEST_CASE("the bundled steps the default rule would draw wrongly name their own pose") {
  auto pose_of = [](std::string_view routine, std::string_view step) {
    for (const auto& r : test::bundled_routines()) {
      if (r.name != routine) continue;
      for (const auto& s : r.steps) {
        if (s.name == step) return std::pair(step_figure(s).pose, default_pose(pose_query(s)));
      }
    }
    FAIL("no step " << step << " in " << routine);
    return std::pair(PoseId::roller_only, PoseId::roller_only);
  };
  for (auto [routine, step, pose] : {
           std::tuple{"beginner", "Lie across the roller", PoseId::lie_across},
           std::tuple{"upper-back", "Lie across the roller", PoseId::lie_across},
           std::tuple{"mid-back-extension", "Open book rotation", PoseId::open_book},
           std::tuple{"upper-back", "Lat rolls", PoseId::kneeling_lat_roll},
           std::tuple{"glutes", "Bird-dog", PoseId::bird_dog},
           std::tuple{"warm-up", "Arm circles and bird-dogs", PoseId::arm_circles},
       }) {
    CAPTURE(routine);
    CAPTURE(step);
    auto [named, by_default] = pose_of(routine, step);
    CHECK(named == pose);
    CHECK(by_default != pose);
  }
}

TEST_CASE("a bundled figure with the hands behind the head has a cue that says to support it") {
  int checked = 0;
  for (const auto& routine : test::bundled_routines()) {
    for (const auto& step : routine.steps) {
      PoseId pose = step_figure(step).pose;
      if (pose != PoseId::lie_across && pose != PoseId::thoracic_extension &&
          pose != PoseId::thoracic_pivot && pose != PoseId::back_roll) {
        continue;
      }
      CAPTURE(routine.name);
      CAPTURE(step.name);
      CHECK(step.cue.find("support your head") != std::string::npos);
      CHECK(step.cue.find("do not pull on your neck") != std::string::npos);
      ++checked;
    }
  }
  CHECK(checked >= 9);  // the nine bundled steps across the mid-back
}

TEST_CASE("routines/README.md lists every pose, and names none that does not exist") {
  std::ifstream in(std::filesystem::path(ROLL_SOURCE_DIR) / "routines" / "README.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  std::string text = doc.str();
  auto start = text.find("| pose | what it shows |");
  REQUIRE(start != std::string::npos);
  auto end = text.find("\n\n", start);
  std::string table = text.substr(start, end - start);
  std::set<std::string> listed;
  for (auto at = table.find('`'); at != std::string::npos; at = table.find('`', at + 1)) {
    auto close = table.find('`', at + 1);
    REQUIRE(close != std::string::npos);
    listed.insert(table.substr(at + 1, close - at - 1));
    at = close;
  }
  std::set<std::string> poses;
  for (const auto& [id, name] : kPoseNames) poses.insert(std::string(name));
  CHECK(listed == poses);
}

TEST_CASE("pose_query reads `along`, and `move` as the arrow when there is somewhere to go") {
  Step s;
  s.kind = StepKind::hold;
  s.zone = Zone::thoracic;
  CHECK_FALSE(pose_query(s).along_spine);
  CHECK(pose_query(s).travel == Travel::none);
  s.move = Move::up;
  // One position goes nowhere (the loader warns that `move` has no effect).
  CHECK(pose_query(s).travel == Travel::none);
  s.positions = 4;
  CHECK(pose_query(s).travel == Travel::up);
  s.move = Move::down;
  CHECK(pose_query(s).travel == Travel::down);
  s.move = Move::across;
  CHECK(pose_query(s).travel == Travel::across);
  s.kind = StepKind::stretch;
  s.along = Along::spine;
  CHECK(pose_query(s).along_spine);
  CHECK(step_figure(s).pose == PoseId::snow_angel);
  CHECK(step_figure(s).travel == Travel::across);
}

TEST_CASE("step_figure: the named pose, else the default, also for a name roll does not know") {
  Step s;
  s.kind = StepKind::hold;
  s.zone = Zone::thoracic;
  CHECK(step_figure(s).pose == PoseId::thoracic_extension);
  s.pose = "lie-across";
  CHECK(step_figure(s).pose == PoseId::lie_across);
  // A pose from a later roll, or a typo: the default figure (and `roll lint` warns).
  s.pose = "lie-acros";
  CHECK(step_figure(s).pose == PoseId::thoracic_extension);
  s.pose = "Lie-Across";
  CHECK(step_figure(s).pose == PoseId::thoracic_extension);
  // default_figure is the rule's alone, whatever the key names.
  s.pose = "lie-across";
  CHECK(default_figure(s).pose == PoseId::thoracic_extension);
}

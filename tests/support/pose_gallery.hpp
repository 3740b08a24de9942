#pragma once
// The reviewers' gallery of poses (docs/poses/): every pose as SVG with its name, description and
// articles, its terminal drawings, and the default rule as a table made by running it. Written by
// `roll_figures gallery DIR` (tests/tools/roll_figures.cpp); the unit suite compares it with the
// committed copy, so the gallery is never out of date.
#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "roll/figure.hpp"
#include "roll/figure_svg.hpp"
#include "roll/figure_text.hpp"
#include "roll/pose.hpp"
#include "roll/zone.hpp"

namespace roll::test {

inline const std::string kGalleryCommand =
    "cmake --build build/dev --target roll_figures && build/dev/tests/roll_figures gallery "
    "docs/poses";

inline std::string gallery_text(const Drawing& d, std::size_t columns, std::size_t rows,
                                bool utf8) {
  std::string out;
  for (const auto& line : figure_text(d, columns, rows, utf8).plain()) out += line + "\n";
  return out;
}

// The default rule, run over every kind and zone: what a step that names no pose shows.
inline std::string default_rule_table() {
  struct Column {
    const char* title;
    StepKind kind;
    Side side;
    bool along;
  };
  const std::vector<Column> columns = {
      {"hold", StepKind::hold, Side::none, false},
      {"roll", StepKind::roll, Side::none, false},
      {"roll, one side or both", StepKind::roll, Side::both, false},
      {"pivot", StepKind::pivot, Side::none, false},
      {"stretch", StepKind::stretch, Side::none, false},
      {"rest", StepKind::rest, Side::none, false},
      {"movement", StepKind::movement, Side::none, false},
      {"hold along the spine", StepKind::hold, Side::none, true},
      {"stretch along the spine", StepKind::stretch, Side::none, true},
  };
  std::string out = "| zone |";
  std::string rule = "|---|";
  for (const auto& c : columns) {
    out += fmt::format(" {} |", c.title);
    rule += "---|";
  }
  out += "\n" + rule + "\n";
  auto row = [&](std::string_view name, std::optional<Zone> zone) {
    out += fmt::format("| {} |", name);
    for (const auto& c : columns) {
      PoseQuery q;
      q.kind = c.kind;
      q.zone = zone;
      q.side = c.side;
      // As on_roller() reads a step without `on_roller`: movement is off it, a rest without a
      // zone on the floor.
      q.on_roller = c.kind != StepKind::movement && !(c.kind == StepKind::rest && !zone);
      q.along_spine = c.along;
      out += fmt::format(" {} |", to_string(default_pose(q)));
    }
    out += "\n";
  };
  for (Zone z : all_zones()) row(zone_name(z), z);
  row("(none)", std::nullopt);
  return out;
}

// File name -> contents.
inline std::map<std::string, std::string> pose_gallery_files() {
  std::map<std::string, std::string> files;
  std::string index = fmt::format(
      "# The poses\n\n"
      "<!-- Made by roll_figures; the unit suite fails when it is out of date. Regenerate with\n"
      "     {} -->\n\n"
      "Every figure roll draws for a routine's steps: on the session screen, in `roll show` and "
      "in the printable hand-out. Each pose is drawn from one model (a stick figure seen from the "
      "side, the roller on the floor line: a circle when it lies across the body, a bar along "
      "the spine; a ball or a peanut as what it is) and has a one-line description, so that "
      "plain, events, voice and screen readers get what the picture shows. Below each SVG: the "
      "same figure for a terminal, in braille dots (UTF-8) and in ASCII (`LC_ALL=C`), 40 columns "
      "by 12 rows at most.\n\n"
      "## The default rule\n\n"
      "A step that names no pose gets one from its kind, zone, side and orientation (a roller "
      "lengthwise under the spine or across the body). The direction between positions "
      "(up, down, across) never changes the pose: it is drawn as an arrow under the roller. "
      "This table is made by running the rule.\n\n{}\n",
      kGalleryCommand, default_rule_table());
  for (const auto& [id, name] : kPoseNames) {
    const PoseFacts& facts = pose_facts(id);
    Drawing d = draw_pose(id);
    std::string file = fmt::format("{}.svg", name);
    files[file] = figure_svg(d, {name, facts.description, 2.0}) + "\n";
    index += fmt::format(
        "## {0}\n\n![{0}: {1}]({2})\n\n{1}\n\n*From:* {3}. {4}\n\n"
        "```text\n{5}```\n\n```text\n{6}```\n\n",
        name, facts.description, file, facts.sources,
        facts.on_roller ? "On the roller." : "Off the roller.", gallery_text(d, 40, 12, true),
        gallery_text(d, 40, 12, false));
  }
  index +=
      "## The props\n\n"
      "The same pose on a ball and on a peanut (`roller = \"ball\"`, `roller = \"peanut\"`), and "
      "the arrows of a step's direction between positions (up, down, across):\n\n";
  struct Variant {
    const char* file;
    PoseId pose;
    Prop prop;
    Travel travel;
    const char* words;
  };
  const Variant variants[] = {
      {"thoracic-extension-ball.svg", PoseId::thoracic_extension, Prop::ball, Travel::none,
       "on a ball"},
      {"back-roll-peanut.svg", PoseId::back_roll, Prop::peanut, Travel::none, "on a peanut"},
      {"along-the-spine-peanut.svg", PoseId::along_the_spine, Prop::peanut, Travel::none,
       "a peanut along the spine"},
      {"thoracic-extension-up.svg", PoseId::thoracic_extension, Prop::roller, Travel::up,
       "going up an inch between positions"},
      {"lat-release-down.svg", PoseId::lat_release, Prop::roller, Travel::down,
       "going down an inch between positions"},
      {"glute-figure-four-across.svg", PoseId::glute_figure_four, Prop::roller, Travel::across,
       "going across between positions"},
  };
  for (const auto& v : variants) {
    Drawing d = draw_pose(v.pose, v.prop, v.travel);
    std::string title = fmt::format("{}, {}", to_string(v.pose), v.words);
    files[v.file] = figure_svg(d, {title, pose_facts(v.pose).description, 2.0}) + "\n";
    index += fmt::format("### {0}\n\n![{0}]({1})\n\n```text\n{2}```\n\n", title, v.file,
                         gallery_text(d, 40, 12, true));
  }
  while (index.ends_with("\n\n")) index.pop_back();
  files["README.md"] = index;
  return files;
}

}  // namespace roll::test

// Figures for a terminal: braille on UTF-8, ASCII elsewhere, never outside the box given, and
// recognisable (a head, a roller, a floor).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "roll/figure.hpp"
#include "roll/figure_text.hpp"
#include "roll/text.hpp"

using namespace roll;

namespace {

// Every glyph a braille figure may hold: a space or a braille pattern, U+2800-U+28FF.
bool braille_only(const std::string& line) {
  for (std::size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == ' ') {
      ++i;
      continue;
    }
    if (i + 2 >= line.size()) return false;
    if (c != 0xE2 || (static_cast<unsigned char>(line[i + 1]) & 0xFC) != 0xA0 ||
        (static_cast<unsigned char>(line[i + 2]) & 0xC0) != 0x80) {
      return false;
    }
    i += 3;
  }
  return true;
}

std::string joined(const TextFigure& f) {
  std::string out;
  for (const auto& line : f.plain()) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("a figure never leaves the box it is given, from 4x2 to 200x60") {
  const std::pair<std::size_t, std::size_t> boxes[] = {
      {4, 2}, {12, 6}, {20, 10}, {40, 12}, {9, 30}, {80, 3}, {80, 24}, {120, 40}, {200, 60}};
  for (const auto& [id, name] : kPoseNames) {
    Drawing d = draw_pose(id, Prop::peanut, Travel::across);
    for (const auto& [columns, rows] : boxes) {
      for (bool utf8 : {true, false}) {
        CAPTURE(name);
        CAPTURE(columns);
        CAPTURE(rows);
        CAPTURE(utf8);
        TextFigure f = figure_text(d, columns, rows, utf8);
        REQUIRE_FALSE(f.lines.empty());
        CHECK(f.lines.size() <= rows);
        CHECK(f.columns <= columns);
        for (const auto& line : f.plain()) {
          CHECK(display_width(line) <= columns);
          if (utf8) {
            CHECK(braille_only(line));
          } else {
            bool printable_ascii = std::all_of(line.begin(), line.end(), [](char c) {
              return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) <= 0x7e;
            });
            CHECK(printable_ascii);
          }
        }
      }
    }
  }
}

TEST_CASE("a box too small for any figure gets none") {
  Drawing d = draw_pose(PoseId::cat_cow);
  CHECK(figure_text(d, 3, 10, true).lines.empty());
  CHECK(figure_text(d, 40, 1, false).lines.empty());
  CHECK(figure_text(Drawing{}, 40, 12, true).lines.empty());
}

TEST_CASE("a figure keeps its proportions: a lying figure is wide, a standing one tall") {
  TextFigure lying = figure_text(draw_pose(PoseId::lie_across), 40, 40, true);
  CHECK(lying.columns == 40);
  CHECK(lying.lines.size() < 12);
  TextFigure standing = figure_text(draw_pose(PoseId::overhead_reach), 40, 12, true);
  CHECK(standing.lines.size() == 12);
  CHECK(standing.columns < 20);
}

TEST_CASE("no blank rows above or below the figure") {
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    auto lines = figure_text(draw_pose(id), 40, 12, true).plain();
    REQUIRE_FALSE(lines.empty());
    CHECK_FALSE(lines.front().empty());
    CHECK_FALSE(lines.back().empty());
  }
}

TEST_CASE("ASCII: the head is an O, the roller end-on an @, the floor underscores") {
  std::string text = joined(figure_text(draw_pose(PoseId::lie_across), 40, 12, false));
  CHECK(text.find('O') != std::string::npos);
  CHECK(text.find('@') != std::string::npos);
  CHECK(text.find("_____") != std::string::npos);
  // A ball is an o; a roller along the spine a bar of '='.
  CHECK(joined(figure_text(draw_pose(PoseId::lie_across, Prop::ball), 40, 12, false)).find('o') !=
        std::string::npos);
  CHECK(joined(figure_text(draw_pose(PoseId::along_the_spine), 40, 12, false)).find("=====") !=
        std::string::npos);
  // The lighter second figure is dotted, and a motion has its arrow's head.
  std::string lean = joined(figure_text(draw_pose(PoseId::thoracic_extension), 40, 12, false));
  CHECK(lean.find("..") != std::string::npos);
  CHECK(lean.find_first_of("<>^v") != std::string::npos);
}

TEST_CASE("every run of a line carries the ink of what it draws, blank runs the floor's") {
  TextFigure f =
      figure_text(draw_pose(PoseId::thoracic_extension, Prop::roller, Travel::up), 60, 16, true);
  bool body = false, prop = false, ghost = false, arrow = false;
  for (const auto& line : f.lines) {
    for (const auto& run : line) {
      if (run.text.find_first_not_of(' ') == std::string::npos) {
        CHECK(run.ink == FigureInk::floor);
      }
      body |= run.ink == FigureInk::body;
      prop |= run.ink == FigureInk::prop;
      ghost |= run.ink == FigureInk::ghost;
      arrow |= run.ink == FigureInk::arrow;
    }
  }
  CHECK(body);
  CHECK(prop);
  CHECK(ghost);
  CHECK(arrow);
}

TEST_CASE("a huge box is bounded: the grid stops at 1000 columns by 500 rows") {
  TextFigure f = figure_text(draw_pose(PoseId::rest), 1'000'000, 1'000'000, false);
  CHECK(f.columns <= 1000);
  CHECK(f.lines.size() <= 500);
}

// Figures as SVG: self-contained, accessible, every text escaped. The real readers (an XML
// parser, html5lib, Chromium) read them in tests/packaging/handout_test.py.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

#include "roll/figure.hpp"
#include "roll/figure_svg.hpp"

using namespace roll;

namespace {

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// An event handler attribute, " onload=" and the like: script by another name.
bool has_handler(const std::string& text) {
  for (auto at = text.find(" on"); at != std::string::npos; at = text.find(" on", at + 1)) {
    std::size_t end = at + 3;
    while (end < text.size() && text[end] >= 'a' && text[end] <= 'z') ++end;
    if (end > at + 3 && end < text.size() && text[end] == '=') return true;
  }
  return false;
}

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("an SVG figure is one self-contained svg element with its words as title and desc") {
  for (const auto& [id, name] : kPoseNames) {
    CAPTURE(name);
    const PoseFacts& facts = pose_facts(id);
    std::string svg = figure_svg(draw_pose(id), {name, facts.description});
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", 0) == 0);
    CHECK(svg.ends_with("</svg>"));
    CHECK(occurrences(svg, "<svg") == 1);
    CHECK(has(svg, "role=\"img\""));
    CHECK(has(svg, fmt::format("<title>{}</title>", name)));
    CHECK(has(svg, "<desc>"));
    // Nothing to run and nothing to fetch.
    for (std::string_view banned :
         {"<script", "href", "url(", "@import", "<image", "<style", "<foreignObject"}) {
      CHECK_FALSE(has(svg, banned));
    }
    CHECK_FALSE(has_handler(svg));
    CHECK(occurrences(svg, "<g") == occurrences(svg, "</g>"));
  }
}

TEST_CASE("an SVG figure escapes its title and description") {
  std::string svg = figure_svg(draw_pose(PoseId::rest), {"<script>alert(1)</script>",
                                                         "\"quotes\" & 'apostrophes' <b>\x1b[2J"});
  CHECK_FALSE(has(svg, "<script>"));
  CHECK(has(svg, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(svg, "&quot;quotes&quot; &amp; &#39;apostrophes&#39; &lt;b&gt;"));
  CHECK_FALSE(has(svg, "\x1b"));
}

TEST_CASE("an SVG figure's size follows its scale, and its shapes are in its view box") {
  Drawing d = draw_pose(PoseId::snow_angel);
  std::string small = figure_svg(d, {"snow-angel", "", 1.0});
  std::string large = figure_svg(d, {"snow-angel", "", 3.0});
  double w = d.high.x - d.low.x + 6, h = d.high.y - d.low.y + 6;
  CHECK(has(small, fmt::format("viewBox=\"0 0 {:.1f} {:.1f}\"", w, h)));
  CHECK(has(small, fmt::format("width=\"{:.0f}\" height=\"{:.0f}\"", w, h)));
  CHECK(has(large, fmt::format("width=\"{:.0f}\" height=\"{:.0f}\"", w * 3, h * 3)));
  // Arrows are drawn as polygons, not markers (ids would clash between figures on one page).
  CHECK(has(small, "<polygon"));
  CHECK_FALSE(has(small, "marker"));
  CHECK_FALSE(has(small, "id="));
}

TEST_CASE("in an SVG figure the ghost is one group at reduced opacity, the arrow its own colour") {
  std::string svg = figure_svg(draw_pose(PoseId::thoracic_extension), {"t", "d"});
  CHECK(occurrences(svg, "opacity=\"0.28\"") == 1);
  CHECK(has(svg, "stroke=\"#c0392b\""));
  // Polylines are never filled: a filled limb would paint the space between its joints.
  for (auto at = svg.find("<polyline"); at != std::string::npos;
       at = svg.find("<polyline", at + 1)) {
    CHECK(svg.substr(at, svg.find("/>", at) - at).find("fill=\"none\"") != std::string::npos);
  }
}

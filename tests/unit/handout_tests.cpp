// The printable hand-out's builder: every bundled routine's page holds each step's figure, name,
// dose, cue and pressure, the safety lines and the contraindications; every text from a routine
// escaped; nothing fetched or run. tests/packaging/handout_test.py reads the pages with html5lib
// and prints them with Chromium.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

#include "bundled_routines.hpp"
#include "roll/dose.hpp"
#include "roll/handout.hpp"
#include "roll/plan.hpp"
#include "roll/report.hpp"

using namespace roll;

namespace {

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

int occurrences(const std::string& text, std::string_view part) {
  int n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string page(const Routine& routine) {
  HandoutInput in;
  in.routine = routine;
  in.version = "0.1.0";
  return handout_html(in);
}

Step hold(std::string name, Zone zone) {
  Step s;
  s.name = std::move(name);
  s.kind = StepKind::hold;
  s.zone = zone;
  s.zone_text = std::string(zone_name(zone));
  s.unit = TimingUnit::seconds;
  s.count = 30;
  return s;
}

}  // namespace

TEST_CASE(
    "the hand-out of every bundled routine holds each step's figure, dose, cue and pressure") {
  for (const auto& routine : test::bundled_routines()) {
    CAPTURE(routine.name);
    std::string html = page(routine);
    Plan plan = make_plan(routine);
    CHECK(has(html, fmt::format("<h1>{}</h1>", html_escape(routine.title))));
    CHECK(has(html, fmt::format("Level: {}", to_string(routine.level))));
    CHECK(has(html, "foam roller"));
    CHECK(occurrences(html, "<svg") == static_cast<int>(routine.steps.size()));
    for (std::size_t i = 0; i < routine.steps.size(); ++i) {
      const Step& step = routine.steps[i];
      CAPTURE(step.name);
      CHECK(has(html, html_escape(step.name)));
      CHECK(has(html, fmt::format("<p class=\"dose\">{}</p>",
                                  html_escape(dose_words(routine, plan, i)))));
      CHECK(has(html, fmt::format("<p class=\"cue\">{}</p>", html_escape(step.cue))));
      if (on_roller(step)) CHECK(has(html, html_escape(pressure_words(step))));
      CHECK(has(html, fmt::format("<title>{}</title>", to_string(step_figure(step).pose))));
    }
    // Never a pressure above the first article's 6 or 7.
    for (int above = 8; above <= 10; ++above) CHECK_FALSE(has(html, fmt::format("{}/10", above)));
  }
}

TEST_CASE("the hand-out says the safety lines, each with its article") {
  std::string html = page(test::bundled_routines().front());
  CHECK(has(html,
            "Never roll the lower back or the neck. <span class=\"src\">(first and second "
            "articles)</span>"));
  CHECK(has(html, "Stop at sharp or shooting pain"));
  CHECK(has(html, "48 to 72 hours"));
  CHECK(has(html, "around a 6 or 7"));
  // The second article's six contraindications, in its order.
  std::size_t at = 0;
  for (std::string_view name : {"Osteoporosis", "Trauma", "Excessive muscle guarding", "Cancer",
                                "Severe neurological symptoms", "Recent surgery"}) {
    CAPTURE(name);
    auto found = html.find(fmt::format("<b>{}</b>", name), at);
    CHECK(found != std::string::npos);
    at = found;
  }
  CHECK(has(html, "the second article's contraindications"));
}

TEST_CASE("the hand-out's safety lines follow the step's pose") {
  Routine r;
  r.title = "Mixed";
  r.steps.push_back(hold("Mid-back", Zone::thoracic));
  Step lat = hold("Lat", Zone::lats);
  r.steps.push_back(lat);
  Step glute = hold("Glute", Zone::glutes);
  r.steps.push_back(glute);
  std::string html = page(r);
  CHECK(has(html, "never pull on your neck"));
  CHECK(has(html, "between the armpit and the lowest rib"));
  CHECK(has(html, "roll's own reading"));
  CHECK(has(html, "never up toward the low back"));
}

TEST_CASE("the pressure line: the step's own, never above 7/10, nothing off the roller") {
  Step s = hold("Hold", Zone::thoracic);
  CHECK(pressure_words(s) ==
        "Pressure: gentle, never past the first article's \"around a 6 or 7\" out of 10.");
  s.intensity = 4;
  CHECK(pressure_words(s) ==
        "Pressure: about 4/10, gentler than the first article's \"around a 6 or 7\".");
  s.intensity = 6;
  CHECK(pressure_words(s) ==
        "Pressure: about 6/10, the first article's \"around a 6 or 7\", a \"good hurt\": no more.");
  s.intensity = 10;
  CHECK(pressure_words(s).find("about 7/10") != std::string::npos);
  Step move = hold("Cat-cow", Zone::full_body);
  move.kind = StepKind::movement;
  CHECK(pressure_words(move).empty());
}

TEST_CASE("every text from the routine is escaped, and nothing is run or fetched") {
  Routine r;
  r.title = "<script>alert(1)</script>";
  r.summary = "a & b \"c\" 'd'";
  r.sources = {"<img src=x onerror=alert(2)>"};
  Step s = hold("</h2><script>x()</script>", Zone::thoracic);
  s.cue = "Lean <b>back</b>\x1b]52;c;AAAA\x07 \u202Eevil";
  r.steps.push_back(s);
  HandoutInput in;
  in.routine = r;
  in.version = "1\"><script>";
  in.file = "<evil>.toml";
  in.generated = "2026-11-23";
  std::string html = handout_html(in);
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "<img"));
  CHECK_FALSE(has(html, "<b>back"));
  CHECK_FALSE(has(html, "\x1b"));
  CHECK_FALSE(has(html, "\u202E"));
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(html, "a &amp; b &quot;c&quot; &#39;d&#39;"));
  CHECK(has(html, "from &lt;evil&gt;.toml on 2026-11-23"));
  for (std::string_view banned :
       {"href", "src=\"", "url(", "@import", "<link", "<iframe", "<img", "<object", "<embed"}) {
    CHECK_FALSE(has(html, banned));
  }
}

TEST_CASE("a hand-out is known by its first bytes, as the report is") {
  Routine r;
  r.title = "t";
  r.steps.push_back(hold("h", Zone::thoracic));
  std::string html = page(r);
  CHECK(is_roll_handout(html));
  CHECK_FALSE(is_roll_handout("<!DOCTYPE html>\n<html>"));
  CHECK_FALSE(is_roll_handout(""));
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("a step's figure is the pose it names, with its move as the arrow") {
  Routine r;
  r.title = "t";
  Step s = hold("Lats", Zone::lats);
  s.positions = 2;
  s.move = Move::down;
  s.pose = "kneeling-lat-roll";
  r.steps.push_back(s);
  r.steps.push_back(hold("Mid-back", Zone::thoracic));
  std::string html = page(r);
  CHECK(has(html, "<title>kneeling-lat-roll</title>"));
  CHECK(has(html, "one inch apart, going down"));
  // The second step names none and gets its default figure.
  CHECK(has(html, "<title>thoracic-extension</title>"));
}

TEST_CASE("a long routine is set in three columns") {
  Routine r;
  r.title = "long";
  for (int i = 0; i < 7; ++i) r.steps.push_back(hold("h", Zone::thoracic));
  CHECK(has(page(r), "<body class=\"compact\">"));
  r.steps.resize(6);
  CHECK(has(page(r), "<body>"));
}

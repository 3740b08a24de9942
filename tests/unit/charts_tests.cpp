// The terminal charts of `roll stats`: widths, glyph sets, scaling, the empty and one-session
// histories. Pure functions, so every case is a few lines in and lines out.
#include <doctest/doctest.h>

#include <algorithm>

#include "roll/charts.hpp"
#include "roll/text.hpp"

using namespace roll;
using namespace std::chrono;

namespace {

// A chart line's text without its inks.
std::string plain_text(const ChartLine& line) {
  std::string out;
  for (const auto& s : line) out += s.text;
  return out;
}

std::vector<std::string> texts(const std::vector<ChartLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(plain_text(l));
  return out;
}

bool ascii_only(const std::vector<std::string>& lines) {
  return std::all_of(lines.begin(), lines.end(), [](const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\x1b'; });
  });
}

std::size_t widest(const std::vector<std::string>& lines) {
  std::size_t w = 0;
  for (const auto& l : lines) w = std::max(w, display_width(l));
  return w;
}

bool any_has(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

LocalDays on(int y, unsigned m, unsigned d) {
  return local_days{year{y} / month{m} / day{d}};
}

Stats stats_of_weeks(int weeks, LocalDays first) {
  Stats st;
  st.weeks.resize(static_cast<std::size_t>(weeks));
  st.days.resize(static_cast<std::size_t>(7 * weeks));
  for (std::size_t i = 0; i < st.days.size(); ++i) st.days[i].day = first + days{i};
  for (std::size_t w = 0; w < st.weeks.size(); ++w) st.weeks[w].week_start = first + days{7 * w};
  return st;
}

}  // namespace

TEST_CASE("bar chart: scaled to the largest value, labels aligned, never wider than asked") {
  std::vector<BarRow> rows{
      {"2026-11-09", 10, "10 min"}, {"2026-11-16", 40, "40 min"}, {"2026-11-23", 0, "0 min"}};
  for (std::size_t width : {20U, 40U, 80U, 200U}) {
    for (bool utf8 : {true, false}) {
      CAPTURE(width);
      CAPTURE(utf8);
      auto lines = texts(bar_chart(rows, 0, {width, utf8}));
      REQUIRE(lines.size() == 3);
      CHECK(widest(lines) <= width);
      if (!utf8) CHECK(ascii_only(lines));
      // The right-hand texts line up in one column.
      auto col = lines[0].find("10 min");
      CHECK(display_width(lines[1].substr(0, lines[1].find("40 min"))) ==
            display_width(lines[0].substr(0, col)));
    }
  }
  auto ascii = texts(bar_chart(rows, 0, {80, false}));
  auto full = std::count(ascii[1].begin(), ascii[1].end(), '#');
  auto quarter = std::count(ascii[0].begin(), ascii[0].end(), '#');
  CHECK(full > 0);
  CHECK(static_cast<double>(quarter * 4) ==
        doctest::Approx(static_cast<double>(full)).epsilon(0.15));
  CHECK(std::count(ascii[2].begin(), ascii[2].end(), '#') == 0);
  // A small value still shows.
  auto sliver = texts(bar_chart({{"a", 1, ""}, {"b", 1000, ""}}, 0, {40, false}));
  CHECK(sliver[0].find('#') != std::string::npos);
  // The UTF-8 bars use eighths for the last cell.
  auto eighths = texts(bar_chart({{"a", 1, ""}, {"b", 3, ""}}, 100, {18, true}));
  CHECK(eighths[0].find("▏") != std::string::npos);
}

TEST_CASE("bar chart: a label too long for the width is cut with an ellipsis, not the bar") {
  auto lines = texts(bar_chart({{std::string(60, 'z'), 5, "5 min"}}, 0, {40, true}));
  CHECK(widest(lines) <= 40);
  CHECK(any_has(lines, "…"));
  CHECK(any_has(lines, "5 min"));
  CHECK(texts(bar_chart({}, 0, {40, true})).empty());
}

TEST_CASE("bar chart: the mark ticks the limit on every row") {
  auto lines = texts(bar_chart({{"a", 2, ""}, {"b", 9, ""}}, 10, {32, false}, 7.0));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find('|') != std::string::npos);
  CHECK(lines[0].find('|') == lines[1].find('|'));
}

TEST_CASE("rating trend: one column per session, before and after told apart without colour") {
  std::vector<RatingPoint> points{{on(2026, 11, 20), 4, 6},
                                  {on(2026, 11, 21), 4, 8},
                                  {on(2026, 11, 22), 6, 6},
                                  {on(2026, 11, 23), std::nullopt, 10}};
  auto lines = texts(rating_trend(points, {80, false}));
  CHECK(ascii_only(lines));
  CHECK(widest(lines) <= 80);
  // Rows 9-10, 7-8, 5-6, 3-4, 1-2 and 0, the axis, then the legend and averages.
  REQUIRE(lines.size() >= 8);
  CHECK(lines[0].starts_with("9-10 "));
  CHECK(lines[1].starts_with(" 7-8 "));
  CHECK(lines[5].starts_with("   0 "));
  CHECK(lines[0].find('*') != std::string::npos);  // the last after: 10
  CHECK(lines[2].find('@') != std::string::npos);  // before = after = 6
  CHECK(lines[3].find('o') != std::string::npos);  // before 4
  CHECK(any_has(lines, "o before"));
  CHECK(any_has(lines, "* after"));
  // Compared within the three sessions rated both times; the fourth, rated after only, is not.
  CHECK(any_has(lines, "in the 3 sessions rated both before and after: 4.7 before, 6.7 after"));
  CHECK(any_has(lines, "1 session rated only once, not compared"));
  auto utf8 = texts(rating_trend(points, {80, true}));
  CHECK(any_has(utf8, "●"));
  CHECK(any_has(utf8, "○"));
  CHECK(any_has(utf8, "◉"));
}

TEST_CASE("rating trend: none rated, one rated, and more sessions than columns") {
  auto none = texts(rating_trend({}, {40, true}));
  REQUIRE(!none.empty());
  CHECK(widest(none) <= 40);  // wrapped at its words, not cut
  CHECK(none[0].find("No ratings yet") != std::string::npos);
  auto one = texts(rating_trend({{on(2026, 11, 23), 3, std::nullopt}}, {80, false}));
  CHECK(any_has(one, "o"));
  CHECK(any_has(one, "no session rated both before and after yet: nothing to compare"));
  std::vector<RatingPoint> many;
  for (int i = 0; i < 500; ++i) many.push_back({on(2026, 1, 1) + days{i}, i % 11, 10 - i % 11});
  for (std::size_t width : {30U, 80U}) {
    auto lines = texts(rating_trend(many, {width, true}));
    CHECK(widest(lines) <= width);
  }
}

TEST_CASE("pressure by zone: counts, averages and highest, and the chart flags a zone past 7") {
  auto zones = pressure_by_zone({{10, 6, "thoracic"},
                                 {20, 8, "thoracic"},
                                 {30, 4, "lats"},
                                 {40, 5, "thoracic"},
                                 {50, 3, "lats"},
                                 {60, 2, "glutes"}});
  REQUIRE(zones.size() == 3);
  CHECK(zones[0].zone == "thoracic");
  CHECK(zones[0].readings == 3);
  CHECK(zones[0].highest == 8);
  CHECK(zones[0].average == doctest::Approx(19.0 / 3));
  CHECK(zones[1].zone == "lats");
  CHECK(zones[2].zone == "glutes");
  auto chart = pressure_chart(zones, {60, false});
  auto lines = texts(chart);
  CHECK(ascii_only(lines));
  CHECK(widest(lines) <= 60);
  CHECK(any_has(lines, "thoracic"));
  CHECK(any_has(lines, "highest 8 !"));
  // Only the first article gives a number, as a target: the 7 is roll's own limit.
  CHECK(any_has(lines, "roll's own limit of 7/10"));
  CHECK_FALSE(any_has(lines, "articles' limit"));
  bool high = false;
  for (const auto& line : chart)
    for (const auto& span : line) high = high || span.ink == Ink::high;
  CHECK(high);
  auto empty = texts(pressure_chart({}, {60, true}));
  REQUIRE(!empty.empty());
  CHECK(widest(empty) <= 60);
  CHECK(empty[0].find("No pressure readings") != std::string::npos);
}

TEST_CASE("heatmap: a row per weekday, the newest weeks that fit, a legend in the right glyphs") {
  Stats st = stats_of_weeks(3, on(2026, 11, 9));
  st.days[0].completed = 1;
  st.days[0].sessions = 1;
  st.days[0].seconds = 1500;
  st.days[1].sessions = 1;
  st.days[2].rest = true;
  auto lines = texts(heatmap(st, on(2026, 11, 23), {80, true}));
  REQUIRE(lines.size() >= 9);
  CHECK(lines[0] == "    Nov 9");  // the dates above the weeks come first
  CHECK(lines[1].starts_with("Mon "));
  CHECK(lines[7].starts_with("Sun "));
  CHECK(lines[1].find("█") != std::string::npos);
  CHECK(lines[2].find("x") != std::string::npos);
  CHECK(lines[3].find("+") != std::string::npos);
  auto ascii = texts(heatmap(st, on(2026, 11, 23), {80, false}));
  CHECK(ascii_only(ascii));
  CHECK(ascii[1].find('#') != std::string::npos);
  // 520 weeks in 40 columns: the newest that fit.
  Stats big = stats_of_weeks(520, on(2016, 12, 5));
  big.days.back().completed = 1;
  big.days.back().seconds = 480;  // 8 minutes: the second shade
  big.days.front().sessions = 1;  // a session in the first week: all 520 are the calendar's
  auto narrow = texts(heatmap(big, big.days.back().day, {40, true}));
  CHECK(widest(narrow) <= 40);
  CHECK(narrow[7].find("▒") != std::string::npos);
  CHECK(any_has(narrow, "the last 36 of 520 weeks"));
}

TEST_CASE("heatmap: the weeks start at the first session, each labelled column by its Monday") {
  // Twelve weeks asked for, the first session in the last one: one column, not eleven empty.
  Stats st = stats_of_weeks(12, on(2026, 9, 7));
  st.days[77].sessions = 1;
  st.days[77].completed = 1;
  st.days[77].seconds = 400;
  auto lines = texts(heatmap(st, on(2026, 11, 29), {80, false}));
  REQUIRE(lines.size() >= 8);
  CHECK(lines[0] == "    Nov 23");
  CHECK(lines[1] == "Mon o");
  CHECK_FALSE(any_has(lines, "of 12 weeks"));
  // Three weeks of sessions: labels where they fit, never wider than the width.
  Stats three = stats_of_weeks(12, on(2026, 9, 7));
  for (std::size_t d : {63U, 70U, 77U}) three.days[d].sessions = 1;
  auto labelled = texts(heatmap(three, on(2026, 12, 6), {80, false}));
  CHECK(labelled[0] == "    Nov 9");  // the next label would overlap it
  auto cramped = texts(heatmap(three, on(2026, 12, 6), {12, false}));
  CHECK(widest(cramped) <= 12);
}

TEST_CASE("paired_ratings: before and after compared within the sessions that have both") {
  auto paired = paired_ratings({{on(2026, 11, 20), 4, std::nullopt},
                                {on(2026, 11, 21), std::nullopt, 7},
                                {on(2026, 11, 22), 5, 6},
                                {on(2026, 11, 23), 3, 6}});
  CHECK(paired.sessions == 2);
  CHECK(paired.before == doctest::Approx(4.0));
  CHECK(paired.after == doctest::Approx(6.0));
  CHECK(paired.unpaired == 2);
  CHECK(paired_ratings({}).sessions == 0);
}

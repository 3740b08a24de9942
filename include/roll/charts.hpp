#pragma once
// The pictures `roll stats` draws in a terminal: bars, a trend of the before/after ratings, the
// pressure readings per zone and the calendar heatmap. Pure: numbers and a width in, lines out,
// none wider than the width. Block glyphs when the terminal shows UTF-8, ASCII otherwise; every
// span carries an ink that a caller may colour, but the shapes and marks alone say everything
// (colour is only ever a second signal).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "roll/history.hpp"

namespace roll {

enum class Ink {
  plain,
  axis,    // scales, ticks and legends
  bar,     // a bar or a day rolled
  high,    // past a limit: pressure 8/10 or more, over the articles' 7
  before,  // the rating before a session
  after,   // the rating after it
  pain,    // a pain stop
  rest,    // a rest day (injury, pain stop)
  tried,   // a day with a session that did not count as done
  none,    // a day with nothing
};

struct Span {
  std::string text;
  Ink ink = Ink::plain;
};
using ChartLine = std::vector<Span>;

struct ChartStyle {
  std::size_t width = 80;  // columns; every line fits
  bool utf8 = true;        // block glyphs; else ASCII only
};

struct BarRow {
  std::string label;  // sanitized
  double value = 0;
  std::string right;  // after the bar: "42 min"
  Ink ink = Ink::bar;
};

// One row per bar, labels left-aligned in one column, bars scaled so that `scale_max` (the
// largest value when 0) fills the room left. A value above 0 always shows at least a sliver.
// `mark`, when given, puts a tick at that value on every row (the 7/10 pressure limit).
[[nodiscard]] std::vector<ChartLine> bar_chart(const std::vector<BarRow>& rows, double scale_max,
                                               ChartStyle style,
                                               std::optional<double> mark = std::nullopt);

// The before/after ratings (0-10) of the rated sessions, oldest first.
struct RatingPoint {
  LocalDays day{};
  std::optional<int> before;
  std::optional<int> after;
};

// Before and after compared only within the sessions rated both times: an average of befores
// from some sessions against afters from others compares different sessions.
struct PairedRatings {
  int sessions = 0;   // rated both before and after
  double before = 0;  // their averages
  double after = 0;
  int unpaired = 0;  // rated only before or only after
};
[[nodiscard]] PairedRatings paired_ratings(const std::vector<RatingPoint>& points);

// A chart of six rows (9-10, 7-8, ... 1-2, 0) with one column per session, oldest at the left: `o`
// for before, `*` for after, `@` where they meet (○ ● ◉ in UTF-8). More sessions than columns are
// averaged in runs so the whole window still shows. Ends with a legend and the averages. No
// point rated: a sentence that says so.
[[nodiscard]] std::vector<ChartLine> rating_trend(const std::vector<RatingPoint>& points,
                                                  ChartStyle style);

struct ZonePressure {
  std::string zone;
  int readings = 0;
  int highest = 0;
  double average = 0;
};

// Readings grouped by zone, most readings first (then by name).
[[nodiscard]] std::vector<ZonePressure> pressure_by_zone(
    const std::vector<PressureReading>& readings);

// The average pressure per zone as a bar out of 10, with roll's own limit (7/10) ticked and
// a zone whose highest reading went past it in the `high` ink and marked `!`.
[[nodiscard]] std::vector<ChartLine> pressure_chart(const std::vector<ZonePressure>& zones,
                                                    ChartStyle style);

// The calendar: one column per week from the first with anything in it (the newest that fit the
// width), a row of dates above (each labelled column's Monday), one row per weekday, and a legend.
[[nodiscard]] std::vector<ChartLine> heatmap(const Stats& stats, LocalDays today, ChartStyle style);

// roll's own reading of a pressure that is too much: the first article aims for "around a 6 or 7"
// (a target, the only number either article gives), and the session says "ease off" from 8
// (from 6 for a beginner or a cleared condition: user_limits.hpp).
inline constexpr int kPressureLimit = 7;

}  // namespace roll

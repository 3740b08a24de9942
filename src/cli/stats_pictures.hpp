#pragma once
// What `roll stats` draws besides its totals: the before/after ratings, the pressure readings per
// zone and the pain stops of the window, gathered from the store, and the text page that shows
// them with the core's charts (roll/charts.hpp).
#include <toml++/toml.h>

#include <vector>

#include "cli/context.hpp"
#include "platform/history_store.hpp"
#include "roll/charts.hpp"
#include "roll/history.hpp"

namespace roll::cli {

struct StatsReadings {
  std::vector<RatingPoint> ratings;  // oldest first
  std::vector<SysSeconds> rating_times;
  // The sessions with a pain rating (0-10, 0 none), oldest first: only start, routine and pain.
  std::vector<SessionRecord> pain;
  std::vector<ZonePressure> pressures;
  std::vector<PainStop> pain_stops;  // oldest first
};

// Over the days `stats` covers (stats.days), read the way gather_stats() reads them.
[[nodiscard]] StatsReadings gather_readings(platform::HistoryStore& store, const Stats& stats,
                                            SysSeconds now);

// The whole text page: totals, the calendar, minutes per week and per zone, the ratings, the
// pressure readings and the pain stops; as wide as the terminal at most, ASCII where the terminal
// cannot show UTF-8, coloured only when ctx.color.
void print_stats_text(Context& ctx, const Stats& stats, const StatsReadings& readings,
                      LocalDays today);

// The readings' keys for `roll stats --json` (docs/json.md): ratings, pain, pressures,
// pain_stops.
void add_readings_json(toml::table& document, const StatsReadings& readings, int day_start_hour);

}  // namespace roll::cli

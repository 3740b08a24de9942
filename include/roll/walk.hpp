#pragma once
// Where a step's positions may walk: from where a step on a zone starts, how many one-inch
// positions it may go in each direction before the roller reaches the lumbar spine or the neck.
// The `move-direction` rule and the composer read this one table, so a composed routine can never
// walk where the linter forbids.
#include <string_view>

#include "roll/routine.hpp"
#include "roll/zone.hpp"

namespace roll {

// roll's own reading, not an article's: the first article's climb goes from the base of the rib
// cage "until you reach the top of your shoulders", an inch at a time. The adult thoracic spine
// is roughly 25-30 cm long, so twelve one-inch positions reach the top of the shoulders of a tall
// adult; a shorter back reaches it sooner and ends the climb there (`is_climb`).
inline constexpr int kClimbPositionsMax = 12;
// roll's own reading: a lat step starts in the armpit (both articles), and about six inches down
// the side is the lowest rib; past it is the quadratus lumborum, which roll counts as lumbar.
inline constexpr int kLatPositionsMax = 6;

struct WalkLimit {
  // The most positions a step may have going this way: 1 when the first move already walks
  // toward a forbidden zone; limits::max_positions when nothing forbidden lies that way.
  int positions = 1;
  // Where going further leads, for messages ("toward the lumbar spine"); empty when nowhere.
  std::string_view toward;
  // Where the step is taken to start, for messages ("the base of the rib cage").
  std::string_view from;
};

// The limit for positions moving `move` over `zone`, lying across the body or (`along_spine`)
// lengthwise under the spine.
[[nodiscard]] WalkLimit walk_limit(Zone zone, Move move, bool along_spine);

// Whether `step` walks past its limit: on the roller, with `move` declared and more positions than
// walk_limit allows. A step without `move` names no direction and is not judged.
[[nodiscard]] bool walks_too_far(const Step& step);

}  // namespace roll

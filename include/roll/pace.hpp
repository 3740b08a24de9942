#pragma once
// How slowly a roll goes: the stroke the roller travels each way and the time it takes, so that the
// session screen can show a marker travelling the stroke and the voice can say the turns. The
// articles' first word on technique is "slow down", but neither gives a speed: the pace here is
// roll's own reading, the one `roll explain slow-tempo` gives (about an inch a second; a
// repetition of 4 s covers two inches each way).
#include <optional>

#include "roll/plan.hpp"
#include "roll/routine.hpp"

namespace roll {

struct RollPace {
  double inches = 2;       // the stroke, one way
  Millis each_way{2000};   // how long the roller takes over it
  bool from_reps = false;  // timed in reps: the plan's repetitions are the strokes
};

// The pace of a `roll` step; none for any other kind. Timed in reps, a repetition is a stroke there
// and back at an inch a second. Timed in seconds: the rib roll (its figure) is the first article's
// "tiny one-inch movements", a second each way; any other slow roll two inches, two seconds each
// way (the shortest slow repetition); a fast one (a warm-up) two inches, a second each way.
[[nodiscard]] std::optional<RollPace> roll_pace(const Step& step);

// Where the roller is `into` a stroke-timed block: 0 where the stroke starts, 1 at its far end.
[[nodiscard]] double stroke_position(const RollPace& pace, Millis into);

// "1 inch each way, 1 s each way": the pace in words, for the screen beside its marker.
[[nodiscard]] std::string pace_words(const RollPace& pace);

}  // namespace roll

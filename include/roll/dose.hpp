#pragma once
// A step's dose in plain words, as a hand-out or a screen reader says it: "3 slow breaths (4 s in,
// 6 s out) at each of 8 spots, one inch apart, going up; 4 min in all". The times are the plan's
// (plan.hpp), so the words and the session's countdown can never disagree.
#include <cstddef>
#include <string>

#include "roll/plan.hpp"
#include "roll/pose.hpp"
#include "roll/routine.hpp"

namespace roll {

// The dose of `routine.steps[step]`, `plan` being make_plan(routine). The direction between
// positions is the step's `move`, as its figure's arrow draws it; without one the words name none
// ("one inch apart").
[[nodiscard]] std::string dose_words(const Routine& routine, const Plan& plan, std::size_t step);

}  // namespace roll

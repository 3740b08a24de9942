#pragma once
// The safety linter: checks a loaded routine against rules drawn from the three articles.
// Pure: no I/O, no clock. `roll lint`, `roll session` (refuses on errors) and `roll new` use it.
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/routine.hpp"

namespace roll {

// Every finding for a routine that loaded without structure errors, sorted by position.
// Safety rules (errors) ignore `allow`; technique rules (warnings) honour routine and step `allow`.
[[nodiscard]] std::vector<Diagnostic> lint_routine(const Routine& routine, std::string_view file);

}  // namespace roll

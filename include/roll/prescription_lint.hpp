#pragma once
// A prescription's checks, as lint findings with the catalog's rule ids (rules.hpp): more than the
// second article's 4 sessions a day, an end before the start, a routine roll cannot find, a
// routine that fails lint, a beginner prescribed an advanced routine. Pure: the caller finds and
// lints the routines the prescription names and passes what it found in.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/prescription.hpp"
#include "roll/routine.hpp"

namespace roll {

// What the caller found for one routine a prescription names.
struct PrescribedRoutine {
  bool found = false;              // a routine of that name, or that file beside the prescription
  std::optional<Routine> routine;  // set when it loaded
  // Its own load and lint findings (its own file and positions), as `roll lint` gives them for
  // the patient's level: only the errors make the prescription fail.
  std::vector<Diagnostic> findings;
  std::string suggestion;  // when not found: the nearest name the caller knows, if any
};

using RoutineLookup = std::function<PrescribedRoutine(const PrescribedRoutineRef&)>;

// Every finding, sorted by position. `lookup` is called once per routine the prescription names.
[[nodiscard]] std::vector<Diagnostic> lint_prescription(const Prescription& prescription,
                                                        std::string_view file,
                                                        const RoutineLookup& lookup);

}  // namespace roll

#pragma once
// A prescription file checked as `roll lint` checks it (docs/prescriptions.md): the loader's
// findings, then the prescription rules (roll/prescription_lint.hpp) with each routine it names
// found as `roll session NAME` finds it, or as a .toml file in the prescription's own folder, and
// linted at the prescription's level. What `roll lint` and `roll report --fhir --prescription`
// share.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "platform/environment.hpp"
#include "roll/diagnostic.hpp"
#include "roll/prescription.hpp"

namespace roll::cli {

struct CheckedPrescription {
  std::optional<Prescription> prescription;  // set when it loaded (errors may remain below)
  std::vector<Diagnostic> diagnostics;       // sorted by position
  // How each prescribed routine is titled (the routine's title where it loaded, else the text
  // the prescription wrote), in the prescription's order.
  std::vector<std::string> routine_titles;
};

[[nodiscard]] CheckedPrescription check_prescription(const platform::Environment& env,
                                                     const std::string& text,
                                                     const std::filesystem::path& path);

}  // namespace roll::cli

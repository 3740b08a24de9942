#include "cli/prescription_checks.hpp"

#include "platform/routine_files.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/prescription_lint.hpp"
#include "roll/profile.hpp"

namespace roll::cli {

namespace {

namespace fs = std::filesystem;

// A routine file beside the prescription: a regular file, never one reached through a link (the
// loader has already refused any name with a '/').
std::optional<fs::path> file_beside(const fs::path& prescription, const std::string& name) {
  fs::path path = prescription.parent_path() / name;
  std::error_code ec;
  auto status = fs::symlink_status(path, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  return path;
}

PrescribedRoutine look_up(const platform::Environment& env, const fs::path& prescription,
                          Level level, const PrescribedRoutineRef& ref) {
  PrescribedRoutine out;
  std::optional<fs::path> path;
  if (ref.is_file) {
    path = file_beside(prescription, ref.text);
  } else if (auto found = platform::find_routine(env, ref.text)) {
    path = found->path;
  }
  if (!path) {
    if (!ref.is_file) out.suggestion = platform::nearest_routine_name(env, ref.text);
    return out;
  }
  out.found = true;
  auto loaded = platform::load_routine_file(*path);
  out.findings = std::move(loaded.diagnostics);
  if (!loaded.routine) return out;
  // Linted as the patient would do it: at the prescription's level, on the routine's roller.
  Profile patient;
  patient.level = level;
  auto findings = lint_routine(with_profile(*loaded.routine, patient), path->string());
  out.findings.insert(out.findings.end(), findings.begin(), findings.end());
  out.routine = std::move(loaded.routine);
  return out;
}

}  // namespace

CheckedPrescription check_prescription(const platform::Environment& env, const std::string& text,
                                       const fs::path& path) {
  CheckedPrescription out;
  auto loaded = load_prescription(text, path.string());
  out.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.prescription) return out;
  const Prescription& p = *loaded.prescription;
  std::vector<std::string> titles;
  auto found = lint_prescription(p, path.string(), [&](const PrescribedRoutineRef& ref) {
    auto routine = look_up(env, path, p.level, ref);
    titles.push_back(routine.routine && !routine.routine->title.empty() ? routine.routine->title
                                                                        : ref.text);
    return routine;
  });
  out.diagnostics.insert(out.diagnostics.end(), found.begin(), found.end());
  sort_diagnostics(out.diagnostics);
  out.routine_titles = std::move(titles);
  out.prescription = std::move(loaded.prescription);
  return out;
}

}  // namespace roll::cli

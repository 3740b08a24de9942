// Test-only: the prescription core from the command line, for the real readers in
// tests/packaging until the commands that use it exist.
//   prescription_tool load FILE   the loader's diagnostics, one a line; exit 0 when it loads
//   prescription_tool fhir        the FHIR bundle of the simulated month (prescribed_month.hpp)
#include <fmt/core.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "prescribed_month.hpp"
#include "roll/fhir.hpp"
#include "roll/prescription.hpp"

namespace {

int load(const std::string& path) {
  std::string text = roll::test::month::read_text(path);
  auto loaded = roll::load_prescription(text, path);
  for (const auto& d : loaded.diagnostics) {
    fmt::print("{}:{}:{}: {}: {} [{}]\n", d.file, d.where.line, d.where.column,
               roll::severity_name(d.severity), d.message, d.rule);
    if (!d.help.empty()) fmt::print("  help: {}\n", d.help);
  }
  return loaded.prescription ? 0 : 1;
}

int fhir() {
  namespace month = roll::test::month;
  auto loaded =
      roll::load_prescription(month::read_text(month::example_path(ROLL_SOURCE_DIR)), "example");
  if (!loaded.prescription) return 2;
  auto m = month::make();
  roll::FhirInput in;
  in.prescription = &*loaded.prescription;
  in.routine_titles = {"Mid-back extension", "Before bed, every night"};
  in.sessions = m.sessions;
  in.pain = m.pain;
  in.psfs = m.psfs;
  in.now = month::now();
  in.now_offset = month::kOffset;
  in.today = roll::test::on(2026, 11, 25);
  fmt::print("{}\n", roll::fhir_bundle(in));
  in.patient = {"Jo Example", "MRN-0042"};
  in.today = roll::test::on(2026, 12, 1);
  // A second bundle on the next line with a Patient: the reader checks both.
  fmt::print("{}\n", roll::fhir_bundle(in));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string_view what = argc > 1 ? argv[1] : "";
    if (what == "load" && argc == 3) return load(argv[2]);
    if (what == "fhir" && argc == 2) return fhir();
  } catch (const std::exception& e) {
    fmt::print(stderr, "prescription_tool: {}\n", e.what());
    return 2;
  }
  fmt::print(stderr, "usage: prescription_tool load FILE | fhir\n");
  return 2;
}

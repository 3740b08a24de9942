// Any bytes as a prescription through its reader, its checks, a day of its schedule, adherence
// and the FHIR export: nothing may crash, hang or trip a sanitizer; a prescription comes back
// exactly when no diagnostic is an error, and every diagnostic names its rule, its line and says
// something.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "roll/adherence.hpp"
#include "roll/fhir.hpp"
#include "roll/prescription.hpp"
#include "roll/prescription_lint.hpp"
#include "roll/prescription_schedule.hpp"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = roll::load_prescription(text, "p.toml");
  require(loaded.prescription.has_value() == !roll::has_errors(loaded.diagnostics));
  for (const auto& d : loaded.diagnostics) {
    require(!d.rule.empty() && !d.message.empty() && d.where.known());
  }
  if (!loaded.prescription) return 0;
  const auto& p = *loaded.prescription;
  require(!p.routines.empty() && p.goals.size() <= roll::kMaxGoals);
  require(p.times_per_day >= 1 && p.times_per_day <= roll::kMaxTimesPerDayRead);
  (void)roll::lint_prescription(
      p, "p.toml", [](const roll::PrescribedRoutineRef&) { return roll::PrescribedRoutine{}; });
  // A day near the start, so adherence walks a bounded number of days.
  auto today = p.from + std::chrono::days{40};
  auto day = roll::prescription_day(p, {"r"}, {}, {}, today);
  require(day.remaining >= 0 && day.remaining <= p.times_per_day);
  auto a = roll::adherence(p, {}, {}, today);
  require(a.total.prescribed == a.total.done + a.total.excused + a.total.missed + a.total.pending);
  roll::FhirInput in;
  in.prescription = &p;
  in.today = today;
  require(!roll::fhir_bundle(in).empty());
  return 0;
}

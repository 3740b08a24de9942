// Any bytes through the whole pure pipeline a routine file goes through: the input guard, the
// TOML parser, the loader, the plan, the linter, `lint --fix` and the session's moment_at().
// Nothing may crash, hang or trip a sanitizer, and the results must hold their invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "roll/fix.hpp"
#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = roll::load_routine(text, "fuzz.toml");
  // A routine comes back exactly when no diagnostic is an error.
  require(loaded.routine.has_value() == !roll::has_errors(loaded.diagnostics));
  for (const auto& d : loaded.diagnostics) {
    require(!d.rule.empty() && !d.message.empty());
  }
  if (!loaded.routine) return 0;

  const auto& routine = *loaded.routine;
  auto findings = roll::lint_routine(routine, "fuzz.toml");
  for (const auto& d : findings) require(!d.rule.empty());

  // --fix promises text that still loads, and only when something was fixed does it change.
  auto fixed = roll::fix_routine_text(text, "fuzz.toml", findings);
  require(fixed.fixed.empty() == (fixed.text == text));
  if (!fixed.fixed.empty()) {
    auto again = roll::load_routine(fixed.text, "fuzz.toml");
    require(again.routine.has_value());
  }

  auto plan = roll::make_plan(routine);
  require(plan.work <= plan.total);
  // Walk the timeline boundary by boundary, as the session runner does.
  roll::Millis at{0};
  std::size_t steps = 0;
  while (auto next = roll::next_boundary(plan, at)) {
    require(*next > at);
    auto moment = roll::moment_at(plan, at);
    require(!moment.finished);
    require(moment.total_progress >= 0 && moment.total_progress <= 1);
    at = *next;
    if (++steps > 200000) break;  // bounded by the limits; keeps one input from dominating
  }
  require(roll::moment_at(plan, plan.total).finished);
  return 0;
}

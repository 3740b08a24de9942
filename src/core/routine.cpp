#include "roll/routine.hpp"

namespace roll {

bool puts_pressure(StepKind kind) {
  return kind == StepKind::hold || kind == StepKind::roll || kind == StepKind::pivot;
}

bool on_roller(const Step& step) {
  if (puts_pressure(step.kind)) return true;
  if (step.on_roller_key) return *step.on_roller_key;
  if (step.kind == StepKind::movement) return false;
  return step.kind != StepKind::rest || step.zone.has_value();
}

SourceRange SourceMap::at(std::string_view key) const {
  if (auto it = keys.find(key); it != keys.end()) return it->second;
  return table;
}

SourceRange SourceMap::value_at(std::string_view key) const {
  if (auto it = values.find(key); it != values.end()) return it->second;
  return table;
}

int Step::seconds_per_pass() const {
  switch (unit) {
    case TimingUnit::seconds:
      return count;
    case TimingUnit::breaths:
      return count * breath.cycle_seconds();
    case TimingUnit::reps:
      return count * rep_seconds;
  }
  return count;
}

int Step::passes() const {
  return positions * (side == Side::both ? 2 : 1);
}

}  // namespace roll

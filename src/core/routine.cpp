#include "roll/routine.hpp"

#include <algorithm>

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

std::string tool_phrase(Roller v) {
  if (v == Roller::ball || v == Roller::peanut) return "a " + std::string(tool_word(v));
  return "a " + std::string(to_string(v)) + " roller";
}

bool is_climb(const Step& step) {
  return step.move == Move::up && step.positions > 1;
}

std::vector<Zone> pressed_zones(const Step& step) {
  std::vector<Zone> zones;
  if (!on_roller(step)) return zones;
  if (step.zone) zones.push_back(*step.zone);
  if (step.along == Along::spine && step.zone != Zone::thoracic) zones.push_back(Zone::thoracic);
  return zones;
}

std::optional<int> movement_after_last_pressure(const Routine& routine) {
  std::optional<int> moved;
  for (const Step& step : routine.steps) {
    if (on_roller(step)) {
      moved = 0;
    } else if (moved && step.kind == StepKind::movement) {
      *moved += step.total_seconds();
    }
  }
  return moved;
}

bool moves_enough_after(const Routine& routine) {
  return movement_after_last_pressure(routine).value_or(kMoveAfterSeconds) >= kMoveAfterSeconds;
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

std::vector<std::string> zones_in_order(const Routine& routine) {
  std::vector<std::string> zones;
  for (const auto& step : routine.steps) {
    if (!step.zone) continue;
    std::string name(zone_name(*step.zone));
    if (std::find(zones.begin(), zones.end(), name) == zones.end()) zones.push_back(name);
  }
  return zones;
}

}  // namespace roll

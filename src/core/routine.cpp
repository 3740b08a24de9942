#include "roll/routine.hpp"

namespace roll {

std::string_view to_string(Level v) {
  switch (v) {
    case Level::beginner:
      return "beginner";
    case Level::intermediate:
      return "intermediate";
    case Level::advanced:
      return "advanced";
  }
  return "beginner";
}

std::string_view to_string(Roller v) {
  switch (v) {
    case Roller::soft:
      return "soft";
    case Roller::medium:
      return "medium";
    case Roller::firm:
      return "firm";
    case Roller::textured:
      return "textured";
    case Roller::peanut:
      return "peanut";
    case Roller::ball:
      return "ball";
  }
  return "medium";
}

std::string_view to_string(Purpose v) {
  switch (v) {
    case Purpose::release:
      return "release";
    case Purpose::warm_up:
      return "warm-up";
    case Purpose::recovery:
      return "recovery";
    case Purpose::bedtime:
      return "bedtime";
    case Purpose::break_:
      return "break";
  }
  return "release";
}

std::string_view to_string(StepKind v) {
  switch (v) {
    case StepKind::hold:
      return "hold";
    case StepKind::roll:
      return "roll";
    case StepKind::pivot:
      return "pivot";
    case StepKind::stretch:
      return "stretch";
    case StepKind::movement:
      return "movement";
    case StepKind::rest:
      return "rest";
  }
  return "hold";
}

std::string_view to_string(Side v) {
  switch (v) {
    case Side::none:
      return "none";
    case Side::left:
      return "left";
    case Side::right:
      return "right";
    case Side::both:
      return "both";
  }
  return "none";
}

std::string_view to_string(Tempo v) {
  return v == Tempo::fast ? "fast" : "slow";
}

std::string_view to_string(TimingUnit v) {
  switch (v) {
    case TimingUnit::seconds:
      return "seconds";
    case TimingUnit::breaths:
      return "breaths";
    case TimingUnit::reps:
      return "reps";
  }
  return "seconds";
}

bool puts_pressure(StepKind kind) {
  return kind == StepKind::hold || kind == StepKind::roll || kind == StepKind::pivot;
}

bool on_roller(const Step& step) {
  if (puts_pressure(step.kind)) return true;
  if (step.on_roller_key) return *step.on_roller_key;
  if (step.kind == StepKind::movement) return false;
  return step.kind != StepKind::rest || step.zone.has_value();
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

}  // namespace roll

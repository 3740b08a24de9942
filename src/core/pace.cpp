#include "roll/pace.hpp"

#include <fmt/core.h>

#include <cmath>

#include "roll/pose.hpp"

namespace roll {

namespace {

// An inch a second: what roll calls slow (the slow-tempo rule's reading).
constexpr Millis kInch{1000};

std::string inches_text(double inches) {
  if (std::abs(inches - std::round(inches)) < 0.05) {
    auto whole = static_cast<long>(std::lround(inches));
    return fmt::format("{} inch{}", whole, whole == 1 ? "" : "es");
  }
  return fmt::format("{:.1f} inches", inches);
}

std::string seconds_text(Millis m) {
  if (m.count() % 1000 == 0) return fmt::format("{} s", m.count() / 1000);
  return fmt::format("{:.1f} s", static_cast<double>(m.count()) / 1000.0);
}

}  // namespace

std::optional<RollPace> roll_pace(const Step& step) {
  if (step.kind != StepKind::roll) return std::nullopt;
  RollPace pace;
  if (step.unit == TimingUnit::reps) {
    pace.from_reps = true;
    pace.each_way = Millis{std::max(step.rep_seconds, 1) * 500};
    pace.inches = static_cast<double>(pace.each_way.count()) / static_cast<double>(kInch.count());
    return pace;
  }
  if (step.tempo == Tempo::fast) {
    pace.inches = 2;
    pace.each_way = kInch;
  } else if (step_figure(step).pose == PoseId::rib_roll) {
    pace.inches = 1;
    pace.each_way = kInch;
  } else {
    pace.inches = 2;
    pace.each_way = 2 * kInch;
  }
  return pace;
}

double stroke_position(const RollPace& pace, Millis into) {
  auto way = std::max<Millis::rep>(pace.each_way.count(), 1);
  auto t = std::max<Millis::rep>(into.count(), 0) % (2 * way);
  double x = static_cast<double>(t) / static_cast<double>(way);
  return x <= 1 ? x : 2 - x;
}

std::string pace_words(const RollPace& pace) {
  return fmt::format("{} each way, {} each way", inches_text(pace.inches),
                     seconds_text(pace.each_way));
}

}  // namespace roll

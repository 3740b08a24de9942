#include "roll/dose.hpp"

#include <fmt/format.h>

#include "roll/duration.hpp"

namespace roll {

namespace {

std::string count_of(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string breath_words(const Step& step) {
  const Breath& b = step.breath;
  std::string pace = fmt::format("{} s in", b.inhale);
  if (b.hold_in > 0) pace += fmt::format(", hold {} s", b.hold_in);
  pace += fmt::format(", {} s out", b.exhale);
  if (b.hold_out > 0) pace += fmt::format(", hold {} s", b.hold_out);
  return fmt::format("{} ({})", count_of(step.count, "slow breath", "slow breaths"), pace);
}

std::string rep_words(const Step& step) {
  std::string_view pace = step.tempo == Tempo::fast ? "brisk" : "slow";
  switch (step.kind) {
    case StepKind::roll:
      return fmt::format(
          "{} {} of {} s", step.count,
          step.count == 1 ? fmt::format("{} roll", pace) : fmt::format("{} rolls", pace),
          step.rep_seconds);
    case StepKind::pivot:
      return fmt::format("{} of {} s", count_of(step.count, "slow pivot", "slow pivots"),
                         step.rep_seconds);
    default:
      return fmt::format("{}, {} s each", count_of(step.count, "rep", "reps"), step.rep_seconds);
  }
}

std::string seconds_words(const Step& step) {
  std::string time = human_duration(std::chrono::seconds(step.count));
  if (step.kind == StepKind::roll) {
    return fmt::format("{} of {} rolling", time, step.tempo == Tempo::fast ? "brisk" : "slow");
  }
  if (step.kind == StepKind::rest) return fmt::format("rest {}", time);
  return time;
}

std::string_view travel_words(Travel travel) {
  switch (travel) {
    case Travel::up:
      return ", going up";
    case Travel::down:
      return ", going down";
    case Travel::across:
      return ", going across";
    case Travel::none:
      break;
  }
  return "";
}

}  // namespace

std::string dose_words(const Routine& routine, const Plan& plan, std::size_t index) {
  if (index >= routine.steps.size()) return "";
  const Step& step = routine.steps[index];
  std::string words = step.unit == TimingUnit::breaths ? breath_words(step)
                      : step.unit == TimingUnit::reps  ? rep_words(step)
                                                       : seconds_words(step);
  if (step.positions > 1) {
    words += fmt::format(" at each of {} spots, one inch apart{}", step.positions,
                         travel_words(pose_query(step).travel));
  }
  if (step.side == Side::both) {
    words += " on each side";
  } else if (step.side != Side::none) {
    words += fmt::format(" on the {} side", to_string(step.side));
  }
  // What it comes to, from the plan: only worth saying when it is more than one pass.
  if (step.passes() > 1 || step.unit != TimingUnit::seconds) {
    Millis work{0};
    for (const auto& block : plan.blocks) {
      if (!block.get_ready && block.step == index) work += block.length;
    }
    auto seconds = std::chrono::seconds(rounded_seconds(work));
    if (seconds.count() > 0) words += fmt::format("; {} in all", human_duration(seconds));
  }
  return words;
}

}  // namespace roll

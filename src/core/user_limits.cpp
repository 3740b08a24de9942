#include "roll/user_limits.hpp"

#include <algorithm>

namespace roll {

UserLimits user_limits(const Routine& routine, const Profile& profile) {
  UserLimits out;
  out.beginner = routine.level == Level::beginner || profile.level == Level::beginner;
  for (const auto& [condition, name] : kConditionNames) {
    (void)name;
    bool cleared = std::any_of(
        profile.conditions.begin(), profile.conditions.end(),
        [c = condition](const ConditionEntry& e) { return e.condition == c && e.cleared; });
    if (cleared) {
      out.cleared = condition;
      break;
    }
  }
  return out;
}

int pressure_most(const UserLimits& user) {
  return user.beginner || user.cleared ? kGentleIntensity : kIntensityCap;
}

PressureAim pressure_aim(const Step& step, const UserLimits& user) {
  PressureAim aim;
  aim.beginner = user.beginner;
  aim.cleared = user.cleared;
  aim.most = pressure_most(user);
  if (step.intensity) aim.asked = std::clamp(*step.intensity, 1, aim.most);
  if (step.intensity && *step.intensity > aim.most) aim.step_asked = step.intensity;
  return aim;
}

bool one_spot(const Step& step) {
  return on_roller(step) && step.kind != StepKind::roll && step.kind != StepKind::stretch;
}

std::optional<int> spot_most_seconds(const Step& step, const UserLimits& user) {
  if (user.beginner && one_spot(step)) return kBeginnerSpotSeconds;
  return std::nullopt;
}

}  // namespace roll

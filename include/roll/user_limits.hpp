#pragma once
// What a session keeps to for the person on the roller: the pressure they are asked to aim for and
// the most a `+` may lengthen one spot to. Read from the routine and the profile before the first
// second; the session, its words and its screens follow it.
#include <optional>

#include "roll/profile.hpp"
#include "roll/routine.hpp"

namespace roll {

// The linter's cap on `intensity`: roll's own reading of the first article's target ("around a 6
// or 7") as a ceiling no step may ask above.
inline constexpr int kIntensityCap = 7;
// "Nothing above a 5 of 10" for a beginner, and for a condition a clinician cleared: roll's own
// reading (the second article says start slow and small, and that excessive pressure can increase
// the risk of fracture; no article gives them a number).
inline constexpr int kGentleIntensity = 5;
// The second article: "no more than 30 seconds of focus on each spot (unless it's just a stretch)"
// when you start. The linter's `beginner-spot` rule and the composer read it too.
inline constexpr int kBeginnerSpotSeconds = 30;

// Who the session is for, as far as pressure and holds go.
struct UserLimits {
  // The profile's level is beginner, or the routine's is: either makes the safer reading hold
  // (an advanced user on a beginner routine does what the routine, and its linter, ask).
  bool beginner = false;
  // The first condition (in the article's order) the profile marks "cleared": a clinician said
  // rolling is safe, and roll keeps the pressure gentle for it.
  std::optional<Condition> cleared;
};

[[nodiscard]] UserLimits user_limits(const Routine& routine, const Profile& profile);

// What a step asks of this user's pressure, out of 10.
struct PressureAim {
  // A reading above this is too much and the session says "ease off": kIntensityCap, or
  // kGentleIntensity for a beginner or a cleared condition.
  int most = kIntensityCap;
  // The step's `intensity`, held to `most`; empty when the step names none (the first article's
  // "around a 6 or 7" for everyone else, `most` at most for a beginner or a cleared condition).
  std::optional<int> asked;
  // The step's `intensity` when it is above `most` and `asked` holds it down.
  std::optional<int> step_asked;
  bool beginner = false;
  std::optional<Condition> cleared;  // the cleared condition that makes it gentle
  friend bool operator==(const PressureAim&, const PressureAim&) = default;
};

[[nodiscard]] PressureAim pressure_aim(const Step& step, const UserLimits& user);
// PressureAim::most, which no step changes.
[[nodiscard]] int pressure_most(const UserLimits& user);

// One spot under the roller: a step on the roller that stays at one place for a pass. A `roll`
// travels along the zone and the second article exempts stretches ("unless it's just a stretch").
[[nodiscard]] bool one_spot(const Step& step);

// The most seconds one pass of `step` (one side, one position) may last once `+` has lengthened
// it: kBeginnerSpotSeconds for a beginner on one spot (the linter's `beginner-spot` would refuse a
// routine that asked for more), nothing otherwise (the first article: "if a spot feels
// particularly tight, spend time there").
[[nodiscard]] std::optional<int> spot_most_seconds(const Step& step, const UserLimits& user);

}  // namespace roll

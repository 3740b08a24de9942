#pragma once
// The 48-72 h rule. Within 48 h of an injury no pressure goes on the zone or its neighbours;
// between 48 and 72 h only after the user confirms; after that nothing is said.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "roll/routine.hpp"
#include "roll/zone.hpp"

namespace roll {

struct Injury {
  long long id = 0;
  Zone zone = Zone::full_body;
  std::chrono::sys_seconds at{};
  std::string note;
  bool cleared = false;
};

inline constexpr std::chrono::hours kInjuryRefuseWindow{48};
inline constexpr std::chrono::hours kInjuryConfirmWindow{72};

// Zones that share load with `zone`: a lower-back injury also guards the glutes and hips.
// Symmetric; full_body neighbours everything.
[[nodiscard]] bool guards(Zone injured, Zone pressed);

enum class Guard { none, confirm, refuse };

struct InjuryFinding {
  Guard guard = Guard::none;
  const Injury* injury = nullptr;
  Zone pressed = Zone::full_body;  // the step's zone that meets the injury
  std::string step_name;
  std::chrono::seconds since{};      // time since the injury
  std::chrono::seconds remaining{};  // until the current window ends
};

// The strictest finding over every pressure step of the routine (cleared injuries ignored).
// `confirm_until` is the end of the confirmation window: the routine's resume_after_injury_hours
// when it asks for longer, else 72 h.
[[nodiscard]] InjuryFinding check_injuries(const Routine& routine,
                                           const std::vector<Injury>& injuries,
                                           std::chrono::sys_seconds now);

// What window an injury is in now, for `roll injury list`.
[[nodiscard]] Guard injury_window(const Injury& injury, std::chrono::sys_seconds now);

// Hours rounded up, so "1 h remaining" never means "already over".
[[nodiscard]] long long hours_ceil(std::chrono::seconds s);

}  // namespace roll

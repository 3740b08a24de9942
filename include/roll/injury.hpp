#pragma once
// The 48-72 h rule (the first article: wait 48-72 h after an acute injury, "until the acute pain
// has subsided"). Within 48 h no pressure goes on the zone or its neighbours. From 48 h on a
// session asks whether the acute pain has subsided: no refuses; yes lets the session run and,
// from 72 h on, closes the injury. An injury never lapses by itself: it is open until a yes at
// 72 h or more, or `roll injury clear`.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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
  // Cleared ("cleared") or deleted ("deleted") on another device (`lifted_by`, its id) and not
  // yet confirmed on this one with `roll injury clear ID`: until then it guards as an open
  // injury, since nothing another device sends lifts a safety gate by itself. Empty otherwise.
  std::string lifted{};
  std::string lifted_by{};
  // When it was cleared here (its earliest clearing record), for the days it kept a prescribed
  // routine off the roller; nothing while open, or when no clearing record says.
  std::optional<std::chrono::sys_seconds> cleared_at{};
};

inline constexpr std::chrono::hours kInjuryRefuseWindow{48};
// From here on a yes to "has the acute pain subsided?" closes the injury.
inline constexpr std::chrono::hours kInjuryConfirmWindow{72};

// Zones that share load with `zone`: a lower-back injury also guards the glutes and hips.
// Symmetric; full_body neighbours everything.
[[nodiscard]] bool guards(Zone injured, Zone pressed);

// Ordered from least to most strict.
enum class Guard {
  none,          // cleared, or the routine does not press the zone
  ask_to_clear,  // 72 h or more: ask; yes runs and closes the injury, no refuses
  ask,           // 48-72 h: ask; yes runs (gently), no refuses
  refuse,        // under 48 h: no pressure, whatever the answer
};

struct InjuryFinding {
  Guard guard = Guard::none;
  const Injury* injury = nullptr;
  Zone pressed = Zone::full_body;  // the step's zone that meets the injury
  std::string step_name;
  std::chrono::seconds since{};      // time since the injury
  std::chrono::seconds remaining{};  // until the current window ends (0 for ask_to_clear)
};

// One finding per open injury that a pressure step of the routine meets, strictest first.
// The ask window ends at the routine's resume_after_injury_hours when it asks for longer, else 72
// h.
[[nodiscard]] std::vector<InjuryFinding> injury_findings(const Routine& routine,
                                                         const std::vector<Injury>& injuries,
                                                         std::chrono::sys_seconds now);

// The strictest of injury_findings(), or a finding with Guard::none.
[[nodiscard]] InjuryFinding check_injuries(const Routine& routine,
                                           const std::vector<Injury>& injuries,
                                           std::chrono::sys_seconds now);

// What window an injury is in now, for `roll injury list`.
[[nodiscard]] Guard injury_window(const Injury& injury, std::chrono::sys_seconds now);
// Time left in that window (0 once only a yes or `roll injury clear` ends it).
[[nodiscard]] std::chrono::seconds injury_window_remaining(const Injury& injury,
                                                           std::chrono::sys_seconds now);

// What a session does about a finding before asking anything. "Has the acute pain subsided?" is
// a question of fact: `--yes` cannot answer it, so without someone to ask the zone is refused.
enum class GateStep { run, ask, refuse };
[[nodiscard]] GateStep gate_step(Guard guard, bool can_ask);

// After the question: no (or no answer) refuses; yes runs, and closes an ask_to_clear injury.
enum class GateOutcome { refuse, run, run_and_clear };
[[nodiscard]] GateOutcome gate_outcome(Guard guard, std::optional<bool> subsided);

// A pain stop (`!`) holds like a fresh injury: the zone of the step in progress (the whole body
// when the step names none) at the moment of the stop, noted as a pain stop.
inline constexpr std::string_view kPainStopNote = "pain stop";
[[nodiscard]] Injury pain_stop_injury(const Routine& routine, std::size_t step,
                                      std::chrono::sys_seconds at);

// The daily check-in's own injury record: "Any fresh injury in the last 72 h?" answered yes.
inline constexpr std::string_view kCheckInNote = "reported at the start of a session";
[[nodiscard]] Injury check_in_injury(Zone zone, std::chrono::sys_seconds at);

// The open injury to `zone` that a check-in recorded in the last 72 h, if any: the same yes asked
// again (a check-in refused at the limbs question or cut short asks again; the question covers 72
// h, so the next days ask too) is that injury, not a second one.
[[nodiscard]] const Injury* recorded_by_check_in(const std::vector<Injury>& injuries, Zone zone,
                                                 std::chrono::sys_seconds now);

// Hours rounded up, so "1 h remaining" never means "already over".
[[nodiscard]] long long hours_ceil(std::chrono::seconds s);

}  // namespace roll

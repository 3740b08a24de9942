#pragma once
// Bare `roll`: what to do today. Whether a session is due, the streak, what limits
// today (open injuries, pain stops) and one routine that fits the profile's level, the injuries
// and the time of day, with the command that starts it. Pure: the history's facts (read through
// HistoryReader by read_today_facts), the profile, the bundled routines and "now" come in as
// arguments.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "roll/due.hpp"
#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/injury.hpp"
#include "roll/profile.hpp"
#include "roll/progress.hpp"
#include "roll/routine.hpp"
#include "roll/time_zone.hpp"

namespace roll {

// What the history says about today, read by the caller.
struct TodayFacts {
  bool done = false;                       // a session that counts as done on today's roll day
  int completed_today = 0;                 // how many
  std::optional<PainStop> pain_stop;       // today's, when nothing counts as done
  DueReason reason = DueReason::not_done;  // as `roll due` answers: only not_done is due
  Streaks streaks;
  std::vector<Injury> open_injuries;            // pain stops among them (note kPainStopNote)
  std::map<std::string, SysSeconds> last_done;  // routine name -> its latest completed session
  StepUp step_up;
  // Routines whose last two sessions compared each had pain up 2 or more (pain.hpp).
  std::vector<std::string> paused_routines;
};

// roll's own bound: the step-up run is read from the last 90 days of sessions, which hold any
// run of ten over two weeks; an older pain stop no longer resets it.
inline constexpr int kStepUpLookBackDays = 90;

// The last kStepUpLookBackDays of sessions, with their pressure readings.
[[nodiscard]] std::vector<SessionRecord> recent_sessions(HistoryReader& history, SysSeconds now);

[[nodiscard]] StepUp step_up_now(const std::vector<SessionRecord>& recent, const Profile& profile,
                                 const TimeZone& zone, SysSeconds now);

// The facts above, read from the history once (for the today view, bare `roll`).
[[nodiscard]] TodayFacts read_today_facts(HistoryReader& history, const TimeZone& zone,
                                          const Profile& profile, SysSeconds now);

// Before a workout: the two hours before `workout_time` (roll's own reading of "before a
// workout"; the warm-up routine takes ten minutes). In the evening: from 19:00 to the end of
// the roll day (roll's own reading of "bedtime").
inline constexpr int kWarmUpWindowMinutes = 120;
inline constexpr int kEveningFromHour = 19;

// held: a condition in the profile is not cleared (roll/screening.hpp's held_reason), so no
// session is due or suggested whatever the history says.
enum class TodayState { due, done, rest, held };

struct Today {
  TodayState state = TodayState::due;
  Streaks streaks;
  std::vector<std::string> limits;  // one line per open injury or pain stop that limits today
  std::string routine;              // the suggested routine's name; empty when none
  std::string why;                  // why that one
  std::string command;              // the command that starts it
  int completed_today = 0;
  StepUp step_up;
  std::string held;  // when state is held: why, with the command that clears it
  // One line per routine to pause (pain.hpp's pause_routine_words); never suggested.
  std::vector<std::string> paused;
};

struct TodayInput {
  const TodayFacts* facts = nullptr;
  const Profile* profile = nullptr;
  const std::vector<Routine>* routines = nullptr;  // the bundled routines, loaded
  SysSeconds now{};
  LocalSeconds local_now{};
};

[[nodiscard]] Today today(const TodayInput& input);

[[nodiscard]] const char* today_state_name(TodayState state);  // "due", "done", "rest", "held"

}  // namespace roll

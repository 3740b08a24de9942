#pragma once
// Progress rules: when to step up a level, and how many sessions a day is enough.
// Pure: the caller reads the history and passes the sessions in.
#include <optional>
#include <string>
#include <vector>

#include "roll/history.hpp"
#include "roll/routine.hpp"

namespace roll {

// The second article: "Start slow and small... Gradually build time and frequency". How slow is
// not said; these numbers are roll's own reading of "gradually", not an article's: ten completed
// sessions, spread over at least two weeks, with no pain stop and no pressure reading above the
// one the session eases a beginner off from (user_limits.hpp: 5, roll's own reading, with or
// without a cleared condition) since the last one that had either.
inline constexpr int kStepUpSessions = 10;
inline constexpr int kStepUpDays = 14;

// The highest pressure reading that keeps a step-up run clean: the ease-off's ceiling for a
// beginner (pressure_most), since only a beginner is offered a step up.
[[nodiscard]] int step_up_most_pressure();

// What last started the step-up count over.
struct StepUpRestart {
  bool pain_stop = false;  // a pain stop; else a pressure reading above step_up_most_pressure()
  int pressure = 0;        // the highest reading of that session, when it was the pressure
  LocalDays day{};         // the roll day of that session
};

struct StepUp {
  bool suggested = false;
  std::optional<Level> next;  // the level to step up to (intermediate for a beginner)
  int sessions = 0;           // completed sessions in the current clean run
  int days = 0;               // roll days from the run's first session to today, inclusive
  std::string reason;         // one sentence: why (not)
  std::optional<StepUpRestart> restarted;  // the latest restart of the count, if any
  std::string counted;  // "10 completed sessions over 22 days ...": the count, when suggested
  // Set when the step up is the prescribing clinician's to decide: the level they prescribed.
  std::optional<Level> prescribed_level;
};

// roll's own span: for this many days after a prescription's last day (or the day it was ended,
// if earlier), a step up past the level it names is still its clinician's to decide.
inline constexpr int kStepUpAsksClinicianDays = 14;

// The level a clinician's prescription names, and its last day.
struct PrescribedLevel {
  Level level = Level::beginner;
  std::string clinician;  // may be empty
  LocalDays last_day{};   // `until`, or the roll day `roll prescription end` ended it if earlier
};

// Whether going up to `to` on `today` is the prescribing clinician's to decide.
[[nodiscard]] bool asks_clinician(const PrescribedLevel& p, Level to, LocalDays today);

// "a beginner", "an intermediate", "an advanced".
[[nodiscard]] std::string level_words(Level level);

// "Dr. Ana Moreno", or "your clinician" when the prescription names none.
[[nodiscard]] std::string clinician_words(const PrescribedLevel& p);

// A suggested step up past the prescription's level becomes the advice to ask its clinician
// first: a patient on a clinician's plan is not told by roll to go past it.
void defer_to_clinician(StepUp& s, const PrescribedLevel& p, LocalDays today);

// "the count started over after a pressure of 9 on 2026-11-20": for wherever the count is shown.
[[nodiscard]] std::string restart_words(const StepUpRestart& restart);

// `sessions` in any order, with their pressure readings; `today` the roll day of "now".
[[nodiscard]] StepUp step_up(Level level, const std::vector<SessionRecord>& sessions,
                             LocalDays today, int day_start_hour);

// The second article: "10-15 minutes, 1-4 times per day" (the first prefers five minutes every
// night: the two disagree). A session begun when this many have been completed on the same roll
// day is past the second article's most.
inline constexpr int kMostSessionsPerDay = 4;

// The warning before a fifth (or later) session on one roll day, or nothing. `completed_today`
// counts the sessions that count as done (counts_as_done) on today's roll day.
[[nodiscard]] std::optional<std::string> frequency_warning(int completed_today);

// How does your back feel, 0-10 (0: as bad as it gets, 10: it feels fine), before and after a
// session. The one key for each: 0-9, and `t` for ten; anything else is no rating.
inline constexpr int kMaxRating = 10;
[[nodiscard]] std::optional<int> rating_from_key(char key);
// A 0-10 answer from the keys typed: `first`, and `second` when one came within kTenKeysWithin
// (keys.hpp) of a 1. "1" "0" is 10; a 1 with anything else after it (or nothing) is 1.
[[nodiscard]] std::optional<int> scale_from_keys(char first, std::optional<char> second);
// Whether `first` may be the start of "10", so a reader waits a moment for the 0.
[[nodiscard]] constexpr bool may_start_ten(char first) {
  return first == '1';
}
[[nodiscard]] constexpr bool valid_rating(int value) {
  return value >= 0 && value <= kMaxRating;
}

}  // namespace roll

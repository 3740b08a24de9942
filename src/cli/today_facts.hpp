#pragma once
// What the history says about today, for the today view (bare `roll`), `roll level` and the
// fifth-session warning: read here once, judged by the pure rules in roll/today.hpp and
// roll/progress.hpp.
#include <vector>

#include "cli/app.hpp"
#include "platform/history_store.hpp"
#include "roll/profile.hpp"
#include "roll/today.hpp"

namespace roll::cli {

// roll's own bound: the step-up run is read from the last 90 days of sessions, which hold any
// run of ten over two weeks; an older pain stop no longer resets it.
inline constexpr int kStepUpLookBackDays = 90;

// Sessions that count as done on the roll day holding `now`.
[[nodiscard]] int completed_on_roll_day(platform::HistoryStore& store, SysSeconds now,
                                        int day_start_hour);

// The last kStepUpLookBackDays of sessions, with their pressure readings.
[[nodiscard]] std::vector<SessionRecord> recent_sessions(platform::HistoryStore& store,
                                                         SysSeconds now);

[[nodiscard]] StepUp step_up_now(const std::vector<SessionRecord>& recent, const Profile& profile,
                                 SysSeconds now);

[[nodiscard]] TodayFacts read_today_facts(platform::HistoryStore& store, const Profile& profile,
                                          SysSeconds now);

}  // namespace roll::cli

#pragma once
// What the history commands share: the store, the profile, "now" and injury rest days, each
// turned into the CLI's error conventions (exit 2 with a message that says what to do).
#include <memory>
#include <set>

#include "cli/app.hpp"
#include "platform/history_store.hpp"
#include "roll/history.hpp"
#include "roll/injury.hpp"
#include "roll/profile.hpp"

namespace roll::cli {

[[nodiscard]] std::unique_ptr<platform::HistoryStore> open_history(Context& ctx);

// The profile, or the default one when there is no config.toml. Errors are printed with their
// file:line:col and end the command with exit 2.
[[nodiscard]] Profile load_profile_or_fail(Context& ctx);

// ROLL_NOW or the real time, as read at start-up; a bad ROLL_NOW is a usage error.
[[nodiscard]] SysSeconds now_or_fail(const Context& ctx);

// Prints the store's one-line notes about rows it left out (values roll did not write).
void report_problems(Context& ctx, platform::HistoryStore& store);

// Roll days inside an injury's 72 h, which do not break a streak.
[[nodiscard]] std::set<LocalDays> injury_rest_days(const std::vector<Injury>& injuries,
                                                   int day_start_hour);

// What `roll due` decides: a session that counts as done today, or else today's pain stop.
// Each session's day is read through the UTC offset it started at, exactly as gather_stats()
// reads it, so the two agree on every day_start across daylight-saving changes.
struct DueToday {
  bool done = false;
  std::optional<PainStop> pain_stop;
};
[[nodiscard]] DueToday due_today(platform::HistoryStore& store, SysSeconds now, int day_start_hour);

// Everything `roll stats` shows, over `weeks` weeks ending with the one holding `now`.
[[nodiscard]] Stats gather_stats(platform::HistoryStore& store, SysSeconds now, int day_start_hour,
                                 int weeks);

// The local date `YYYY-MM-DD` or date-time as a UTC instant; exit 2 with an example otherwise.
[[nodiscard]] SysSeconds parse_user_time(const std::string& text, const char* option);

}  // namespace roll::cli

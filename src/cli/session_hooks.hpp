#pragma once
// The seams between `roll session` and the history/profile features. The session command calls
// these; src/cli/session_hooks.cpp gives them their real behaviour.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "platform/history_store.hpp"
#include "roll/check_in.hpp"
#include "roll/profile.hpp"
#include "roll/routine.hpp"
#include "roll/session_log.hpp"

namespace roll::cli {

// The log a session writes to: SQLite under $XDG_DATA_HOME/roll, or a null log for --no-log.
[[nodiscard]] std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log);

// What the pre-flight said that must be read before the first second (lint warnings, the
// profile's cautions, what the injury log and the check-in recorded or cleared), in order.
// `unread` is cleared when the person answered a question after the last of them.
struct Notices {
  std::vector<std::string> lines;
  bool unread = false;
  void add(std::string line) {
    lines.push_back(std::move(line));
    unread = true;
  }
};

// Before the full screen covers the notices: "press Enter to start" on `prompter`. Enter starts;
// q (or the input ending) does not start (Failure{exit_refused}). Not a confirmation, so --yes
// does not answer it: the notices are there to be read.
void wait_for_reading(Prompter& prompter);

// Checks the profile (contraindications, level, roller) and the injury log against the routine
// before the first second. Throws Failure{exit_refused, ...} to refuse. `interactive` says whether
// a question may be asked on the terminal. Questions of fact (the daily check-in, "has the acute
// pain subsided?") are only ever answered by the person: with `assume_yes` (which answers
// confirmations) or without a terminal the check-in waits for the next session and a zone that
// needs the question is refused.
void preflight(Context& ctx, const Routine& routine, bool assume_yes, bool interactive,
               Notices& notices);
// The same where nobody reads the notices afterwards (`roll injury check`: they are printed).
inline void preflight(Context& ctx, const Routine& routine, bool assume_yes, bool interactive) {
  Notices printed;
  preflight(ctx, routine, assume_yes, interactive, printed);
}

// The daily check-in (once per roll day) over `prompter`: records a fresh injury once, and throws
// Failure{exit_refused, ...} when it got no answer or heard of numbness, weakness or shooting pain
// in the limbs. preflight() calls it on a terminal; the tests with scripted answers.
void daily_check_in(Context& ctx, platform::HistoryStore& store, SysSeconds now,
                    const Profile& profile, Prompter& prompter, Notices& notices);

// After a pain stop (`!`) during `step`: records it as an injury to that step's zone, so the zone
// is refused like a fresh injury. Returns the lines for the summary (what was recorded and how to
// clear it).
[[nodiscard]] std::vector<std::string> hold_pain_stop(Context& ctx, const Routine& routine,
                                                      std::size_t step);

}  // namespace roll::cli

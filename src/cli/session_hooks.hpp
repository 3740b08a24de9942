#pragma once
// The seams between `roll session` and the history/profile features. The session command calls
// these; src/cli/session_hooks.cpp gives them their real behaviour.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "roll/routine.hpp"
#include "roll/session_log.hpp"

namespace roll::cli {

// The log a session writes to: SQLite under $XDG_DATA_HOME/roll, or a null log for --no-log.
[[nodiscard]] std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log);

// Checks the profile (contraindications, level, roller) and the injury log against the routine
// before the first second. Throws Failure{exit_refused, ...} to refuse. `interactive` says whether
// a question may be asked on the terminal. Questions of fact (the daily check-in, "has the acute
// pain subsided?") are only ever answered by the person: with `assume_yes` (which answers
// confirmations) or without a terminal the check-in waits for the next session and a zone that
// needs the question is refused.
void preflight(Context& ctx, const Routine& routine, bool assume_yes, bool interactive);

// After a pain stop (`!`) during `step`: records it as an injury to that step's zone, so the zone
// is refused like a fresh injury. Returns the lines for the summary (what was recorded and how to
// clear it).
[[nodiscard]] std::vector<std::string> hold_pain_stop(Context& ctx, const Routine& routine,
                                                      std::size_t step);

}  // namespace roll::cli

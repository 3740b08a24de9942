#pragma once
// The seams between `roll session` and the history/profile features. The session command calls
// these; the history work (src/cli/session_hooks.cpp) gives them their real behaviour.
#include <memory>

#include "cli/app.hpp"
#include "roll/routine.hpp"
#include "roll/session_log.hpp"

namespace roll::cli {

// The log a session writes to: SQLite under $XDG_DATA_HOME/roll, or a null log for --no-log.
[[nodiscard]] std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log);

// Checks the profile (contraindications) and the injury log against the routine before the first
// second. Throws Failure{exit_refused, ...} to refuse. `assume_yes` answers confirmations;
// `interactive` says whether a question may be asked on the terminal.
void preflight(Context& ctx, const Routine& routine, bool assume_yes, bool interactive);

}  // namespace roll::cli

#pragma once
// The session's pre-flight gate: the checks that run before the first second (the profile's
// contraindications, level and roller, the daily check-in, the injury log's 48-72 h rule) and the
// "press Enter to start" that follows what they said. `roll session` and `roll injury check`
// call it.
#include "cli/context.hpp"
#include "cli/session/notices.hpp"
#include "cli/user_data.hpp"
#include "roll/check_in.hpp"
#include "roll/routine.hpp"

namespace roll::cli {

// Before the full screen covers the notices: "press Enter to start" on `prompter`. Enter starts;
// q (or the input ending) does not start (Failure{exit_refused}). Not a confirmation, so --yes
// does not answer it: the notices are there to be read.
void wait_for_reading(Prompter& prompter);

// Checks the profile (contraindications, level, roller) and the injury log against the routine
// before the first second. Throws Failure{exit_refused, ...} to refuse. `interactive` says whether
// a question may be asked on the terminal. Questions of fact (the daily check-in, "has the acute
// pain subsided?") are only ever answered by the person: on a terminal they are asked, --yes or
// not (`assume_yes` answers only the confirmation); without one the check-in waits for the next
// session and a zone that needs the question is refused. `level_offered`: the beginner routine
// was just offered and declined, so the level's warning asks nothing more.
void preflight(Context& ctx, UserData& user, const Routine& routine, bool assume_yes,
               bool interactive, Notices& notices, bool level_offered = false);
// The same where nobody reads the notices afterwards (`roll injury check`: they are printed).
inline void preflight(Context& ctx, UserData& user, const Routine& routine, bool assume_yes,
                      bool interactive) {
  Notices printed;
  preflight(ctx, user, routine, assume_yes, interactive, printed);
}

}  // namespace roll::cli

#pragma once
// A guided session from a routine, start to end: the routine checked, the pre-flight, the fifth
// session's warning, the ratings, the session on the screen its options choose, the pain stop
// held, the summary and the streak, the offer of three minutes of movement. `roll session` and
// `roll suggest --start` run it.
#include "cli/context.hpp"
#include "cli/session/session_options.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

// Returns the exit code: exit_ok, or exit_interrupted when the session was; refusals and errors
// are thrown (Failure).
int run_guided_session(Context& ctx, UserData& user, const SessionOptions& options);

}  // namespace roll::cli

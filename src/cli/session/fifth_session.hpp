#pragma once
// The warning before a fifth session on one roll day (the limit is roll/progress.hpp's).
#include "cli/context.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

// Before the first second: the warning when the day already holds kMostSessionsPerDay completed
// sessions, on stderr. On a terminal without `assume_yes` it asks "Start anyway?" and throws
// Failure{exit_refused} on a no; with `assume_yes` or without a terminal it goes on.
void warn_fifth_session(Context& ctx, UserData& user, bool assume_yes, bool interactive);

}  // namespace roll::cli

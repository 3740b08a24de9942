#pragma once
// The screening before a real session: the second article's six contraindications
// (roll/screening.hpp), asked on a terminal when the profile does not answer them, or answered
// more than six months ago, or a prescription was added since; the answers kept in config.toml.
#include "cli/context.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

// Asks the six questions when the profile needs them and writes the answers into [conditions]
// with today's date. Questions of fact: `--yes` never answers them. Without a terminal
// (`interactive` false) a needed screening refuses the session (Failure{exit_refused}) with the
// command that answers them for a script. A yes is kept as the condition; the pre-flight then
// refuses the session with the article's reason.
void screen_conditions(Context& ctx, UserData& user, bool interactive);

// For the command that adds a prescription: the next session asks the six questions again, since
// a condition may have come with it. `why` completes "The six questions again: ..." (e.g. "a
// prescription was added on 2026-11-23").
void ask_screening_again(Context& ctx, UserData& user, std::string_view why);

}  // namespace roll::cli

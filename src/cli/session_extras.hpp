#pragma once
// What issue 18 adds around a session: the warning before a fifth session on one day and the
// "how does your back feel?" ratings before and after.
#include <optional>
#include <string_view>

#include "cli/app.hpp"

namespace roll::cli {

// Before the first second: the warning when the day already holds kMostSessionsPerDay completed
// sessions, on stderr. On a terminal without `assume_yes` it asks "Start anyway?" and throws
// Failure{exit_refused} on a no; with `assume_yes` or without a terminal it goes on.
void warn_fifth_session(Context& ctx, bool assume_yes, bool interactive);

// The one-key rating on a terminal: 0-9 or t (10); Enter (or any other key) skips. Ctrl-C
// throws Failure{exit_interrupted}.
[[nodiscard]] std::optional<int> ask_rating(Context& ctx, std::string_view when);

}  // namespace roll::cli

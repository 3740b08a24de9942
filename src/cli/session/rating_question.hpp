#pragma once
// "How does your back feel?" before and after a session: one key on the terminal (the keys are
// roll/progress.hpp's rating_from_key).
#include <optional>
#include <string_view>

#include "cli/context.hpp"

namespace roll::cli {

// The one-key rating on a terminal: 0-9 or t (10); Enter (or any other key) skips. Ctrl-C
// throws Failure{exit_interrupted}.
[[nodiscard]] std::optional<int> ask_rating(Context& ctx, std::string_view when);

}  // namespace roll::cli

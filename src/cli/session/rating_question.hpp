#pragma once
// "How does your back feel?" before and after a session: one answer on the 0-10 scale, read by
// terminal_prompter.hpp's read_scale_answer (a digit at once; 10 as 1 then 0).
#include <optional>
#include <string_view>

#include "cli/context.hpp"

namespace roll::cli {

// The rating: 0-9 at once, 10 as 1 then 0 (or t); Enter (or any other key) skips. Ctrl-C throws
// Failure{exit_interrupted}.
[[nodiscard]] std::optional<int> ask_rating(Context& ctx, std::string_view when);

}  // namespace roll::cli

#pragma once
// Pain before and after a session, on the 0-10 numeric rating scale (0 no pain, 10 the worst
// imaginable): one answer, read by terminal_prompter.hpp's read_scale_answer (a digit at once; 10
// as 1 then 0).
#include <optional>
#include <string_view>

#include "cli/context.hpp"

namespace roll::cli {

// The pain: 0-9 at once, 10 as 1 then 0 (or t); Enter (or any other key) skips. Ctrl-C throws
// Failure{exit_interrupted}.
[[nodiscard]] std::optional<int> ask_pain(Context& ctx, std::string_view when);

}  // namespace roll::cli

#pragma once
// roll suggest's composer, for this user (its options, declare and run are in cli/commands.hpp).
#include <optional>
#include <string>

#include "cli/app.hpp"
#include "roll/compose.hpp"

namespace roll::cli {

// The composer fed with this user's profile (level, roller) and open injuries and pain stops:
// what `roll suggest` and the today view (bare `roll`) both suggest from.
[[nodiscard]] ComposeResult compose_for(Context& ctx, Zone tight, std::optional<int> minutes,
                                        const std::string& name);

}  // namespace roll::cli

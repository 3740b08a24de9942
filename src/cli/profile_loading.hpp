#pragma once
// The profile (config.toml) for a command, with the CLI's error conventions.
#include "cli/app.hpp"
#include "roll/profile.hpp"

namespace roll::cli {

// The profile, or the default one when there is no config.toml. Errors are printed with their
// file:line:col and end the command with exit 2.
[[nodiscard]] Profile load_profile_or_fail(Context& ctx);

}  // namespace roll::cli

#pragma once
#include <filesystem>

#include "platform/environment.hpp"
#include "roll/profile.hpp"

namespace roll::platform {

// <config>/roll/config.toml
[[nodiscard]] std::filesystem::path profile_path(const Environment& env);

// A missing file is the default profile with no diagnostics; an unreadable one is a diagnostic.
[[nodiscard]] ProfileResult read_profile(const Environment& env);

}  // namespace roll::platform

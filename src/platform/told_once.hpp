#pragma once
// Notices roll gives a person once, not at every session (a beginner's ball or peanut), remembered
// in $XDG_STATE_HOME/roll/told, one key a line. Losing the file costs only a notice said again.
#include <string_view>

#include "platform/environment.hpp"

namespace roll::platform {

[[nodiscard]] bool told_before(const Environment& env, std::string_view key);
// Best effort: a file that cannot be written means the notice comes again next time.
void remember_told(const Environment& env, std::string_view key);

}  // namespace roll::platform

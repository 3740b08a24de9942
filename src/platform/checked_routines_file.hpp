#pragma once
// The checked routines (roll/checked_routines.hpp) kept in <cache>/roll/checked-routines for the
// running build. Reading and writing never fail a command: a cache that is missing, foreign,
// unreadable or unwritable only means the routines are parsed again.
#include <filesystem>

#include "platform/environment.hpp"
#include "roll/checked_routines.hpp"

namespace roll::platform {

[[nodiscard]] std::filesystem::path checked_routines_path(const Environment& env);

// The running build's entries; none when the file is absent, was written by another build or
// by another user, or does not decode.
[[nodiscard]] CheckedRoutines read_checked_routines(const Environment& env);

// Writes `cache` back when it changed; a failure is ignored (the next run parses again).
void save_checked_routines(const Environment& env, const CheckedRoutines& cache);

}  // namespace roll::platform

#pragma once
// Which build of roll is running: the GNU build id the linker wrote into the binary, a hash of its
// contents, so two builds share it only when they are the same code.
#include <string>

namespace roll::platform {

// The running program's build id as raw bytes; empty when it was linked without one, and then
// nothing keyed by the build is kept.
[[nodiscard]] const std::string& build_id();

}  // namespace roll::platform

#pragma once
// Runs the built `roll` binary as a user would, as a child process with its own XDG_* directories
// under a temporary directory, and captures what it printed and how it exited. For the
// end-to-end tests that need a real process; tests/cli runs the same calls in process
// (run_in_process.hpp).
#include "run_common.hpp"

namespace roll::test {

// run_roll here is the binary under test (ROLL_BINARY), execve'd with isolated_variables().

// Like run_roll, but stdout and stderr are one pseudo-terminal (so `out` holds both, with the
// terminal's "\r\n" line ends) and stdin is empty: what a person at a terminal would see.
[[nodiscard]] Result run_roll_on_terminal(const TempDir& home, const Run& run);

}  // namespace roll::test

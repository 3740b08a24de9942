#pragma once
// Runs roll's whole command line inside the test (cli::run), with the Context main would build
// from a run's variables instead of the process's, memory streams for stdin, stdout and stderr
// (none a terminal) and the bundled routines of the build tree: the tests/cli suite, which needs
// no child process. Same interface as run_roll.hpp, without the pseudo-terminal.
#include "run_common.hpp"

namespace roll::cli {
class UserDataSource;
}

namespace roll::test {

// What only a run in process can change.
struct InProcess {
  // Where the profile and the history come from: a test's source (one that counts the openings),
  // or the files when null.
  cli::UserDataSource* user_data = nullptr;
  // stdin and stdout count as terminals, so the questions a terminal is asked (the daily
  // check-in, "has the acute pain subsided?") read their answers from Run::input; the streams
  // stay memory. A session then needs --plain or --events (the full screen would take descriptor
  // 0 for a terminal), and reads its keys from descriptor 0 only with --ready key.
  bool terminal = false;
};

[[nodiscard]] Result run_roll(const TempDir& home, const Run& run, const InProcess& how);

}  // namespace roll::test

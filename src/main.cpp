// The one place that reads the process: its environment, its clock and its streams, once, into
// the Context every command is given. Everything below cli::run can then run inside a test.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/broken_pipe.hpp"
#include "platform/environment.hpp"
#include "platform/wall_clock.hpp"

int main(int argc, char** argv) {
  roll::cli::ignore_sigpipe();
  // Under a file-size limit (ulimit -f) a write past it would kill roll with SIGXFSZ: no message,
  // the terminal left raw on the alternate screen, the session row left running. Ignored, the
  // write fails with EFBIG instead, which roll reports as the disk error it is.
  std::signal(SIGXFSZ, SIG_IGN);
  roll::cli::Context ctx;
  ctx.env = roll::platform::Environment::from_process();
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  // Without a home directory roll does not know where its files are, and never guesses at a
  // shared one (another user could plant a profile there); only the help and the version need
  // none.
  if (auto missing = ctx.env.missing_home(); !missing.empty()) {
    bool needs_none = std::any_of(args.begin(), args.end(), [](const std::string& a) {
      return a == "--help" || a == "-h" || a == "--version";
    });
    if (!needs_none) {
      std::fprintf(stderr, "roll: %s\n", missing.c_str());
      return 2;
    }
  }
  ctx.in = stdin;
  try {
    ctx.now = roll::platform::wall_now();
  } catch (const roll::platform::TimeError& e) {
    ctx.now_error = e.what();  // only the commands that need "now" fail on it
  }
  return roll::cli::run(args, ctx);
}

// The one place that reads the process: its environment, its clock and its streams, once, into
// the Context every command is given. Everything below cli::run can then run inside a test.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/broken_pipe.hpp"
#include "platform/environment.hpp"
#include "platform/sanitizer.hpp"
#include "platform/wall_clock.hpp"

int main(int argc, char** argv) {
  roll::cli::ignore_sigpipe();
  roll::cli::Context ctx;
  ctx.env = roll::platform::Environment::from_process();
  ctx.in = stdin;
  try {
    ctx.now = roll::platform::wall_now();
  } catch (const roll::platform::TimeError& e) {
    ctx.now_error = e.what();  // only the commands that need "now" fail on it
  }
  int code = roll::cli::run(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc), ctx);
  if (roll::platform::kAddressSanitizer) return code;  // its leak check runs at exit
  // What is left at this point owns memory only: CLI11's validators, the iostream objects, the
  // time zone, error categories (every command has closed its files, the history included, and
  // restored the terminal). Their destructors touched pages of code and data that nothing else
  // needs (`roll due` 0.94x timew with them, 0.89x without, side by side; issue #13), so the
  // process ends without them, as compilers do; the kernel takes the memory back. run() has
  // flushed stdout and checked it.
  std::fflush(nullptr);
  ::_exit(code);
}

// The one place that reads the process: its environment, its clock and its streams, once, into
// the Context every command is given. Everything below cli::run can then run inside a test.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/broken_pipe.hpp"
#include "platform/environment.hpp"
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
  return roll::cli::run(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc), ctx);
}

#pragma once
// The command-line front end: builds the CLI11 app from one file per command and maps every
// outcome to the exit codes documented in the README and the man page.
#include <chrono>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/environment.hpp"

namespace roll::cli {

// The same everywhere.
enum Exit : int {
  exit_ok = 0,
  exit_findings = 1,  // lint errors, "not due"
  exit_usage = 2,     // usage or input error
  exit_refused = 3,   // refused for safety
  exit_interrupted = 130,
};

// Thrown by a command for an error the user must fix; printed as "roll: <message>".
struct Failure : std::runtime_error {
  Failure(int exit_code, const std::string& message)
      : std::runtime_error(message), code(exit_code) {}
  int code;
};

// What every command may use. Commands take what they need from here and nothing global.
struct Context {
  platform::Environment env;
  std::FILE* in = nullptr;  // the answers to questions; main gives it the process's input
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool color = false;  // colour on stdout
  int exit_code = exit_ok;
  // "Now", read once at start-up (ROLL_NOW or the system clock) for every command and the
  // session's stored start; empty with `now_error` set when ROLL_NOW does not parse.
  std::optional<std::chrono::sys_seconds> now;
  std::string now_error;
};

// Runs one command line (`args` without the program's name) against `ctx` and returns the exit
// code. Everything a command reads from outside (time, environment, streams) comes from `ctx`,
// so tests run commands in process with in-memory streams and a fixed "now".
int run(const std::vector<std::string>& args, Context& ctx);

}  // namespace roll::cli

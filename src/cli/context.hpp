#pragma once
// What every command and helper of the command line is given: the process as main read it once
// (the Context), the exit codes, and the error a command throws for the user to fix. The
// dispatcher (app.hpp) is above them all and nothing here knows it.
#include <chrono>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

#include "platform/environment.hpp"

namespace roll::cli {

// The same everywhere.
enum Exit : int {
  exit_ok = 0,
  exit_findings = 1,   // lint errors, "not due"
  exit_usage = 2,      // usage or input error
  exit_refused = 3,    // refused for safety
  exit_pain_stop = 4,  // stopped for safety during a session (the pain stop, `!`)
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

}  // namespace roll::cli

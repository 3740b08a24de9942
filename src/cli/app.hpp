#pragma once
// The command-line front end: builds the CLI11 app from one file per command, hands each command
// what it touches (the profile and the history, opened once and only when asked) and maps every
// outcome to the exit codes documented in the README and the man page. Nothing in src/cli
// includes this but app.cpp: what the commands and helpers share is context.hpp.
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace roll::cli {

class UserDataSource;

// Runs one command line (`args` without the program's name) against `ctx` and returns the exit
// code. Everything a command reads from outside (time, environment, streams) comes from `ctx`,
// so tests run commands in process with in-memory streams and a fixed "now".
int run(const std::vector<std::string>& args, Context& ctx);

// The same, with the profile and the history read through `source` (a test's, which counts the
// openings) instead of the files.
int run(const std::vector<std::string>& args, Context& ctx, UserDataSource& source);

}  // namespace roll::cli

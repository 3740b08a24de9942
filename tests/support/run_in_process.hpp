#pragma once
// Runs roll's whole command line inside the test (cli::run), with the Context main would build
// from a run's variables instead of the process's, memory streams for stdin, stdout and stderr
// (none a terminal) and the bundled routines of the build tree: the tests/cli suite, which needs
// no child process. Same interface as run_roll.hpp, without the pseudo-terminal.
#include "run_common.hpp"

#pragma once
// A closed pipe (`roll history | head`) is a normal way for output to end: no SIGPIPE death,
// and writes that fail with EPIPE end the command quietly with exit 0.
#include <cstdio>
#include <exception>

namespace roll::cli {

void ignore_sigpipe();
[[nodiscard]] bool is_broken_pipe(const std::exception& e);
// After the last write: true when stdout was closed under us (so the exit code stays 0).
[[nodiscard]] bool flush_hit_broken_pipe(std::FILE* out);

}  // namespace roll::cli

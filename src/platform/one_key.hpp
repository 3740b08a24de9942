#pragma once
// One key from the terminal, for a question answered by a single key press ("how does your back
// feel, 0-10?"): the keyboard raw for that one read, Ctrl-C and the other signals caught, and
// the terminal as it was afterwards on every way out.
#include <cstdio>

namespace roll::platform {

struct OneKey {
  enum class What { key, signal, closed } what = What::closed;
  char key = 0;
};

// Blocks until a key, a signal (SIGINT, SIGTERM, SIGHUP) or the end of the input on stdin, which
// must be a terminal.
[[nodiscard]] OneKey read_one_key(std::FILE* out);

}  // namespace roll::platform

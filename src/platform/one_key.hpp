#pragma once
// One key from the terminal, for a question answered by a single key press ("how does your back
// feel, 0-10?"): the keyboard raw for that one read, Ctrl-C and the other signals caught, and
// the terminal as it was afterwards on every way out.
#include <chrono>
#include <cstdio>
#include <optional>

namespace roll::platform {

struct OneKey {
  enum class What { key, signal, closed, timeout } what = What::closed;
  char key = 0;
};

// Blocks until a key, a signal (SIGINT, SIGTERM, SIGHUP), the end of the input on `fd` (a
// terminal), or `within` has passed when given. After an ESC, the bytes already waiting (the rest
// of an arrow key's escape sequence) are dropped: one press, one answer.
[[nodiscard]] OneKey read_one_key(std::FILE* out, int fd = 0,
                                  std::optional<std::chrono::milliseconds> within = std::nullopt);

}  // namespace roll::platform

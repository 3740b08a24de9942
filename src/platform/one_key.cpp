#include "platform/one_key.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "platform/terminal.hpp"

namespace roll::platform {

namespace {

// An escape sequence (an arrow, a function key) arrives in one write: what is already there after
// its ESC belongs to it, not to the next question.
void drop_waiting_bytes(int fd) {
  for (int i = 0; i < 64; ++i) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0 || (p.revents & POLLIN) == 0) return;
    char c = 0;
    if (::read(fd, &c, 1) != 1) return;
  }
}

}  // namespace

OneKey read_one_key(std::FILE* out, int fd, std::optional<std::chrono::milliseconds> within) {
  std::fflush(out);
  SignalPipe signals(false);
  RawTerminal raw(fd, out, false);
  for (;;) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
    int timeout = within ? static_cast<int>(within->count()) : -1;
    int ready = ::poll(fds, 2, timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return {};
    }
    if (ready == 0) return {OneKey::What::timeout, 0};
    if (fds[1].revents != 0 && signals.take()) return {OneKey::What::signal, 0};
    if (fds[0].revents != 0) {
      char c = 0;
      ssize_t n = ::read(fd, &c, 1);
      if (n == 1 && c == '\x1b') drop_waiting_bytes(fd);
      if (n == 1) return {OneKey::What::key, c};
      if (n < 0 && errno == EINTR) continue;
      return {};
    }
  }
}

}  // namespace roll::platform

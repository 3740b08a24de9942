#include "platform/one_key.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "platform/terminal.hpp"

namespace roll::platform {

OneKey read_one_key(std::FILE* out) {
  std::fflush(out);
  SignalPipe signals(false);
  RawTerminal raw(0, out, false);
  for (;;) {
    pollfd fds[2] = {{0, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return {};
    }
    if (fds[1].revents != 0 && signals.take()) return {OneKey::What::signal, 0};
    if (fds[0].revents != 0) {
      char c = 0;
      ssize_t n = ::read(0, &c, 1);
      if (n == 1) return {OneKey::What::key, c};
      if (n < 0 && errno == EINTR) continue;
      return {};
    }
  }
}

}  // namespace roll::platform

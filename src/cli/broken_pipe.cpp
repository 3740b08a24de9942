#include "cli/broken_pipe.hpp"

#include <cerrno>
#include <csignal>
#include <system_error>

namespace roll::cli {

void ignore_sigpipe() {
  std::signal(SIGPIPE, SIG_IGN);
}

bool is_broken_pipe(const std::exception& e) {
  if (const auto* system = dynamic_cast<const std::system_error*>(&e)) {
    return system->code() == std::errc::broken_pipe;
  }
  return false;
}

bool flush_hit_broken_pipe(std::FILE* out) {
  errno = 0;
  return std::fflush(out) != 0 && errno == EPIPE;
}

}  // namespace roll::cli

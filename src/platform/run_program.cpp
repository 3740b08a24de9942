#include "platform/run_program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace roll::platform {

namespace {

constexpr std::size_t kMaxCaptured = 1024 * 1024;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

ProgramResult run_program(const std::string& path, const std::vector<std::string>& args,
                          std::string_view input) {
  ProgramResult result;
  std::array<int, 2> in{-1, -1}, out{-1, -1}, err{-1, -1};
  if (::pipe2(in.data(), O_CLOEXEC) != 0 || ::pipe2(out.data(), O_CLOEXEC) != 0 ||
      ::pipe2(err.data(), O_CLOEXEC) != 0) {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
    return result;
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(path.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execv(path.c_str(), argv.data());
    ::_exit(127);
  }
  close_fd(in[0]);
  close_fd(out[1]);
  close_fd(err[1]);
  if (pid < 0) {
    for (int* fd : {&in[1], &out[0], &err[0]}) close_fd(*fd);
    return result;
  }
  // Written and read together, so that neither side waits on a full pipe.
  std::size_t written = 0;
  if (input.empty()) close_fd(in[1]);
  while (in[1] >= 0 || out[0] >= 0 || err[0] >= 0) {
    std::array<pollfd, 3> fds{{{in[1], POLLOUT, 0}, {out[0], POLLIN, 0}, {err[0], POLLIN, 0}}};
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in[1] >= 0 && fds[0].revents != 0) {
      ssize_t n = ::write(in[1], input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      // EPIPE: the program stopped reading; what it said about it is in its output.
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) close_fd(in[1]);
    }
    for (int i : {1, 2}) {
      int& fd = i == 1 ? out[0] : err[0];
      if (fd < 0 || fds[static_cast<std::size_t>(i)].revents == 0) continue;
      char buffer[4096];
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close_fd(fd);
        continue;
      }
      std::string& to = i == 1 ? result.out : result.err;
      if (to.size() < kMaxCaptured) to.append(buffer, static_cast<std::size_t>(n));
    }
  }
  for (int* fd : {&in[1], &out[0], &err[0]}) close_fd(*fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return result;
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace roll::platform

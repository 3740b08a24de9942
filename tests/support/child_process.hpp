#pragma once
// The built `roll` as a child process the test keeps hold of: its stdout read line by line as it
// runs (to kill it at a chosen point), a deadline instead of a blind wait (a hang fails the test
// instead of the suite), and a hook that runs in the child before exec (resource limits,
// dropped privileges). run_roll.hpp covers the ordinary run-and-wait case. Header-only: a few
// e2e files use it beside run_roll.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "run_common.hpp"

#ifndef ROLL_BINARY
#define ROLL_BINARY "roll"
#endif

namespace roll::test {

// The environment run_roll gives the binary (isolated_variables), as execve takes it.
inline std::vector<std::string> isolated_environment(
    const std::filesystem::path& home, const std::map<std::string, std::string>& extra = {}) {
  std::vector<std::string> out;
  for (const auto& [k, v] : isolated_variables(home, extra)) out.push_back(k + "=" + v);
  return out;
}

struct ChildOptions {
  std::vector<std::string> args;      // after the binary
  std::vector<std::string> env;       // complete, as from isolated_environment()
  std::filesystem::path stdout_file;  // empty: a pipe read with read_line()
  std::filesystem::path stderr_file;  // empty: /dev/null
  std::function<void()> in_child;     // runs after fork, before exec; must not allocate much
  std::string binary = ROLL_BINARY;
};

class Child {
 public:
  explicit Child(const ChildOptions& o) {
    std::vector<std::string> argv_s{o.binary};
    argv_s.insert(argv_s.end(), o.args.begin(), o.args.end());
    std::vector<char*> argv;
    for (auto& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s = o.env;
    std::vector<char*> envp;
    for (auto& s : env_s) envp.push_back(s.data());
    envp.push_back(nullptr);

    int fds[2] = {-1, -1};
    if (o.stdout_file.empty() && ::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      int in = ::open("/dev/null", O_RDONLY);
      int out = o.stdout_file.empty()
                    ? fds[1]
                    : ::open(o.stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = o.stderr_file.empty()
                    ? ::open("/dev/null", O_WRONLY)
                    : ::open(o.stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (in < 0 || out < 0 || err < 0) ::_exit(126);
      ::dup2(in, 0);
      ::dup2(out, 1);
      ::dup2(err, 2);
      if (o.in_child) o.in_child();
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    if (fds[1] >= 0) ::close(fds[1]);
    out_fd_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
    if (out_fd_ >= 0) ::close(out_fd_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }

  // The next line of stdout (without its newline); nothing at end of output or after `timeout`.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (auto nl = buffer_.find('\n'); nl != std::string::npos) {
        std::string line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return line;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || out_fd_ < 0) return std::nullopt;
      pollfd p{out_fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::read(out_fd_, chunk, sizeof chunk);
      if (n <= 0) {
        ::close(out_fd_);
        out_fd_ = -1;
        return std::nullopt;
      }
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  void kill(int sig) const { ::kill(pid_, sig); }

  // Stops reading: the child's next write to stdout fails with EPIPE, as under `| head -1`.
  void close_stdout() {
    if (out_fd_ >= 0) ::close(out_fd_);
    out_fd_ = -1;
  }

  // The wait status once the child has ended; nothing if it is still running at the deadline
  // (then it is killed, so a hang fails the test instead of stalling the suite).
  std::optional<int> wait(std::chrono::milliseconds timeout) {
    if (status_) return status_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int st = 0;
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        status_ = st;
        return status_;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &st, 0);
        status_ = st;
        return std::nullopt;
      }
      // Drain a pipe nobody reads, so a chatty child cannot block on a full pipe.
      if (out_fd_ >= 0) {
        pollfd p{out_fd_, POLLIN, 0};
        if (::poll(&p, 1, 5) > 0) {
          char chunk[4096];
          ssize_t n = ::read(out_fd_, chunk, sizeof chunk);
          if (n > 0) buffer_.append(chunk, static_cast<std::size_t>(n));
        }
      } else {
        // Polling with a short timeout on nothing: the deadline is what matters, not the step.
        ::poll(nullptr, 0, 5);
      }
    }
  }

  // Everything read from the stdout pipe and not yet taken by read_line().
  [[nodiscard]] const std::string& unread() const { return buffer_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
  std::optional<int> status_;
};

// "exit 1", "signal 11 (Segmentation fault)": for failure messages.
inline std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    return "signal " + std::to_string(WTERMSIG(status)) + " (" + ::strsignal(WTERMSIG(status)) +
           ")";
  }
  return "status " + std::to_string(status);
}

}  // namespace roll::test

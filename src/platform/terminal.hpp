#pragma once
// The real clock, the terminal and the signals of a session: raw keyboard without echo (Ctrl-C
// still a signal), the alternate screen with a hidden cursor, and a poll() loop over the keyboard
// and a signal self-pipe that sleeps until the next deadline. Everything is undone by the
// destructors, so every way out (normal end, q, Ctrl-C, SIGTERM, SIGHUP, an exception) leaves the
// terminal as it was found.
#include <termios.h>

#include <cstdio>
#include <optional>
#include <string>

#include "roll/clock.hpp"
#include "roll/keys.hpp"
#include "roll/runner.hpp"

namespace roll::platform {

class SteadyClock final : public Clock {
 public:
  [[nodiscard]] std::chrono::milliseconds now() const override;
};

// Signals arrive as bytes on a pipe so that the poll() loop sees them with the keyboard. Ctrl-C,
// SIGTERM and SIGHUP always; Ctrl-Z, SIGCONT and SIGWINCH with `job_control` (the full screen).
class SignalPipe {
 public:
  explicit SignalPipe(bool job_control);
  ~SignalPipe();
  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  [[nodiscard]] int fd() const { return read_fd_; }
  [[nodiscard]] std::optional<int> take();  // the next signal received, if any
  // Stops the process as Ctrl-Z would have, and returns once it is continued.
  void stop_process();

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
  bool job_control_ = false;
};

class RawTerminal {
 public:
  // `screen`: also the alternate screen and a hidden cursor; false for a terminal that takes no
  // escape sequences (TERM=dumb), which gets only the raw keyboard.
  RawTerminal(int in_fd, std::FILE* out, bool screen = true);
  ~RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

  void enter();  // raw mode, alternate screen, hidden cursor, auto-wrap off
  void leave();  // everything back as it was
  [[nodiscard]] bool active() const { return active_; }

 private:
  int in_fd_;
  std::FILE* out_;
  bool screen_ = true;
  termios saved_{};
  bool have_saved_ = false;
  bool active_ = false;
};

// Columns and rows of the terminal on `fd`, or 80x24 when it cannot say.
struct TerminalSize {
  int columns = 80;
  int rows = 24;
};
[[nodiscard]] TerminalSize terminal_size(int fd);

// The poll() timeout for a deadline `left` milliseconds away. Linux lets poll() oversleep by
// 0.1% of its timeout (timer slack: 5 ms on a 5 s wait), so a long wait stops short of the
// deadline by more than that and the short wait that follows ends on time.
[[nodiscard]] int poll_timeout(Millis left);

// Keys from `key_fd` (-1: none, as in plain mode) and signals, waiting with poll() until the
// deadline on `clock`. Escape sequences are joined across reads by a KeyDecoder.
class PollKeys final : public Keys {
 public:
  // `output_fd`, when given, is watched too: a pipe whose reader has gone (`| head -1`) ends the
  // wait at once as Input::Kind::output_closed, not only at the next write.
  PollKeys(const Clock& clock, SignalPipe& signals, int key_fd, RawTerminal* terminal,
           int output_fd = -1);
  Input wait(std::optional<Millis> deadline) override;
  void suspend() override;

 private:
  const Clock& clock_;
  SignalPipe& signals_;
  int key_fd_;
  RawTerminal* terminal_;
  int output_fd_;
  KeyDecoder decoder_;
  std::string pending_;
};

}  // namespace roll::platform

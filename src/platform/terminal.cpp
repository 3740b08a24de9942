#include "platform/terminal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <limits>
#include <stdexcept>

namespace roll::platform {

namespace {

int g_signal_write_fd = -1;

// Async-signal-safe: one write() to a non-blocking pipe; errno is preserved for the interrupted
// code.
void on_signal(int signal) {
  int saved = errno;
  unsigned char byte = static_cast<unsigned char>(signal);
  if (g_signal_write_fd >= 0) {
    [[maybe_unused]] auto n = ::write(g_signal_write_fd, &byte, 1);
  }
  errno = saved;
}

// Ctrl-\\ too: its default (a core dump) would leave the terminal raw.
constexpr int kAlways[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kJobControl[] = {SIGTSTP, SIGCONT, SIGWINCH};

void install(int signal) {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // Restart interrupted writes to the terminal; poll() still returns EINTR, which the loop wants.
  action.sa_flags = SA_RESTART;
  ::sigaction(signal, &action, nullptr);
}

void restore_default(int signal) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal, &action, nullptr);
}

void write_all(std::FILE* out, const char* text) {
  std::fputs(text, out);
  std::fflush(out);
}

}  // namespace

std::chrono::milliseconds SteadyClock::now() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now().time_since_epoch());
}

SignalPipe::SignalPipe(bool job_control) : job_control_(job_control) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create a pipe");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  g_signal_write_fd = write_fd_;
  for (int s : kAlways) install(s);
  if (job_control_) {
    for (int s : kJobControl) install(s);
  }
}

SignalPipe::~SignalPipe() {
  for (int s : kAlways) restore_default(s);
  if (job_control_) {
    for (int s : kJobControl) restore_default(s);
  }
  g_signal_write_fd = -1;
  ::close(read_fd_);
  ::close(write_fd_);
}

std::optional<int> SignalPipe::take() {
  unsigned char byte = 0;
  if (::read(read_fd_, &byte, 1) == 1) return byte;
  return std::nullopt;
}

void SignalPipe::stop_process() {
  restore_default(SIGTSTP);
  ::raise(SIGTSTP);  // stops here until `fg` or `bg`
  install(SIGTSTP);
}

RawTerminal::RawTerminal(int in_fd, std::FILE* out, bool screen)
    : in_fd_(in_fd), out_(out), screen_(screen) {
  enter();
}

RawTerminal::~RawTerminal() {
  leave();
}

void RawTerminal::enter() {
  if (active_) return;
  if (!have_saved_) {
    if (::tcgetattr(in_fd_, &saved_) != 0) throw std::runtime_error("stdin is not a terminal");
    have_saved_ = true;
  }
  termios raw = saved_;
  // No echo, no line buffering, no Ctrl-S/Ctrl-Q flow control; ISIG stays so Ctrl-C, Ctrl-Z and
  // Ctrl-\ are still signals.
  raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | IEXTEN));
  raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  ::tcsetattr(in_fd_, TCSANOW, &raw);
  // Auto-wrap (DECAWM) off while the screen is up: a glyph the terminal draws wider than roll
  // measured it is clipped at the right margin instead of wrapping and scrolling the screen.
  if (screen_) write_all(out_, "\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[H\x1b[2J");
  active_ = true;
}

void RawTerminal::leave() {
  if (!active_) return;
  // Auto-wrap back on before the normal screen returns: it is a mode of the terminal, not of
  // the alternate screen, so leaving that does not restore it.
  if (screen_) write_all(out_, "\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l");
  ::tcsetattr(in_fd_, TCSANOW, &saved_);
  active_ = false;
}

TerminalSize terminal_size(int fd) {
  winsize ws{};
  TerminalSize size;
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
    size.columns = ws.ws_col;
    size.rows = ws.ws_row;
  }
  return size;
}

int poll_timeout(Millis left) {
  auto ms = left.count();
  if (ms <= 0) return 0;
  // Up to 50 ms the slack is the task's own 50 us; past that, 0.1% (and at most 100 ms).
  if (ms > 50) ms -= ms / 500 + 1;
  return static_cast<int>(std::min<Millis::rep>(ms, std::numeric_limits<int>::max()));
}

PollKeys::PollKeys(const Clock& clock, SignalPipe& signals, int key_fd, RawTerminal* terminal,
                   int output_fd)
    : clock_(clock),
      signals_(signals),
      key_fd_(key_fd),
      terminal_(terminal),
      output_fd_(output_fd) {}

Input PollKeys::wait(std::optional<Millis> deadline) {
  for (;;) {
    if (auto signal = signals_.take()) {
      switch (*signal) {
        case SIGINT:
        case SIGTERM:
        case SIGHUP:
        case SIGQUIT:
          return Input{Input::Kind::interrupt, 0, *signal};
        case SIGTSTP:
          return Input{Input::Kind::suspend, 0, *signal};
        default:
          return Input{Input::Kind::redraw, 0, *signal};
      }
    }
    if (!pending_.empty()) {
      char key = pending_.front();
      pending_.erase(0, 1);
      return Input{Input::Kind::key, key, 0};
    }
    Millis now = clock_.now();
    pending_ += decoder_.expire(now);
    if (!pending_.empty()) continue;
    if (deadline && *deadline <= now) return Input{};
    // Wake for the session's deadline or for a lone ESC to become the Escape key, if sooner.
    std::optional<Millis> wake = deadline;
    if (auto escape = decoder_.deadline(); escape && (!wake || *escape < *wake)) wake = escape;
    int timeout = wake ? poll_timeout(*wake - now) : -1;
    // No events asked of the output: poll() reports POLLERR or POLLHUP on it all the same.
    pollfd fds[3] = {{signals_.fd(), POLLIN, 0}, {output_fd_, 0, 0}, {key_fd_, POLLIN, 0}};
    int rc = ::poll(fds, key_fd_ >= 0 ? 3 : 2, timeout);
    if (rc < 0) {
      if (errno == EINTR) continue;  // the handler has written to the pipe
      throw std::runtime_error("poll failed");
    }
    if (rc == 0) continue;  // the deadline checks above decide; poll may wake a hair early
    if (fds[1].revents & (POLLERR | POLLHUP)) {
      output_fd_ = -1;
      return Input{Input::Kind::output_closed, 0, 0};
    }
    if (key_fd_ >= 0 && (fds[2].revents & (POLLIN | POLLHUP | POLLERR))) {
      char buffer[64];
      auto n = ::read(key_fd_, buffer, sizeof buffer);
      if (n <= 0) {
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        key_fd_ = -1;  // end of input: go on without a keyboard
        continue;
      }
      // An escape sequence (arrow keys, function keys) is one keypress that means nothing here;
      // its bytes must not be read as letters, even when it arrives in pieces.
      pending_ +=
          decoder_.feed(std::string_view(buffer, static_cast<std::size_t>(n)), clock_.now());
    }
  }
}

void PollKeys::suspend() {
  if (terminal_) terminal_->leave();
  signals_.stop_process();
  if (terminal_) terminal_->enter();
}

}  // namespace roll::platform

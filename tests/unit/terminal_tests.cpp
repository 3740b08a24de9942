// The poll() timeout that keeps the session's deadlines on time despite the kernel's timer slack,
// and what the terminal and the locale can show.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/environment.hpp"
#include "platform/terminal.hpp"
#include "skip.hpp"

using namespace std::chrono_literals;
using roll::Millis;
using roll::platform::poll_timeout;

TEST_CASE("a long wait stops short of the deadline by more than poll()'s 0.1% slack") {
  CHECK(poll_timeout(0ms) == 0);
  CHECK(poll_timeout(-5ms) == 0);
  // Short waits are exact: their slack is the task's 50 us.
  CHECK(poll_timeout(1ms) == 1);
  CHECK(poll_timeout(50ms) == 50);
  // 5 s would wake as much as 5 ms late; 4,989 ms wakes by 4,994 at the latest, then 11 ms more.
  CHECK(poll_timeout(5000ms) == 4989);
  for (Millis left : {51ms, 100ms, 999ms, 1000ms, 4000ms, 60000ms, 600000ms}) {
    CAPTURE(left.count());
    auto t = poll_timeout(left);
    CHECK(t < left.count());
    CHECK(t + t / 1000 + 1 <= left.count());  // even the whole slack lands before the deadline
    CHECK(left.count() - t <= left.count() / 500 + 1);  // and the rest is a short wait
  }
}

TEST_CASE("PollKeys joins an escape sequence split across two reads (issue 17, item 5)") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  roll::platform::SteadyClock clock;
  roll::platform::SignalPipe signals(false);
  roll::platform::PollKeys keys(clock, signals, fds[0], nullptr);
  auto write = [&](std::string_view bytes) {
    REQUIRE(::write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  };
  // F5 in two reads: before the fix the second read was taken as the keys 5 and ~.
  write("\x1b[1");
  CHECK(keys.wait(clock.now() + 20ms).kind == roll::Input::Kind::timeout);
  write("5~");
  CHECK(keys.wait(clock.now() + 20ms).kind == roll::Input::Kind::timeout);
  write("7");
  auto key = keys.wait(clock.now() + 1000ms);
  CHECK(key.kind == roll::Input::Kind::key);
  CHECK(key.key == '7');
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_CASE("the locale decides UTF-8 glyphs: LC_ALL, then LC_CTYPE, then LANG") {
  using roll::platform::locale_is_utf8;
  CHECK(locale_is_utf8(nullptr, nullptr, "en_US.UTF-8"));
  CHECK(locale_is_utf8(nullptr, nullptr, "C.utf8"));
  CHECK(locale_is_utf8("", "de_DE.utf-8", "C"));
  CHECK_FALSE(locale_is_utf8("C", nullptr, "en_US.UTF-8"));  // LC_ALL=C wins
  CHECK_FALSE(locale_is_utf8(nullptr, "POSIX", "en_US.UTF-8"));
  CHECK_FALSE(locale_is_utf8(nullptr, nullptr, nullptr));
  CHECK_FALSE(locale_is_utf8(nullptr, nullptr, "en_US.ISO-8859-1"));
}

TEST_CASE("a terminal that cannot take escape sequences is told apart") {
  using roll::platform::terminal_can_draw;
  auto dir =
      std::filesystem::temp_directory_path() / ("roll-terminfo-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "m");
  std::ofstream(dir / "m" / "myterm") << "compiled terminfo";
  std::filesystem::create_directories(dir / "6e");  // the hex spelling of 'n'
  std::ofstream(dir / "6e" / "nterm") << "compiled terminfo";
  std::vector<std::filesystem::path> dirs{dir};
  CHECK_FALSE(terminal_can_draw("dumb", dirs));
  CHECK_FALSE(terminal_can_draw("", dirs));
  CHECK_FALSE(terminal_can_draw("no-such-terminal", dirs));
  CHECK_FALSE(terminal_can_draw("../m/myterm", dirs));
  CHECK(terminal_can_draw("myterm", dirs));
  CHECK(terminal_can_draw("nterm", dirs));
  CHECK(terminal_can_draw("xterm-256color", {}));  // an ANSI family, terminfo or not
  CHECK(terminal_can_draw("tmux-256color", {}));
  std::filesystem::remove_all(dir);
}

namespace {

// A pseudo-terminal: the far end reads what roll writes to the terminal.
struct Pty {
  Pty() {
    far = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (far < 0 || ::grantpt(far) != 0 || ::unlockpt(far) != 0) return;
    near = ::open(::ptsname(far), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (near >= 0) out = ::fdopen(::dup(near), "w");
  }
  ~Pty() {
    if (out) std::fclose(out);
    if (near >= 0) ::close(near);
    if (far >= 0) ::close(far);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;
  // Everything written so far: a wait for the first byte (the writes are done before this is
  // called), then whatever else is there already.
  std::string take() const {
    std::string got;
    pollfd p{far, POLLIN, 0};
    for (int timeout = 2000; ::poll(&p, 1, timeout) > 0; timeout = 0) {
      char buffer[256];
      auto n = ::read(far, buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
    }
    return got;
  }
  int far = -1;
  int near = -1;
  std::FILE* out = nullptr;
};

}  // namespace

// A glyph wider than roll measured (a new emoji, a font's choice) wrapped at the margin and, on
// the last row, scrolled the whole screen. With auto-wrap off it is clipped instead.
TEST_CASE("the full screen turns auto-wrap off while it is up, and on again at every way out") {
  Pty pty;
  ROLL_SKIP_UNLESS(pty.out != nullptr, "no pseudo-terminal here");
  {
    roll::platform::RawTerminal terminal(pty.near, pty.out);
    std::string entered = pty.take();
    CHECK(entered.find("\x1b[?1049h") != std::string::npos);
    CHECK(entered.find("\x1b[?7l") != std::string::npos);
    // Ctrl-Z leaves the screen (PollKeys::suspend) and `fg` enters it again.
    terminal.leave();
    std::string left = pty.take();
    CHECK(left.find("\x1b[?7h") != std::string::npos);
    CHECK(left.find("\x1b[?7h") < left.find("\x1b[?1049l"));
    terminal.enter();
    CHECK(pty.take().find("\x1b[?7l") != std::string::npos);
  }
  // The destructor: every other way out (the end, q, a signal, an exception) goes through it.
  std::string closed = pty.take();
  CHECK(closed.find("\x1b[?7h") != std::string::npos);
  CHECK(closed.find("\x1b[?1049l") != std::string::npos);
}

TEST_CASE("a terminal that takes no escape sequences is not sent the auto-wrap mode either") {
  Pty pty;
  ROLL_SKIP_UNLESS(pty.out != nullptr, "no pseudo-terminal here");
  { roll::platform::RawTerminal terminal(pty.near, pty.out, false); }
  // Nothing was written: a write to the near end now is the first thing the far end reads.
  std::fputs("end", pty.out);
  std::fflush(pty.out);
  CHECK(pty.take() == "end");
}

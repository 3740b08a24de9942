// The poll() timeout that keeps the session's deadlines on time despite the kernel's timer slack,
// and what the terminal and the locale can show.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/environment.hpp"
#include "platform/terminal.hpp"

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

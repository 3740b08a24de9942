// The full-screen frame and the line screens, without a terminal: fitted to any size, big digits
// only with room, the bell only when allowed, routine text always sanitized.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "platform/screens.hpp"
#include "roll/text.hpp"

using namespace roll;
using namespace std::chrono_literals;

namespace {

Routine routine() {
  Routine r;
  r.name = "r";
  r.title = "Evening \x1b]0;owned\x07 release";
  Step s;
  s.name = "Thoracic extension";
  s.kind = StepKind::hold;
  s.zone = Zone::thoracic;
  s.unit = TimingUnit::breaths;
  s.count = 3;
  s.positions = 4;
  s.cue =
      "Roller across your back at the base of the rib cage, hands behind your head. Lean "
      "back over it and breathe out. After three slow breaths, move the roller up one inch.";
  r.steps = {s};
  return r;
}

SessionView view_at(Session& s, Millis t) {
  s.advance(t);
  return s.view();
}

// Captures what a screen writes to a FILE*.
struct Capture {
  Capture() : file(std::tmpfile()) {}
  ~Capture() { std::fclose(file); }
  std::string text() {
    std::fflush(file);
    std::rewind(file);
    std::string out;
    for (int c; (c = std::fgetc(file)) != EOF;) out += static_cast<char>(c);
    return out;
  }
  std::FILE* file;
};

}  // namespace

TEST_CASE("the frame fits the terminal: big digits with room, one line without") {
  Routine r = routine();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  auto v = view_at(s, 6500ms);  // first inhale of position 1
  platform::AnsiScreen screen(stdout, r, {});

  auto big = screen.frame(v, 80, 30);
  CHECK(big.size() <= 30);
  bool has_digits = false;
  for (const auto& line : big) {
    CAPTURE(line);
    CHECK(display_width(line) <= 80);
    CHECK(line.find('\x1b') == std::string::npos);
    if (line.find("██  ██") != std::string::npos) has_digits = true;
  }
  CHECK(has_digits);
  CHECK(big[0].starts_with("Evening \\x1b]0;owned\\x07 release"));
  CHECK(big[1] == "step 1/1 · Thoracic extension · position 1 of 4");

  for (auto [w, h] : {std::pair{40, 12}, std::pair{20, 8}, std::pair{12, 3}, std::pair{200, 60}}) {
    CAPTURE(w);
    CAPTURE(h);
    auto lines = screen.frame(v, w, h);
    CHECK(lines.size() <= static_cast<std::size_t>(h));
    for (const auto& line : lines) CHECK(display_width(line) <= static_cast<std::size_t>(w));
  }
  auto small = screen.frame(v, 40, 12);
  bool countdown = false;
  for (const auto& line : small) {
    if (line.find("0:29 left") != std::string::npos) countdown = true;  // 28.5 s rounds up
  }
  CHECK(countdown);
}

TEST_CASE("the pacer says the phase, its seconds and the breath count") {
  Routine r = routine();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  auto joined = [&](Millis t) {
    std::string all;
    for (auto& l : screen.frame(view_at(s, t), 80, 30)) all += l + "\n";
    return all;
  };
  CHECK(joined(1s).find("get ready · next: step 1/1 · Thoracic extension") != std::string::npos);
  CHECK(joined(6s).find("breathe in  3 s   breath 1 of 3") != std::string::npos);
  CHECK(joined(10s).find("breathe out  5 s   breath 1 of 3") != std::string::npos);
  CHECK(joined(36s).find("move the roller up an inch (position 2 of 4)") != std::string::npos);
  s.command(Command::toggle_pause, 37s);
  CHECK(joined(40s).find("PAUSED") != std::string::npos);
}

TEST_CASE("the bell rings at a step start and in the last seconds, unless quiet") {
  Routine r = routine();
  for (bool bell : {true, false}) {
    CAPTURE(bell);
    NullSessionLog log;
    Session s(r, make_plan(r), log);
    Capture out;
    platform::AnsiScreen screen(out.file, r, {false, bell, 1.0});
    screen.show(s.start(0ms), s.view());
    CHECK(out.text().find('\a') == std::string::npos);  // get-ready: no bell yet
    screen.show(s.advance(5s), s.view());
    CHECK((out.text().find('\a') != std::string::npos) == bell);
    std::string text = out.text();
    CHECK(text.find("\x1b]0;") == std::string::npos);  // the title's OSC stays harmless
  }
}

TEST_CASE("plain lines carry the routine time and no control bytes") {
  Routine r = routine();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  Capture out;
  platform::PlainScreen screen(out.file, r);
  screen.show(s.start(0ms), s.view());
  screen.show(s.advance(200s), s.view());
  std::string text = out.text();
  CHECK(text.starts_with("00:00 start · Evening \\x1b]0;owned\\x07 release"));
  CHECK(text.find("00:05 breathe in 4 s · breath 1 of 3") != std::string::npos);
  CHECK(text.find("s left") == std::string::npos);  // the bell ticks are not lines
  for (unsigned char c : text) CHECK((c >= 0x20 || c == '\n'));
}

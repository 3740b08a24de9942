// The full-screen frame and the line screens, without a terminal: fitted to any size, big digits
// only with room, the bell only when allowed, routine text always sanitized.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "platform/screens.hpp"
#include "roll/layout.hpp"
#include "roll/session_wording.hpp"
#include "roll/text.hpp"
#include "roll/utf8.hpp"
#include "session_fakes.hpp"

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
  s.move = Move::up;
  s.cue =
      "Roller across your back at the base of the rib cage, hands behind your head. Lean "
      "back over it and breathe out. After three slow breaths, move the roller up one inch.";
  r.steps = {s};
  return r;
}

// The bundled thoracic extension's cue, the one that lost its last sentence at 80 columns.
constexpr const char* kThoracicCue =
    "Roller across your back at the base of the rib cage, hands behind your head (do not pull on "
    "your neck). Lean back over it and breathe out. After three slow breaths, move the roller up "
    "one inch. Stop when you reach the top of the shoulders.";

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The lines of one role, read as words, are the source's first words in order; only the last
// may be cut, and then it ends with the ellipsis. Returns how many of the source's words showed
// whole.
std::size_t check_whole_words(const std::vector<LayoutLine>& lines, Role role,
                              const std::string& source, const std::string& ellipsis = "…") {
  std::string shown;
  for (const auto& l : lines) {
    if (l.role == role) shown += l.text + " ";
  }
  auto got = words_of(shown);
  auto want = words_of(source);
  std::size_t whole = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(shown);
    REQUIRE(i < want.size());
    if (got[i] == want[i]) {
      ++whole;
      continue;
    }
    // A cut: the last word shown, ending with the ellipsis, the rest of the source not shown.
    CHECK(i + 1 == got.size());
    CHECK(got[i].ends_with(ellipsis));
    std::string stem = got[i].substr(0, got[i].size() - ellipsis.size());
    CHECK(want[i].starts_with(stem));
  }
  if (whole < want.size() && !got.empty()) {
    CAPTURE(shown);
    CHECK(got.back().ends_with(ellipsis));  // nothing is dropped silently
  }
  return whole;
}

bool has_role(const Layout& layout, Role role) {
  return std::any_of(layout.lines.begin(), layout.lines.end(),
                     [role](const LayoutLine& l) { return l.role == role; });
}

std::string joined(const Layout& layout) {
  std::string all;
  for (const auto& l : layout.lines) all += l.text + "\n";
  return all;
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
    if (line.find("██████") != std::string::npos) has_digits = true;
  }
  CHECK(has_digits);
  // A spare row may stand above the title.
  std::size_t top = big[0].empty() ? 1 : 0;
  CHECK(big[top].starts_with("Evening \\x1b]0;owned\\x07 release"));
  CHECK(big[top + 1] == "step 1/1 · Thoracic extension · position 1 of 4");

  for (auto [w, h] : {std::pair{40, 12}, std::pair{20, 8}, std::pair{12, 3}, std::pair{200, 60}}) {
    CAPTURE(w);
    CAPTURE(h);
    auto lines = screen.frame(v, w, h);
    CHECK(lines.size() <= static_cast<std::size_t>(h));
    for (const auto& line : lines) CHECK(display_width(line) <= static_cast<std::size_t>(w));
  }
  // Too low for block digits: the time left in plain digits.
  auto small = screen.frame(v, 40, 6);
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
  CHECK(joined(6s).find("BREATHE IN  3 s   breath 1 of 3") != std::string::npos);
  CHECK(joined(10s).find("BREATHE OUT  5 s   breath 1 of 3") != std::string::npos);
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

TEST_CASE("events: a notice line before the session, the summary line after it") {
  Routine r = routine();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  Capture out;
  platform::EventsScreen screen(out.file, r);
  screen.notice("warning[move-after]: the last step on the roller");
  screen.show(s.start(0ms), s.view());
  screen.show(s.advance(200s), s.view());
  REQUIRE(s.status() == SessionStatus::completed);
  screen.summary(s);
  std::vector<std::string> lines;
  std::istringstream text(out.text());
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  REQUIRE(lines.size() > 2);
  CHECK(lines.front() ==
        R"({"event" : "notice","text" : "warning[move-after]: the last step on the roller",)"
        R"("version" : 1})");
  CHECK(lines[1].find(R"("event" : "started")") != std::string::npos);
  const std::string& last = lines.back();
  // The end's after-care, the same words the plain summary ends with.
  CHECK(last.starts_with(R"({"advice" : "Move right away: rolling opens a short window)"));
  CHECK(last.ends_with(R"("version" : 1,"zones" : {"thoracic" : 120}})"));
  for (const char* part :
       {R"("completed_seconds" : 120,"event" : "summary","hold_changes" : [],)",
        R"("planned_seconds" : 120,"roller_seconds" : {"thoracic" : 120},"status" : "completed",)",
        R"("steps" : 1,)", R"("steps_done" : 1,)"}) {
    CAPTURE(part);
    CHECK(last.find(part) != std::string::npos);
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

namespace {

Routine thoracic() {
  Routine r = routine();
  r.title = "Thoracic extension";
  r.steps[0].cue = kThoracicCue;
  r.steps[0].breath = {4, 0, 6, 0};
  return r;
}

}  // namespace

TEST_CASE(
    "the screen at every size: digits scaled, priorities kept, no line too wide, no word "
    "cut silently") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  s.command(Command::pressure, 6500ms, 8);  // ease off stands until the next step
  auto v = view_at(s, 7000ms);              // the first inhale, mid-hold
  REQUIRE(v.ease_off);
  REQUIRE(v.phase == Phase::inhale);
  Capture sink;
  platform::AnsiScreen screen(sink.file, r, {});
  screen.show({Event{EventKind::ease_off}}, v);  // the screen keeps the notice from the event

  // The digits: at least 9 rows at 80x24 and 20 at 200x60 during a hold, the figure beside them
  // (issue 31: they were 40% of the rows, 24 at 200x60, before the figure took a share of the
  // room), scaled in steps of 5.
  std::map<std::pair<int, int>, int> min_digits{{{20, 3}, 0},   {{30, 5}, 0},    {{60, 15}, 5},
                                                {{80, 24}, 10}, {{120, 40}, 15}, {{200, 60}, 20}};
  for (auto [size, least] : min_digits) {
    auto [w, h] = size;
    CAPTURE(w);
    CAPTURE(h);
    Layout layout = screen.layout(v, w, h);
    CAPTURE(joined(layout));
    CHECK(layout.lines.size() <= static_cast<std::size_t>(h));
    for (const auto& line : layout.lines) {
      CAPTURE(line.text);
      CHECK(display_width(line.text) <= static_cast<std::size_t>(w));
      CHECK(line.text.find('\x1b') == std::string::npos);
    }
    CHECK(layout.digit_rows >= least);
    CHECK(layout.digit_rows % 5 == 0);
    // The time left is always there: big, or in plain digits.
    REQUIRE(has_role(layout, Role::time));
    if (layout.digit_rows == 0) CHECK(joined(layout).find("0:2") != std::string::npos);

    // What is kept follows the priority: a part shows only if every part above it does.
    std::vector<Role> order{Role::time, Role::notice, Role::phase, Role::step,
                            Role::cue,  Role::bar,    Role::keys};
    bool all_above = true;
    for (Role role : order) {
      CAPTURE(static_cast<int>(role));
      bool here = has_role(layout, role);
      if (here) CHECK(all_above);
      all_above = all_above && here;
    }
    // The ease-off notice shows whole wherever it fits at all (it is 3 lines at 80 columns).
    std::size_t notice_words = check_whole_words(layout.lines, Role::notice, ease_off_advice());
    if (h >= 15) CHECK(notice_words == words_of(ease_off_advice()).size());
    check_whole_words(layout.lines, Role::cue, kThoracicCue);
    check_whole_words(layout.lines, Role::step, "step 1/1 · Thoracic extension · position 1 of 4");

    // Key help and bars are never clipped mid-word: whole items or nothing, the key help on one
    // line (it wrapped to a second at 80 columns).
    int key_lines = 0;
    for (const auto& line : layout.lines) {
      if (line.role == Role::keys) {
        ++key_lines;
        std::string rest = line.text;
        for (std::size_t at; (at = rest.find("  ")) != std::string::npos;) rest.erase(0, at + 2);
        CHECK((rest == "! sharp pain" || rest == "e at the top" || rest == "space pause" ||
               rest == "q quit" || rest == "n next" || rest == "b restart" ||
               rest == "1-9,0 pressure" || rest == "+/- 15 s"));
      }
      // The screen's total counts the get-readies ("in all"); the summary's does not.
      if (line.role == Role::bar) {
        CHECK((line.text.ends_with(" left in all") || line.text.ends_with(":29") ||
               line.text.ends_with(":28")));
      }
      if (line.role == Role::title) CHECK(line.text.ends_with(" left in all"));
    }
    CHECK(key_lines <= 1);
  }

  // Small windows keep the phase and the step, and the time in plain digits.
  auto tiny = screen.layout(v, 20, 3);
  CHECK(tiny.digit_rows == 0);
  CHECK(tiny.lines[0].role != Role::blank);
  CHECK(joined(tiny).find("0:2") != std::string::npos);
  CHECK(has_role(tiny, Role::notice));  // the safety notice outranks everything but the time
  // At 200x60 the phase word itself is big: at least half the digits' height.
  auto large = screen.layout(v, 200, 60);
  CHECK(large.big_phase);
  CHECK(large.digit_rows >= 20);
  CHECK(large.phase_rows * 2 >= large.digit_rows);
}

TEST_CASE("the full cue and the whole ease-off notice at 80 columns") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  Capture sink;
  platform::AnsiScreen screen(sink.file, r, {});
  // The get-ready before the step shows the cue whole, its last sentence included.
  auto ready = screen.layout(view_at(s, 1s), 80, 24);
  CHECK(check_whole_words(ready.lines, Role::cue, kThoracicCue) == words_of(kThoracicCue).size());
  CHECK(joined(ready).find("shoulders.") != std::string::npos);
  // The cue and the figure take the room the digits take in the hold (issue 31: the digits were
  // 10 rows here): the time in small digits beside the figure.
  CHECK(ready.digit_rows == 5);
  CHECK(ready.figure_rows >= 4);

  s.command(Command::pressure, 6500ms, 9);
  auto v = view_at(s, 7000ms);
  screen.show({Event{EventKind::ease_off}}, v);
  auto eased = screen.layout(v, 80, 24);
  CHECK(check_whole_words(eased.lines, Role::notice, ease_off_advice()) ==
        words_of(ease_off_advice()).size());
  CHECK(joined(eased).find("much.") != std::string::npos);
  CHECK(eased.digit_rows >= 10);
}

TEST_CASE("the longest ease-off advice, for a cleared condition, shows whole at 80 columns") {
  Routine r = thoracic();
  r.steps[0].intensity = 4;
  NullSessionLog log;
  SessionOptions options;
  options.user.cleared = Condition::active_cancer;
  Session s(r, make_plan(r), log, options);
  s.start(0ms);
  Capture sink;
  platform::AnsiScreen screen(sink.file, r, {});
  s.advance(6500ms);
  auto events = s.command(Command::pressure, 6500ms, 6);
  auto ease = std::find_if(events.begin(), events.end(),
                           [](const Event& e) { return e.kind == EventKind::ease_off; });
  REQUIRE(ease != events.end());
  std::string advice = ease_off_advice(ease->aim);
  CHECK(advice.find("keep it gentle, about 4 as this step asks") != std::string::npos);
  auto v = view_at(s, 7000ms);
  screen.show(events, v);
  auto eased = screen.layout(v, 80, 24);
  CHECK(check_whole_words(eased.lines, Role::notice, advice) == words_of(advice).size());
}

namespace {

// A cue of emoji words (rockets, lungs, flags) and one long word of them with no space to break at.
std::string emoji_cue() {
  std::string cue;
  for (int i = 0; i < 40; ++i) {
    cue += i % 3 == 0   ? "\U0001F680\U0001F680\U0001F680 "
           : i % 3 == 1 ? "\U0001FAC1\U0001FAC1 "
                        : "\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7 ";
  }
  for (int i = 0; i < 60; ++i) cue += "\U0001F680";
  return cue;
}

// Columns as a terminal following Unicode 15 draws this text, counted without display_width:
// a rocket or lungs 2, a flag's two letters 1 each, anything else 1. A lone flag letter fails.
std::size_t columns_of(const std::string& line) {
  std::size_t columns = 0;
  std::size_t letters = 0;  // regional indicators in a row
  for (std::size_t i = 0; i < line.size();) {
    auto d = roll::utf8::decode(line, i);
    bool letter = d.code >= 0x1F1E6 && d.code <= 0x1F1FF;
    if (!letter) {
      CHECK(letters % 2 == 0);
      letters = 0;
    }
    letters += letter ? 1 : 0;
    columns += d.code == 0x1F680 || d.code == 0x1FAC1 ? 2 : 1;
    i += d.length > 0 ? d.length : 1;
  }
  CHECK(letters % 2 == 0);
  return columns;
}

}  // namespace

// Counted one column each, a cue of emoji filled rows twice the terminal's width: they wrapped,
// and at 80x24 the screen scrolled the title and the step line away.
TEST_CASE("a cue of emoji at 80x24: every row within 80 columns, the title and step line kept") {
  Routine r = thoracic();
  r.steps[0].cue = emoji_cue();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  for (Millis t : {1000ms, 3000ms, 7000ms, 20000ms}) {
    CAPTURE(t.count());
    auto layout = screen.layout(view_at(s, t), 80, 24);
    CAPTURE(joined(layout));
    CHECK(layout.lines.size() <= 24);
    CHECK(has_role(layout, Role::title));
    CHECK(has_role(layout, Role::step));
    CHECK(has_role(layout, Role::cue));
    for (const auto& line : layout.lines) {
      CAPTURE(line.text);
      CHECK(columns_of(line.text) <= 80);
      CHECK(roll::utf8::is_valid(line.text));
    }
  }
}

TEST_CASE("the full screen puts each row at its own position, with no line feed to scroll it") {
  Routine r = thoracic();
  r.steps[0].cue = emoji_cue();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  Capture out;  // not a terminal: drawn at 80x24
  platform::AnsiScreen screen(out.file, r, {});
  screen.show(s.start(0ms), s.view());
  std::string text = out.text();
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
  auto rows = screen.layout(s.view(), 80, 24).lines.size();
  REQUIRE(rows > 10);
  std::size_t last = 0;
  for (std::size_t row = 1; row <= rows; ++row) {
    CAPTURE(row);
    // Cleared before it is drawn: cleared after, a full-width row lost its last column.
    auto at = text.find("\x1b[" + std::to_string(row) + ";1H\x1b[2K");
    REQUIRE(at != std::string::npos);
    CHECK(at >= last);  // top to bottom
    last = at;
  }
  // What is below the last row is cleared from the row after it, or not at all when it is the
  // screen's last.
  CHECK(text.find("\x1b[K") == std::string::npos);
  if (rows < 24) {
    CHECK(text.ends_with("\x1b[" + std::to_string(rows + 1) + ";1H\x1b[J"));
  } else {
    CHECK(text.find("\x1b[J") == std::string::npos);
  }
}

TEST_CASE("the breath phase reads without colour: a band of its own shape, PAUSED as plain") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  // The band is the phase's row with words on it (the big word above it is letters only).
  auto band = [&](Millis t) {
    for (const auto& l : screen.layout(view_at(s, t), 80, 24).lines) {
      if (l.role == Role::phase && l.text.find("BREATHE") != std::string::npos) return l.text;
    }
    return std::string();
  };
  std::string in = band(7000ms);
  std::string out = band(11000ms);
  CHECK(in.find("BREATHE IN") != std::string::npos);
  CHECK(in.find("▁▂▃▄") != std::string::npos);  // rising ramps
  CHECK(out.find("BREATHE OUT") != std::string::npos);
  CHECK(out.find("▄▃▂▁") != std::string::npos);  // falling ramps
  s.command(Command::toggle_pause, 12s);
  auto paused = screen.layout(view_at(s, 13s), 200, 60);
  CHECK(paused.big_phase);
  std::string all = joined(paused);
  CHECK(all.find("PAUSED") != std::string::npos);
  CHECK(all.find("█████") != std::string::npos);
}

TEST_CASE("colour comes from the role: a cue line starting 'breathe out' is not the phase") {
  Routine r = thoracic();
  // Wrapped at 40 columns this cue has a line that starts "breathe out".
  r.steps[0].cue = "Lean back over the roller, slowly, and breathe out through the mouth.";
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  auto layout = screen.layout(view_at(s, 1s), 40, 24);
  bool found = false;
  for (const auto& l : layout.lines) {
    if (l.text.starts_with("breathe out")) {
      found = true;
      CHECK(l.role == Role::cue);
    }
  }
  CHECK(found);

  Capture out;
  platform::AnsiScreen colored(out.file, r, {true, false, 1.0});
  colored.show(s.advance(1s), s.view());
  std::string text = out.text();
  // The cue line is drawn without the phase's bold green.
  auto at = text.find("breathe out through");
  REQUIRE(at != std::string::npos);
  CHECK(text.substr(at > 12 ? at - 12 : 0, 12).find("\x1b[32") == std::string::npos);
}

TEST_CASE("ASCII only when the locale is not UTF-8") {
  Routine r = thoracic();
  r.title = "Évening release";
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiOptions options;
  options.utf8 = false;
  platform::AnsiScreen screen(stdout, r, options);
  for (Millis t : {1000ms, 7000ms, 11000ms}) {
    auto v = view_at(s, t);
    for (auto [w, h] : {std::pair{20, 3}, std::pair{80, 24}, std::pair{200, 60}}) {
      for (const auto& line : screen.frame(v, w, h)) {
        CAPTURE(line);
        CHECK(display_width(line) <= static_cast<std::size_t>(w));
        for (unsigned char c : line) CHECK(c < 0x80);
      }
    }
  }
  auto big = screen.layout(view_at(s, 7000ms), 80, 24);
  CHECK(big.digit_rows >= 10);
  CHECK(joined(big).find("######") != std::string::npos);
}

TEST_CASE("block digits keep their proportions at every scale") {
  for (int scale = 1; scale <= 7; ++scale) {
    auto rows = block_digits("0:29", scale, true);
    CHECK(rows.size() == static_cast<std::size_t>(5 * scale));
    for (const auto& row : rows) CHECK(display_width(row) == block_digits_width("0:29", scale));
    // 13 cells across, 5 down; a cell is 2 columns per row, so the shape is the same at any scale.
    CHECK(block_digits_width("0:29", scale) == static_cast<std::size_t>(26 * scale));
  }
}

TEST_CASE("no line wider than the terminal at any moment of a session, at any of the sizes") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  for (Millis t = 0ms; t < 140s && !s.finished(); t += 1700ms) {
    auto v = view_at(s, t);
    for (auto [w, h] : {std::pair{20, 3}, std::pair{30, 5}, std::pair{60, 15}, std::pair{80, 24},
                        std::pair{120, 40}, std::pair{200, 60}, std::pair{61, 15}}) {
      CAPTURE(t.count());
      CAPTURE(w);
      CAPTURE(h);
      auto layout = screen.layout(v, w, h);
      CHECK(layout.lines.size() <= static_cast<std::size_t>(h));
      for (const auto& line : layout.lines) {
        CAPTURE(line.text);
        CHECK(display_width(line.text) <= static_cast<std::size_t>(w));
      }
      if (layout.cue_pages == 1 && layout.cue_letter_rows == 0) {
        check_whole_words(layout.lines, Role::cue, kThoracicCue);
      }
      // Whole in the get-ready from 24 rows up: in plain text, or in big letters where they fit.
      if (v.get_ready && h >= 24) {
        std::vector<LayoutLine> cue = layout.lines;
        if (layout.cue_letter_rows > 0) {
          cue.clear();
          for (const auto& l : layout.cue_in_letters) cue.emplace_back(l, Role::cue);
        }
        CHECK(check_whole_words(cue, Role::cue, kThoracicCue) == words_of(kThoracicCue).size());
      }
    }
  }
}

TEST_CASE("every frame of a whole session, recorded under the fake clock, fits all six sizes") {
  Routine r = thoracic();
  NullSessionLog log;
  SessionOptions options;
  options.confirm_quit = true;
  Session session(r, make_plan(r), log, options);
  test::FakeClock clock;
  test::ScriptedKeys keys(clock);
  keys.key(20s, ' ').key(25s, ' ').key(40s, '9').key(60s, 'q').key(62s, 'n');
  test::RecordingScreen recorder(250ms);
  run_session(session, clock, keys, recorder);
  REQUIRE(recorder.views.size() > 400);
  platform::AnsiScreen screen(stdout, r, {});
  std::size_t checked = 0;
  for (const auto& v : recorder.views) {
    if (v.finished) continue;
    for (auto [w, h] : {std::pair{20, 3}, std::pair{30, 5}, std::pair{60, 15}, std::pair{80, 24},
                        std::pair{120, 40}, std::pair{200, 60}}) {
      auto layout = screen.layout(v, w, h);
      bool fits = layout.lines.size() <= static_cast<std::size_t>(h);
      for (const auto& line : layout.lines) {
        fits = fits && display_width(line.text) <= static_cast<std::size_t>(w);
      }
      CHECK(fits);
      CHECK(has_role(layout, Role::time));
      // During a hold the digits keep 9 rows at 80x24 and 20 at 200x60 (issue 31: this was 40%
      // of the rows in every frame; the get-ready now gives their room to the cue and the figure).
      if (!v.get_ready && w == 80 && h == 24) CHECK(layout.digit_rows >= 9);
      if (!v.get_ready && w == 200 && h == 60) CHECK(layout.digit_rows >= 20);
      if (v.get_ready && h >= 24) CHECK(layout.digit_rows >= 5);
      ++checked;
    }
  }
  CHECK(checked > 2000);
}

// Issue 16: "the full cue is shown during the get-ready before the step". Where it does not fit
// it is paged, the pages turning as a function of the get-ready's own clock, so that every page
// shows within the get-ready; the time left stays on every frame.
TEST_CASE("the cue is paged in the get-ready on small screens: every word on some page") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  const std::vector<std::pair<int, int>> sizes{{20, 3}, {30, 5}, {60, 15}};
  std::map<std::pair<int, int>, std::map<int, std::vector<std::string>>> pages;
  std::map<std::pair<int, int>, int> page_count;
  for (Millis t = 0ms; t < 5000ms; t += 100ms) {
    auto v = view_at(s, t);
    REQUIRE(v.get_ready);
    for (auto size : sizes) {
      auto [w, h] = size;
      CAPTURE(w);
      CAPTURE(h);
      CAPTURE(t.count());
      auto layout = screen.layout(v, w, h);
      CAPTURE(joined(layout));
      CHECK(layout.lines.size() <= static_cast<std::size_t>(h));
      for (const auto& line : layout.lines)
        CHECK(display_width(line.text) <= static_cast<std::size_t>(w));
      REQUIRE(has_role(layout, Role::time));
      CHECK(joined(layout).find("0:0") != std::string::npos);  // the time left, 0:05 to 0:01
      std::vector<std::string> cue;
      for (const auto& l : layout.lines) {
        if (l.role == Role::cue) cue.push_back(l.text);
      }
      CHECK_FALSE(cue.empty());
      page_count[size] = layout.cue_pages;
      auto& seen = pages[size][layout.cue_page];
      if (!seen.empty()) CHECK(seen == cue);  // a page is the same whenever it shows
      seen = cue;
    }
  }
  for (auto size : sizes) {
    CAPTURE(size.first);
    CAPTURE(size.second);
    auto& by_page = pages[size];
    CHECK(by_page.size() == static_cast<std::size_t>(page_count[size]));  // each page was shown
    // The pages in order are the cue, word for word; each but the last ends with the ellipsis.
    std::vector<std::string> words;
    for (auto& [page, lines] : by_page) {
      std::string text;
      for (const auto& l : lines) text += l + " ";
      auto got = words_of(text);
      REQUIRE_FALSE(got.empty());
      if (page + 1 < page_count[size]) {
        CHECK(got.back().ends_with("…"));
        got.back().erase(got.back().size() - std::string("…").size());
      }
      words.insert(words.end(), got.begin(), got.end());
    }
    CHECK(words == words_of(kThoracicCue));
  }
  MESSAGE("cue pages in a 5 s get-ready: 20x3 ", page_count[{20, 3}], ", 30x5 ",
          page_count[{30, 5}], ", 60x15 ", page_count[{60, 15}]);
  CHECK(page_count[{20, 3}] > 1);
  CHECK(page_count[{30, 5}] > 1);
  // At 60x15 it fits whole, the band and the digits with it.
  CHECK(page_count[{60, 15}] == 1);
}

TEST_CASE("cue pages are a pure function of the get-ready's clock") {
  LayoutInput in;
  in.columns = 20;
  in.rows = 3;
  in.time = "0:05";
  in.step = "get ready · Thoracic extension";
  in.cue = kThoracicCue;
  in.full_cue = true;
  in.block_length_ms = 5000;
  auto at = [&](long long ms) {
    in.block_elapsed_ms = ms;
    return lay_out(in);
  };
  CHECK(at(0).cue_page == 0);
  int pages = at(0).cue_pages;
  REQUIRE(pages > 1);
  CHECK(at(4999).cue_page == pages - 1);  // the last page shows before the get-ready ends
  CHECK(joined(at(1234)) == joined(at(1234)));
  // A long get-ready (--ready key has none, so this is the longest): at most kCuePageMs a page.
  in.block_length_ms = 600000;
  CHECK(at(kCuePageMs - 1).cue_page == 0);
  CHECK(at(kCuePageMs).cue_page == 1);
}

// --ready key: the routine clock stands while the get-ready waits, yet the pages must turn.
TEST_CASE("--ready key: the cue's pages turn while the get-ready waits for the key") {
  Routine r = thoracic();
  NullSessionLog log;
  SessionOptions options;
  options.ready_key = true;
  Session session(r, make_plan(r), log, options);
  test::FakeClock clock;
  test::ScriptedKeys keys(clock);
  keys.key(40s, '\r').key(42s, 'q').key(43s, 'y');
  test::RecordingScreen recorder(250ms);
  run_session(session, clock, keys, recorder);
  CHECK(keys.stalls == 0);
  platform::AnsiScreen screen(stdout, r, {});
  std::map<int, std::string> pages;
  int count = 0;
  for (const auto& v : recorder.views) {
    if (!v.waiting_for_key) continue;
    auto layout = screen.layout(v, 30, 5);
    CHECK(has_role(layout, Role::time));
    count = layout.cue_pages;
    std::string text;
    for (const auto& l : layout.lines) {
      if (l.role == Role::cue) text += l.text + " ";
    }
    pages[layout.cue_page] = text;
  }
  REQUIRE(count > 1);
  CHECK(pages.size() == static_cast<std::size_t>(count));  // 40 s of waiting: every page shown
  std::vector<std::string> words;
  for (auto& [page, text] : pages) {
    auto got = words_of(text);
    REQUIRE_FALSE(got.empty());
    if (page + 1 < count) got.back().erase(got.back().size() - std::string("…").size());
    words.insert(words.end(), got.begin(), got.end());
  }
  CHECK(words == words_of(kThoracicCue));
}

TEST_CASE("during a climb the key help names e, right after the pain key, and the top is said") {
  Routine r = routine();  // a climb: up four positions from the base of the rib cage
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  auto joined = [&](int columns) {
    std::string all;
    for (auto& l : screen.frame(s.view(), columns, 30)) all += l + "\n";
    return all;
  };
  s.advance(6s);
  CHECK(joined(120).find("! sharp pain") != std::string::npos);
  CHECK(joined(120).find("e at the top") != std::string::npos);
  CHECK(joined(120).find("! sharp pain") < joined(120).find("e at the top"));
  Routine flat = r;
  flat.steps[0].move.reset();  // no direction declared: no climb to end
  Session other(flat, make_plan(flat), log);
  other.start(0ms);
  other.advance(6s);
  platform::AnsiScreen flat_screen(stdout, flat, {});
  std::string shown;
  for (auto& l : flat_screen.frame(other.view(), 120, 30)) shown += l + "\n";
  CHECK(shown.find("e at the top") == std::string::npos);
  CHECK(shown.find("! sharp pain") != std::string::npos);
}

namespace {

// The rows a frame wrote: each row is put at its own position ("ESC[row;1H").
std::size_t rows_written(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(";1H", at)) != std::string::npos; at += 3) ++n;
  return n;
}

}  // namespace

// Issue 31: every row was sent four times a second, 8.5 KB a frame at 200x60, when a median of 2
// rows changed; tests/bench/screen_bytes.sh measures the bytes a minute.
TEST_CASE("the full screen sends only the rows that changed, and nothing while nothing changes") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  Capture out;  // not a terminal: drawn at 80x24
  platform::AnsiScreen screen(out.file, r, {});
  screen.show(s.start(0ms), s.view());
  std::size_t first = out.text().size();
  std::size_t all_rows = rows_written(out.text());
  CHECK(all_rows >= 20);
  // The same moment again: not a byte.
  screen.show({}, s.view());
  CHECK(out.text().size() == first);
  // A quarter of a second on, in the hold: the band, the digits and the bars change, not the
  // title, the step, the cue or the key help.
  s.advance(7000ms);
  screen.show({}, s.view());
  std::size_t before = out.text().size();
  s.advance(7250ms);
  screen.show({}, s.view());
  std::string frame = out.text().substr(before);
  CAPTURE(frame);
  CHECK(rows_written(frame) > 0);
  CHECK(rows_written(frame) < all_rows / 2);
  CHECK(frame.find("Thoracic extension · position 1 of 4") == std::string::npos);
  CHECK(frame.find("! sharp pain") == std::string::npos);
  // Paused, the screen stands still and so do the bytes.
  s.command(Command::toggle_pause, 7300ms);
  screen.show({}, s.view());
  std::size_t paused = out.text().size();
  screen.show({}, s.view());
  screen.show({}, s.view());
  CHECK(out.text().size() == paused);
  // After a resize or Ctrl-Z the terminal may have lost it all: every row is sent again.
  screen.repaint();
  screen.show({}, s.view());
  CHECK(rows_written(out.text().substr(paused)) >= 20);
}

TEST_CASE("paused, the phase and the question are one panel the width of the screen") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  s.advance(7000ms);
  s.command(Command::toggle_pause, 7000ms);
  Capture out;  // 80 columns
  platform::AnsiOptions colour;
  colour.color = true;
  platform::AnsiScreen screen(out.file, r, colour);
  screen.show({}, s.view());
  std::string text = out.text();
  // Each row of the panel in reverse video, padded to the full 80 columns before the style ends.
  for (const char* words : {"the timer is stopped · space to go on", "PAUSED"}) {
    CAPTURE(words);
    auto at = text.find(words);
    REQUIRE(at != std::string::npos);
    auto row_start = text.rfind(";1H\x1b[2K", at);
    REQUIRE(row_start != std::string::npos);
    auto end = text.find("\x1b[0m", at);
    REQUIRE(end != std::string::npos);
    std::string row = text.substr(row_start + 7, end - row_start - 7);
    // Drop the style's own escape sequences to measure the text.
    std::string plain;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == '\x1b') {
        while (i < row.size() && row[i] != 'm') ++i;
        continue;
      }
      plain += row[i];
    }
    CHECK(display_width(plain) == 80);
  }
}

TEST_CASE("the figure: beside the countdown and in the get-ready, coloured by ink, none when off") {
  Routine r = thoracic();
  NullSessionLog log;
  Session s(r, make_plan(r), log);
  s.start(0ms);
  platform::AnsiScreen screen(stdout, r, {});
  auto ready = screen.layout(view_at(s, 1000ms), 120, 40);
  CHECK(ready.figure_rows >= 10);
  auto holding = screen.layout(view_at(s, 7000ms), 200, 60);
  CHECK(holding.figure_beside_digits);
  CHECK(holding.digit_rows >= 20);
  // Braille on UTF-8.
  bool braille = false;
  for (const auto& l : holding.lines) {
    for (const auto& run : l.figure)
      braille = braille || run.text.find("\xe2\xa0") == 0 ||
                run.text.find("\xe2\xa1") != std::string::npos ||
                run.text.find("\xe2\xa3") != std::string::npos;
  }
  CHECK(braille);
  // Off (as the caller asks on a terminal that cannot draw it): nothing of it.
  platform::AnsiOptions off;
  off.figures = false;
  platform::AnsiScreen plain(stdout, r, off);
  CHECK(plain.layout(view_at(s, 7000ms), 200, 60).figure_rows == 0);
  // In colour, the roller and the motion have inks of their own.
  Capture out;
  platform::AnsiOptions colour;
  colour.color = true;
  platform::AnsiScreen coloured(out.file, r, colour);
  coloured.show({}, view_at(s, 7000ms));
  CHECK(out.text().find("\x1b[33m") != std::string::npos);  // the roller, yellow
}

TEST_CASE("with the voice the total says + speech, and a get-ready that waits says why") {
  Routine r = thoracic();
  NullSessionLog log;
  SessionOptions options;
  options.speech_wait = 20s;
  Session s(r, make_plan(r), log, options);
  s.set_speaking(true);
  s.start(0ms);
  s.advance(5000ms);
  REQUIRE(s.view().waiting_for_speech);
  platform::AnsiOptions voice;
  voice.voice = true;
  platform::AnsiScreen screen(stdout, r, voice);
  std::string all;
  for (const auto& l : screen.frame(s.view(), 80, 24)) all += l + "\n";
  CHECK(all.find("left + speech") != std::string::npos);
  CHECK(all.find("listen") != std::string::npos);
  CHECK(all.find("0:01") != std::string::npos);
}

// The full terminal screen: read from two metres away, lying on the floor.
#include <fmt/color.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "roll/duration.hpp"
#include "roll/text.hpp"

namespace roll::platform {

namespace {

// 3x5 block glyphs; each cell is drawn two columns wide so the digits stay square-ish.
constexpr std::array<std::array<const char*, 5>, 11> kGlyphs{{
    {"###", "# #", "# #", "# #", "###"},  // 0
    {" # ", "## ", " # ", " # ", "###"},  // 1
    {"###", "  #", "###", "#  ", "###"},  // 2
    {"###", "  #", "###", "  #", "###"},  // 3
    {"# #", "# #", "###", "  #", "  #"},  // 4
    {"###", "#  ", "###", "  #", "###"},  // 5
    {"###", "#  ", "###", "# #", "###"},  // 6
    {"###", "  #", "  #", "  #", "  #"},  // 7
    {"###", "# #", "###", "# #", "###"},  // 8
    {"###", "# #", "###", "  #", "###"},  // 9
    {" ", "#", " ", "#", " "},            // :
}};

std::vector<std::string> big_text(const std::string& text) {
  std::vector<std::string> rows(5);
  bool first = true;
  for (char c : text) {
    int index = c == ':' ? 10 : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (index < 0) continue;
    for (int r = 0; r < 5; ++r) {
      if (!first) rows[r] += "  ";
      for (const char* p = kGlyphs[index][r]; *p; ++p) rows[r] += *p == '#' ? "██" : "  ";
    }
    first = false;
  }
  return rows;
}

// Cuts sanitized text to `width` columns, one code point at a time.
std::string fit(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0xf0) {
      len = 4;
    } else if (byte >= 0xe0) {
      len = 3;
    } else if (byte >= 0xc0) {
      len = 2;
    }
    std::string cp = text.substr(i, len);
    std::size_t w = display_width(cp);
    if (used + w > width) break;
    out += cp;
    used += w;
    i += len;
  }
  return out;
}

std::string bar(double fill, std::size_t width) {
  fill = std::clamp(fill, 0.0, 1.0);
  auto full = static_cast<std::size_t>(std::lround(fill * static_cast<double>(width)));
  std::string out;
  for (std::size_t i = 0; i < width; ++i) out += i < full ? "█" : "░";
  return out;
}

std::string center(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  if (w >= width) return text;
  return std::string((width - w) / 2, ' ') + text;
}

std::string spread(const std::string& left, const std::string& right, std::size_t width) {
  std::size_t used = display_width(left) + display_width(right);
  if (used + 1 > width) return left;
  return left + std::string(width - used, ' ') + right;
}

std::string side_text(const SessionView& v, const Step& step) {
  std::string out;
  if (v.side != Side::none) out += fmt::format(" · {}", to_string(v.side));
  if (step.positions > 1) out += fmt::format(" · position {} of {}", v.position, step.positions);
  return out;
}

int seconds_up(Millis m) {
  return static_cast<int>((m.count() + 999) / 1000);
}

}  // namespace

std::optional<Millis> AnsiScreen::redraw_every() const {
  // Four frames a second of real time keep the breath bar smooth; faster would only cost CPU.
  double scale = std::max(1.0, options_.speed);
  return Millis{static_cast<Millis::rep>(250.0 * scale)};
}

std::vector<std::string> AnsiScreen::frame(const SessionView& v, int columns, int rows) const {
  auto width = static_cast<std::size_t>(std::max(columns, 10));
  std::vector<std::string> top, middle, bottom;
  if (routine_.steps.empty()) return {"(empty routine)"};
  const Step& step = routine_.steps[std::min(v.step, routine_.steps.size() - 1)];

  top.push_back(spread(sanitize(routine_.title), clock_time(v.total_left) + " left", width));
  if (v.get_ready) {
    top.push_back("get ready · " + get_ready_text(routine_, v));
  } else {
    std::string changed;
    if (v.hold_change != Millis{0}) {
      changed = fmt::format(" · {:+} s", v.hold_change.count() / 1000);
    }
    top.push_back(fmt::format("step {}/{} · {}{}{}", v.step + 1, v.step_count, sanitize(step.name),
                              side_text(v, step), changed));
  }
  std::vector<std::string> cue;
  if (!step.cue.empty()) {
    std::string wrapped = wrap(sanitize(step.cue), width);
    std::size_t start = 0;
    while (start <= wrapped.size() && cue.size() < 3) {
      auto nl = wrapped.find('\n', start);
      cue.push_back(wrapped.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  std::string countdown = clock_time(v.block_left);
  std::vector<std::string> digits = big_text(countdown);

  std::string pacer;
  double pacer_fill = v.breath_fill;
  if (v.get_ready) {
    pacer = fmt::format("get ready  {} s", seconds_up(v.phase_left));
    pacer_fill = v.block_progress;
  } else if (v.phase == Phase::rep_up || v.phase == Phase::rep_down) {
    pacer = fmt::format("{}   rep {} of {}", phase_words(v.phase), v.number, v.count);
  } else if (v.phase == Phase::steady) {
    pacer = step.kind == StepKind::movement ? "move slowly, breathe freely" : "breathe freely";
    pacer_fill = v.block_progress;
  } else {
    pacer = fmt::format("{}  {} s", phase_words(v.phase), seconds_up(v.phase_left));
    if (step.unit == TimingUnit::breaths) {
      pacer += fmt::format("   breath {} of {}", v.number, v.count);
    }
  }
  std::size_t bar_width = std::min<std::size_t>(width > 16 ? width - 16 : 4, 60);
  middle.push_back(pacer);
  middle.push_back(bar(pacer_fill, bar_width));
  middle.push_back("");
  middle.push_back(
      fmt::format("step   {}  {}", bar(v.block_progress, bar_width), clock_time(v.block_left)));
  middle.push_back(fmt::format("total  {}  {} left", bar(v.total_progress, bar_width),
                               clock_time(v.total_left)));

  if (v.confirming_quit) {
    bottom.push_back("End the session?  y or q: yes    any other key: go on");
  } else if (v.paused) {
    bottom.push_back("PAUSED · the timer is stopped · space to go on");
  } else if (v.waiting_for_key) {
    bottom.push_back("READY? · the timer waits · space or Enter to start");
  } else if (!notice_.empty()) {
    bottom.push_back(notice_);
  } else if (v.last_pressure) {
    bottom.push_back(fmt::format("pressure {}/10", *v.last_pressure));
  } else {
    bottom.push_back("");
  }
  bottom.push_back(
      "space pause · n next · b restart · q quit · ! pain · 1-9,0 pressure · +/- 15 s");

  // Fit to the height: the big digits first, then the cue, then the spacing go when there is no
  // room; the countdown itself always stays.
  auto height = static_cast<std::size_t>(std::max(rows, 1));
  std::size_t fixed = top.size() + middle.size() + bottom.size();
  bool big = fixed + digits.size() + 2 <= height && display_width(digits[0]) + 2 <= width;
  std::size_t room = height - std::min(height, fixed + (big ? digits.size() + 2 : 2));
  if (cue.size() > room) cue.resize(room);

  std::vector<std::string> lines = top;
  lines.insert(lines.end(), cue.begin(), cue.end());
  lines.push_back("");
  if (big) {
    for (auto& d : digits) lines.push_back(center(d, width));
    lines.push_back("");
  } else {
    lines.push_back(center(countdown + (v.get_ready ? " to go" : " left"), width));
  }
  lines.insert(lines.end(), middle.begin(), middle.end());
  lines.push_back("");
  lines.insert(lines.end(), bottom.begin(), bottom.end());
  if (lines.size() > height) lines.resize(height);
  for (auto& line : lines) line = fit(line, width);
  return lines;
}

void AnsiScreen::show(const std::vector<Event>& events, const SessionView& view) {
  bool ring = false;
  for (const auto& e : events) {
    if (e.kind == EventKind::step || e.kind == EventKind::tick) ring = true;
    if (e.kind == EventKind::ease_off) notice_ = ease_off_advice();
    if (e.kind == EventKind::step || e.kind == EventKind::get_ready) notice_.clear();
  }
  if (view.finished) return;  // the summary is printed on the normal screen
  auto size = terminal_size(::fileno(out_));
  auto lines = frame(view, size.columns, size.rows);
  std::string out = "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (options_.color) {
      if (i == 0) {
        line = fmt::format(fmt::emphasis::bold, "{}", line);
      } else if (line.starts_with("PAUSED") || line.starts_with("End the session") ||
                 line.starts_with("READY?")) {
        line = fmt::format(fmt::emphasis::reverse, "{}", line);
      } else if (line.starts_with("ease off")) {
        line = fmt::format(fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold, "{}", line);
      } else if (line.starts_with("breathe in")) {
        line = fmt::format(fmt::fg(fmt::terminal_color::cyan) | fmt::emphasis::bold, "{}", line);
      } else if (line.starts_with("breathe out")) {
        line = fmt::format(fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold, "{}", line);
      }
    }
    out += line;
    out += "\x1b[K";
    if (i + 1 < lines.size()) out += "\r\n";
  }
  out += "\x1b[J";
  if (ring && options_.bell) out += '\a';
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

}  // namespace roll::platform

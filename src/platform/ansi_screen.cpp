// The full terminal screen: read from two metres away, lying on the floor.
#include <fmt/color.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>

#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "roll/duration.hpp"
#include "roll/layout.hpp"
#include "roll/session_wording.hpp"
#include "roll/text.hpp"

namespace roll::platform {

namespace {

std::string side_text(const SessionView& v, const Step& step) {
  std::string out;
  if (v.side != Side::none) out += fmt::format(" · {}", to_string(v.side));
  if (step.positions > 1) out += fmt::format(" · position {} of {}", v.position, step.positions);
  return out;
}

int seconds_up(Millis m) {
  return static_cast<int>((m.count() + 999) / 1000);
}

std::string upper(std::string text) {
  for (auto& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The style of each part of the screen, by its role; the text itself is never looked at.
fmt::text_style style_of(const LayoutLine& line, const SessionView& v) {
  using fmt::emphasis;
  using fmt::terminal_color;
  switch (line.role) {
    case Role::title:
    case Role::time:
      return emphasis::bold;
    case Role::notice:
      return fmt::fg(terminal_color::red) | emphasis::bold;
    case Role::prompt:
      return emphasis::reverse | emphasis::bold;
    case Role::phase:
      if (v.paused || v.confirming_quit) return emphasis::reverse | emphasis::bold;
      switch (v.phase) {
        case Phase::inhale:
          return fmt::fg(terminal_color::cyan) | emphasis::bold;
        case Phase::exhale:
          return fmt::fg(terminal_color::green) | emphasis::bold;
        case Phase::hold_in:
        case Phase::hold_out:
          return fmt::fg(terminal_color::yellow) | emphasis::bold;
        default:
          return emphasis::bold;
      }
    case Role::bar:
    case Role::keys:
      return emphasis::faint;
    default:
      return {};
  }
}

}  // namespace

std::optional<Millis> AnsiScreen::redraw_every() const {
  // Four frames a second of real time keep the breath band smooth; faster would only cost CPU.
  double scale = std::max(1.0, options_.speed);
  return Millis{static_cast<Millis::rep>(250.0 * scale)};
}

LayoutInput AnsiScreen::layout_input(const SessionView& v, int columns, int rows) const {
  LayoutInput in;
  in.columns = columns;
  in.rows = rows;
  in.utf8 = options_.utf8;
  const Step& step = routine_.steps[std::min(v.step, routine_.steps.size() - 1)];

  in.title = sanitize(routine_.title);
  in.total = clock_time(v.total_left) + " left";
  if (v.get_ready) {
    in.step = "get ready · " + get_ready_text(routine_, v);
  } else {
    std::string changed;
    if (v.hold_change != Millis{0})
      changed = fmt::format(" · {:+} s", v.hold_change.count() / 1000);
    in.step = fmt::format("step {}/{} · {}{}{}", v.step + 1, v.step_count, sanitize(step.name),
                          side_text(v, step), changed);
  }
  in.cue = sanitize(step_cue(routine_, step));
  in.full_cue = v.get_ready;
  in.block_length_ms = v.block_length.count();
  in.block_elapsed_ms = (v.block_length - v.block_left).count();
  if (v.waiting_for_key) {
    // --ready key: the get-ready has no length; its pages turn on the time it has waited.
    in.block_length_ms = 0;
    in.block_elapsed_ms = v.waited.count();
  }
  in.time = clock_time(v.block_left);
  in.time_label = v.get_ready ? " to go" : " left";

  in.phase_fill = v.breath_fill;
  if (v.confirming_quit || v.paused) {
    in.shape = PhaseShape::paused;
    in.phase_word = "PAUSED";
    in.phase_text = "PAUSED";
  } else if (v.get_ready && v.waiting_for_key) {
    in.shape = PhaseShape::ready;
    in.phase_word = "READY?";
    in.phase_text = "READY? · the timer waits";
  } else if (v.get_ready) {
    in.shape = PhaseShape::ready;
    in.phase_word = "READY";
    in.phase_text = fmt::format("GET READY  {} s", seconds_up(v.phase_left));
  } else if (v.phase == Phase::rep_up || v.phase == Phase::rep_down) {
    bool up = v.phase == Phase::rep_up;
    in.shape = up ? PhaseShape::up : PhaseShape::down;
    // The way this step's repetition goes ("DOWN" then "BACK" on the lats), not always up first.
    std::string word = rep_said(v.phase, &step);
    if (!word.empty() && word.back() == '.') word.pop_back();
    in.phase_word = upper(word);
    in.phase_text =
        fmt::format("{}   rep {} of {}", upper(phase_words(v.phase, &step)), v.number, v.count);
    const double left = static_cast<double>(v.phase_left.count());
    const double length = std::max(1.0, static_cast<double>(v.phase_length.count()));
    in.phase_fill = up ? 1.0 - left / length : left / length;
  } else if (v.phase == Phase::steady) {
    bool moving = step.kind == StepKind::movement;
    in.shape = PhaseShape::steady;
    in.phase_word = moving ? "MOVE" : "";
    in.phase_text = moving ? "MOVE SLOWLY, BREATHE FREELY" : "BREATHE FREELY";
    in.phase_fill = v.block_progress;
  } else {
    in.shape = v.phase == Phase::inhale   ? PhaseShape::in
               : v.phase == Phase::exhale ? PhaseShape::out
                                          : PhaseShape::hold;
    in.phase_word = v.phase == Phase::inhale ? "IN" : v.phase == Phase::exhale ? "OUT" : "HOLD";
    in.phase_text =
        fmt::format("{}  {} s", upper(phase_words(v.phase, &step)), seconds_up(v.phase_left));
    if (step.unit == TimingUnit::breaths) {
      in.phase_text += fmt::format("   breath {} of {}", v.number, v.count);
    }
  }

  if (v.confirming_quit) {
    in.notice = "End the session?  y or q: yes · any other key: go on";
    in.notice_is_prompt = true;
  } else if (v.paused) {
    in.notice = "the timer is stopped · space to go on";
    in.notice_is_prompt = true;
  } else if (v.waiting_for_key) {
    in.notice = "READY? · the timer waits · space or Enter to start";
    in.notice_is_prompt = true;
  } else if (!notice_.empty()) {
    in.notice = notice_;
  }
  if (v.last_pressure) in.status = fmt::format("pressure {}/10", *v.last_pressure);
  in.bars = {{"step", v.block_progress, clock_time(v.block_left)},
             {"total", v.total_progress, clock_time(v.total_left) + " left"}};
  // The pain key first: when only part of the help fits, it is the one that must.
  in.keys = {"! sharp pain", "space pause",    "q quit",  "n next",
             "b restart",    "1-9,0 pressure", "+/- 15 s"};
  // During a climb, the key that ends it at the top of the shoulders comes right after the pain
  // key: it is what keeps the roller off the neck on a shorter back.
  if (is_climb(step)) in.keys.insert(in.keys.begin() + 1, "e at the top");

  if (!in.utf8) {
    for (auto* text :
         {&in.title, &in.total, &in.step, &in.cue, &in.notice, &in.phase_text, &in.status}) {
      *text = to_ascii(*text);
    }
  }
  return in;
}

Layout AnsiScreen::layout(const SessionView& view, int columns, int rows) const {
  if (routine_.steps.empty()) return {{{"(empty routine)", Role::step}}, 0, false};
  return lay_out(layout_input(view, columns, rows));
}

std::vector<std::string> AnsiScreen::frame(const SessionView& view, int columns, int rows) const {
  std::vector<std::string> lines;
  for (auto& line : layout(view, columns, rows).lines) lines.push_back(line.text);
  return lines;
}

void AnsiScreen::show(const std::vector<Event>& events, const SessionView& view) {
  bool ring = false;
  for (const auto& e : events) {
    if (e.kind == EventKind::step || e.kind == EventKind::tick) ring = true;
    if (e.kind == EventKind::ease_off) notice_ = ease_off_advice();
    if (e.kind == EventKind::step || e.kind == EventKind::get_ready) notice_.clear();
    if (e.kind == EventKind::climb_ended) notice_ = event_text(routine_, e);
  }
  if (view.finished) return;  // the summary is printed on the normal screen
  auto size = terminal_size(::fileno(out_));
  auto lines = layout(view, size.columns, size.rows).lines;
  // Each row is put at its own position, never reached by a line feed: with auto-wrap off
  // (RawTerminal) a row wider than the layout measured is clipped at the margin, and nothing
  // can scroll the title and the step line off the top. The row is cleared before it is drawn:
  // cleared after, a row as wide as the screen would lose its last column, where the cursor
  // stays when it cannot wrap.
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    out += fmt::format("\x1b[{};1H\x1b[2K", i + 1);
    if (options_.color && !line.text.empty()) {
      out += fmt::format(style_of(line, view), "{}", line.text);
    } else {
      out += line.text;
    }
  }
  // The rows below the last one drawn, if any: from the start of the next row, which clears
  // nothing of the last.
  if (lines.size() < static_cast<std::size_t>(std::max(size.rows, 1))) {
    out += fmt::format("\x1b[{};1H\x1b[J", lines.size() + 1);
  }
  if (ring && options_.bell) out += '\a';
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

}  // namespace roll::platform

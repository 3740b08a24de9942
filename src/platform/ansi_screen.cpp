// The full terminal screen: read from two metres away, lying on the floor.
#include <fmt/color.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>

#include "platform/screens.hpp"
#include "platform/terminal.hpp"
#include "roll/duration.hpp"
#include "roll/figure.hpp"
#include "roll/layout.hpp"
#include "roll/pace.hpp"
#include "roll/pose.hpp"
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

// The figure's inks: the body plain, the roller in a colour of its own, the motion in another, the
// far limbs, the ghost and the floor faint behind them.
fmt::text_style ink_style(FigureInk ink) {
  using fmt::emphasis;
  using fmt::terminal_color;
  switch (ink) {
    case FigureInk::body:
      return emphasis::bold;
    case FigureInk::prop:
      return fmt::fg(terminal_color::yellow);
    case FigureInk::arrow:
      return fmt::fg(terminal_color::cyan) | emphasis::bold;
    case FigureInk::far:
    case FigureInk::ghost:
    case FigureInk::floor:
      return emphasis::faint;
  }
  return {};
}

// The step's figure, the same one `roll show` and the hand-out draw: the pose the step names, or
// the one its kind, zone, side and orientation give, on the routine's tool, with the way between
// its positions as an arrow.
Drawing figure_of(const Step& step, Roller roller) {
  StepFigure figure = step_figure(step);
  return draw_pose(figure.pose, prop_for(roller), figure.travel);
}

}  // namespace

AnsiScreen::AnsiScreen(std::FILE* out, const Routine& routine, AnsiOptions options)
    : out_(out), routine_(routine), options_(options) {
  if (options_.figures) {
    for (const Step& step : routine_.steps) figures_.push_back(figure_of(step, routine_.roller));
  }
}

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
  // The whole session, get-readies included (the summary counts only the work); with the voice
  // each get-ready also waits for its words, which no plan can know.
  in.total = clock_time(v.total_left) + (options_.voice ? " left + speech" : " left in all");
  if (v.step < figures_.size()) in.figure = &figures_[v.step];
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
  } else if (v.waiting_for_speech) {
    in.shape = PhaseShape::ready;
    in.phase_word = "READY";
    in.phase_text = "GET READY · listen: the hold starts after the cue";
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
  // A roll shows how slowly: a marker travelling its stroke at its pace.
  if (auto pace = roll_pace(step); pace && !v.get_ready && !v.paused && !v.confirming_quit) {
    if (pace->from_reps) {
      if (v.phase == Phase::rep_up || v.phase == Phase::rep_down) in.stroke = in.phase_fill;
    } else {
      in.stroke = stroke_position(*pace, v.block_length - v.block_left);
    }
    if (in.stroke) in.stroke_text = pace_words(*pace);
  }
  if (v.last_pressure) in.status = fmt::format("pressure {}/10", *v.last_pressure);
  in.bars = {{"step", v.block_progress, clock_time(v.block_left)},
             {"total", v.total_progress, in.total}};
  // The pain key first: when only part of the help fits, it is the one that must.
  in.keys = {"! sharp pain", "space pause",    "q quit",  "n next",
             "b restart",    "1-9,0 pressure", "+/- 15 s"};
  // During a climb, the key that ends it at the top of the shoulders comes right after the pain
  // key: it is what keeps the roller off the neck on a shorter back.
  if (is_climb(step)) in.keys.insert(in.keys.begin() + 1, "e at the top");

  if (!in.utf8) {
    for (auto* text : {&in.title, &in.total, &in.step, &in.cue, &in.notice, &in.phase_text,
                       &in.status, &in.stroke_text}) {
      *text = to_ascii(*text);
    }
  }
  return in;
}

Layout AnsiScreen::layout(const SessionView& view, int columns, int rows) const {
  if (view.finished) {
    // The end, read from the floor: what happened and the one next thing, in the middle of the
    // screen, and how to go on to the summary on the last row.
    EndWords end = end_words(view.status, routine_);
    Layout layout;
    std::string more = "any key: the summary";
    auto banner = end_banner(end.headline, end.next, columns, std::max(rows - 2, 1), options_.utf8);
    std::size_t height = static_cast<std::size_t>(std::max(rows, 1));
    std::size_t used = std::min(banner.size() + 2, height);
    for (std::size_t i = 0; i < (height - used) / 2; ++i)
      layout.lines.emplace_back("", Role::blank);
    for (auto& row : banner) {
      if (layout.lines.size() + 2 >= height) break;
      layout.lines.emplace_back(std::move(row), Role::title);
    }
    while (layout.lines.size() + 1 < height) layout.lines.emplace_back("", Role::blank);
    layout.lines.emplace_back(fit_line(more, static_cast<std::size_t>(std::max(columns, 1)), ""),
                              Role::keys);
    return layout;
  }
  if (routine_.steps.empty()) {
    Layout empty;
    empty.lines.emplace_back("(empty routine)", Role::step);
    return empty;
  }
  return lay_out(layout_input(view, columns, rows));
}

std::vector<std::string> AnsiScreen::frame(const SessionView& view, int columns, int rows) const {
  std::vector<std::string> lines;
  for (auto& line : layout(view, columns, rows).lines) lines.push_back(line.full_text());
  return lines;
}

std::vector<std::string> AnsiScreen::rows_of(const Layout& layout, const SessionView& view,
                                             int columns) const {
  bool color = options_.color;
  // Paused, the phase and the question are one panel in reverse video, the width of the screen.
  bool panel = view.paused || view.confirming_quit;
  auto width = static_cast<std::size_t>(std::max(columns, 1));
  std::vector<std::string> out;
  for (const auto& line : layout.lines) {
    std::string row;
    if (!line.figure.empty() || line.text_column > 0) {
      row.append(line.figure_column, ' ');
      std::size_t at = line.figure_column;
      for (const auto& run : line.figure) {
        bool blank = run.text.find_first_not_of(' ') == std::string::npos;
        row += color && !blank ? fmt::format(ink_style(run.ink), "{}", run.text) : run.text;
        at += display_width(run.text);
      }
      if (!line.text.empty()) {
        row.append(line.text_column > at ? line.text_column - at : 0, ' ');
        row += color ? fmt::format(style_of(line, view), "{}", line.text) : line.text;
      }
    } else {
      std::string text = line.text;
      if (panel && (line.role == Role::phase || line.role == Role::prompt)) {
        std::size_t w = display_width(text);
        if (w < width) text.append(width - w, ' ');
      }
      if (color && !text.empty()) {
        row = fmt::format(style_of(line, view), "{}", text);
      } else {
        row = text;
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

void AnsiScreen::show(const std::vector<Event>& events, const SessionView& view) {
  bool ring = false;
  for (const auto& e : events) {
    if (e.kind == EventKind::step || e.kind == EventKind::tick) ring = true;
    if (e.kind == EventKind::ease_off) notice_ = ease_off_advice(e.aim);
    if (e.kind == EventKind::hold_at_most) notice_ = event_text(routine_, e);
    if (e.kind == EventKind::step || e.kind == EventKind::get_ready) notice_.clear();
    if (e.kind == EventKind::climb_ended) notice_ = event_text(routine_, e);
  }
  // A finished session: the end in big letters when it ran to its end (the person may still be
  // on the floor); else nothing more here, since whoever quit or stopped is at the keys and the
  // summary is printed on the normal screen.
  bool ran_out = view.status == SessionStatus::completed || view.status == SessionStatus::partial;
  if (view.finished && !(ran_out && options_.end_screen)) return;
  showing_end_ = view.finished;
  auto size = terminal_size(::fileno(out_));
  int rows = std::max(size.rows, 1);
  auto lines = rows_of(layout(view, size.columns, rows), view, size.columns);
  if (size.columns != drawn_columns_ || rows != drawn_rows_) drawn_.clear();
  bool whole = drawn_.empty();
  // Each row is put at its own position, never reached by a line feed: with auto-wrap off
  // (RawTerminal) a row wider than the layout measured is clipped at the margin, and nothing
  // can scroll the title and the step line off the top. The row is cleared before it is drawn:
  // cleared after, a row as wide as the screen would lose its last column, where the cursor
  // stays when it cannot wrap. Only the rows that changed are sent: a frame a quarter of a second
  // is mostly the same rows, and over SSH every byte counts.
  std::string out;
  auto rows_drawn = static_cast<std::size_t>(rows);
  if (whole) drawn_.assign(rows_drawn, std::string(1, '\0'));  // nothing matches: all sent
  for (std::size_t i = 0; i < rows_drawn; ++i) {
    const std::string& row = i < lines.size() ? lines[i] : std::string();
    if (drawn_[i] == row) continue;
    if (whole && i >= lines.size()) {
      // The rows below the last one, from the start of the next row: clears nothing of the last.
      out += fmt::format("\x1b[{};1H\x1b[J", i + 1);
      for (std::size_t j = i; j < rows_drawn; ++j) drawn_[j].clear();
      break;
    }
    out += fmt::format("\x1b[{};1H\x1b[2K", i + 1);
    out += row;
    drawn_[i] = row;
  }
  drawn_columns_ = size.columns;
  drawn_rows_ = rows;
  if (ring && options_.bell) out += '\a';
  if (out.empty()) return;  // nothing changed: nothing to send
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

}  // namespace roll::platform

#include "roll/layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "roll/block_letters.hpp"
#include "roll/text.hpp"

namespace roll {

namespace {

// roll's own readings, not an article's. The digits keep at least a third of the rows during a
// hold (10 at 80x24, 20 at 200x60), and never more than 60% (the rest is read at a glance). A
// figure beside them wants a third of the width and gets at least kFigureColumns; in the get-ready
// at least kFigureRows rows.
constexpr std::size_t kFigureColumns = 24;
constexpr std::size_t kFigureRows = 4;
constexpr std::size_t kFigureGap = 4;  // columns between the digits and the figure

std::string center(const std::string& text, std::size_t width) {
  std::size_t w = display_width(text);
  if (w >= width) return text;
  return std::string((width - w) / 2, ' ') + text;
}

std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

// The band: a full-width row whose pattern is the phase's shape (rising ramps breathing in,
// falling ramps breathing out, a flat line holding), drawn as far as the phase has gone, with the
// phase's words in the middle.
std::string band(const LayoutInput& in, std::size_t width, std::string_view ellipsis) {
  static constexpr std::array<const char*, 8> kRise{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  auto pattern = [&](std::size_t i) -> std::string {
    switch (in.shape) {
      case PhaseShape::in:
      case PhaseShape::up:
        return in.utf8 ? kRise[i % 8] : "/";
      case PhaseShape::out:
      case PhaseShape::down:
        return in.utf8 ? kRise[7 - i % 8] : "\\";
      case PhaseShape::hold:
        return in.utf8 ? "▄" : "=";
      case PhaseShape::steady:
        return "~";
      case PhaseShape::ready:
        return ">";
      case PhaseShape::paused:
        return "|";
    }
    return " ";
  };
  std::string text = fit_line(in.phase_text, width, ellipsis);
  std::size_t tw = display_width(text);
  if (tw + 2 >= width) return text;
  bool moving = in.shape != PhaseShape::paused && in.shape != PhaseShape::ready;
  double fill = moving ? std::clamp(in.phase_fill, 0.0, 1.0) : 1.0;
  auto drawn = static_cast<std::size_t>(std::lround(fill * static_cast<double>(width)));
  std::size_t left = (width - tw - 2) / 2;
  std::string out;
  for (std::size_t i = 0; i < width;) {
    if (i == left) {
      out += ' ' + text + ' ';
      i += tw + 2;
      continue;
    }
    out += i < drawn ? pattern(i) : " ";
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A roll's pace: a track the width of the stroke and a marker where the roller is on it, with the
// pace in words: "├─────●──────┤  1 inch each way, 1 s each way".
std::string pace_line(const LayoutInput& in, std::size_t width) {
  std::string words = "  " + in.stroke_text;
  std::size_t track = std::min<std::size_t>(
      41, width > display_width(words) + 2 ? width - display_width(words) - 2 : 0);
  if (track < 9) {
    words.clear();
    track = std::min<std::size_t>(41, width >= 2 ? width - 2 : 0);
  }
  if (track < 5) return "";
  double at = std::clamp(in.stroke.value_or(0), 0.0, 1.0);
  auto marker = static_cast<std::size_t>(std::lround(at * static_cast<double>(track - 1)));
  std::string line = in.utf8 ? "├" : "|";
  for (std::size_t i = 0; i < track; ++i) {
    line += i == marker ? (in.utf8 ? "●" : "O") : (in.utf8 ? "─" : "-");
  }
  line += in.utf8 ? "┤" : "|";
  return center(line + words, width);
}

std::string bar_line(const LayoutBar& b, std::size_t width, bool utf8, std::string_view ellipsis) {
  // "step   ████░░░░  0:29": the labels padded to one column so the bars line up.
  std::size_t lw = display_width(b.label);
  std::size_t pw = std::max<std::size_t>(lw, 5) + 2;
  std::size_t rw = display_width(b.right);
  std::size_t room = width > pw + 2 + rw ? width - pw - 2 - rw : 0;
  if (room < 4) return fit_line(b.label + " " + b.right, width, ellipsis);
  std::size_t bw = std::min<std::size_t>(room, 60);
  auto full =
      static_cast<std::size_t>(std::lround(std::clamp(b.fill, 0.0, 1.0) * static_cast<double>(bw)));
  std::string label = b.label + std::string(pw - lw, ' ');
  return label + repeat(utf8 ? "█" : "#", full) + repeat(utf8 ? "░" : "-", bw - full) + "  " +
         b.right;
}

std::string title_line(const LayoutInput& in, std::size_t width, std::string_view ellipsis) {
  std::size_t tw = display_width(in.total);
  if (tw > width) return fit_line(in.total, width, ellipsis);
  if (tw + 2 + 4 > width) return in.total;
  std::string title = fit_line(in.title, width - tw - 2, ellipsis);
  return title + std::string(width - display_width(title) - tw, ' ') + in.total;
}

// The key help on one line: the items in order of need, each whole, two spaces apart; an item that
// does not fit is left out and the next tried.
std::string key_line(const LayoutInput& in, std::size_t width) {
  std::string line;
  for (const auto& key : in.keys) {
    std::size_t need = display_width(key) + (line.empty() ? 0 : 2);
    if (display_width(line) + need > width) continue;
    line += (line.empty() ? "" : "  ") + key;
  }
  return line;
}

// The phase word's letters: the largest size (at most `max_size`) within `rows` and `width`.
int word_size(const std::string& word, std::size_t width, std::size_t rows, int max_size,
              bool utf8) {
  for (int size = max_size; size >= (utf8 ? 0 : 1); --size) {
    if (static_cast<std::size_t>(letter_rows(size)) <= rows && letters_width(word, size) <= width) {
      return size;
    }
  }
  return -1;
}

// The smallest size of the word at least `least` rows tall that fits `width`; -1 if none.
int word_size_at_least(const std::string& word, std::size_t width, int least, bool utf8) {
  for (int size = utf8 ? 0 : 1; size <= 12; ++size) {
    if (letter_rows(size) < least) continue;
    return letters_width(word, size) <= width ? size : -1;
  }
  return -1;
}

int digit_scale_floor(std::size_t rows) {
  return std::max(1, static_cast<int>((rows + 14) / 15));
}

// What both layouts have before they are put in order.
struct Parts {
  std::vector<std::string> notice, step, cue, bars;
  std::string key_help;
  bool has_title = false, has_band = false, has_pace = false, has_status = false;
};

struct Placed {
  std::vector<LayoutLine> top;     // title, step, cue
  std::vector<LayoutLine> middle;  // the time (and the figure beside it)
  std::vector<LayoutLine> phase;   // big word, band, pace, notice
  std::vector<LayoutLine> bottom;  // status, bars, keys
};

// Puts the groups in order with up to three gaps between them and what is still spare above and
// below, half each, so the screen sits in the middle of a tall window. The first gap goes between
// the time and the phase, so that the digits and a big word under them never read as one.
void assemble(Layout& layout, Placed& p, std::size_t height) {
  std::size_t used = p.top.size() + p.middle.size() + p.phase.size() + p.bottom.size();
  std::size_t left = height > used ? height - used : 0;
  std::size_t gaps = std::min<std::size_t>(left, 3);
  bool time_phase = gaps >= 1, top_time = gaps >= 2, phase_bottom = gaps >= 3;
  auto& out = layout.lines;
  for (std::size_t i = 0; i < (left - gaps) / 2; ++i) out.emplace_back("", Role::blank);
  auto gap = [&](bool wanted) {
    if (wanted) out.emplace_back("", Role::blank);
  };
  out.insert(out.end(), p.top.begin(), p.top.end());
  gap(top_time);
  out.insert(out.end(), p.middle.begin(), p.middle.end());
  gap(time_phase);
  out.insert(out.end(), p.phase.begin(), p.phase.end());
  gap(phase_bottom);
  out.insert(out.end(), p.bottom.begin(), p.bottom.end());
}

void put_phase(const LayoutInput& in, const Parts& parts, std::size_t width, int word,
               std::string_view ellipsis, Placed& p) {
  if (word >= 0) {
    for (auto& row : big_letters(in.phase_word, word, in.utf8)) {
      p.phase.push_back({center(row, width), Role::phase});
    }
  }
  if (parts.has_band) p.phase.push_back({band(in, width, ellipsis), Role::phase});
  if (parts.has_pace) p.phase.push_back({pace_line(in, width), Role::phase});
  for (const auto& l : parts.notice) {
    p.phase.push_back({l, in.notice_is_prompt ? Role::prompt : Role::notice});
  }
}

void put_bottom(const LayoutInput& in, const Parts& parts, std::size_t width,
                std::string_view ellipsis, Placed& p) {
  if (parts.has_status) p.bottom.push_back({fit_line(in.status, width, ellipsis), Role::status});
  for (const auto& l : parts.bars) p.bottom.push_back({l, Role::bar});
  if (!parts.key_help.empty()) p.bottom.push_back({parts.key_help, Role::keys});
}

void put_top(const LayoutInput& in, const Parts& parts, std::size_t width,
             std::string_view ellipsis, Placed& p) {
  if (parts.has_title) p.top.push_back({title_line(in, width, ellipsis), Role::title});
  for (const auto& l : parts.step) p.top.push_back({l, Role::step});
  for (const auto& l : parts.cue) p.top.push_back({l, Role::cue});
}

// The time in block digits of `scale` (or plain), with the figure beside it when there is one:
// the pair centred in the width, the figure's rows centred on the digits'.
void put_time(const LayoutInput& in, std::size_t width, int scale, const TextFigure* figure,
              Layout& layout, Placed& p) {
  std::vector<std::string> rows;
  if (scale > 0) {
    rows = block_digits(in.time, scale, in.utf8);
    layout.digit_rows = 5 * scale;
  } else {
    std::string plain = in.time + in.time_label;
    if (display_width(plain) > width) plain = in.time;
    rows.push_back(fit_line(plain, width, ""));
  }
  std::size_t time_width = 0;
  for (const auto& r : rows) time_width = std::max(time_width, display_width(r));
  bool beside = figure && !figure->lines.empty();
  if (!beside) {
    for (auto& r : rows) p.middle.push_back({center(r, width), Role::time});
    return;
  }
  std::size_t pair = figure->columns + kFigureGap + time_width;
  std::size_t start = width > pair ? (width - pair) / 2 : 0;
  std::size_t height = std::max(rows.size(), figure->lines.size());
  std::size_t time_top = (height - rows.size()) / 2;
  std::size_t figure_top = (height - figure->lines.size()) / 2;
  // The figure on the left, the time on its right: the figure looks at the digits.
  for (std::size_t i = 0; i < height; ++i) {
    LayoutLine line;
    line.role = Role::time;
    line.figure_column = start;
    if (i >= figure_top && i - figure_top < figure->lines.size()) {
      line.figure = figure->lines[i - figure_top];
    }
    line.text_column = start + figure->columns + kFigureGap;
    if (i >= time_top && i - time_top < rows.size()) line.text = rows[i - time_top];
    p.middle.push_back(std::move(line));
  }
  layout.figure_columns = figure->columns;
  layout.figure_rows = figure->lines.size();
}

}  // namespace

std::string LayoutLine::full_text() const {
  if (figure.empty() && text_column == 0) return text;
  std::string out(figure_column, ' ');
  for (const auto& run : figure) out += run.text;
  if (!text.empty()) {
    std::size_t w = display_width(out);
    out += std::string(text_column > w ? text_column - w : 0, ' ') + text;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t block_digits_width(const std::string& time, int scale) {
  return letters_width(time, std::max(scale, 1));
}

std::vector<std::string> block_digits(const std::string& time, int scale, bool utf8) {
  return big_letters(time, std::max(scale, 1), utf8);
}

namespace {

Layout lay_out_hold(const LayoutInput& in, Parts parts, std::size_t width, std::size_t height,
                    std::string_view ellipsis) {
  Layout layout;
  // The cue was read whole in the get-ready: here a line or two of it, more only from spare rows.
  auto cue_all = parts.cue;
  if (parts.cue.size() > 2) parts.cue = fit_lines(in.cue, width, 2, ellipsis);
  bool paced =
      in.shape == PhaseShape::in || in.shape == PhaseShape::out || in.shape == PhaseShape::hold;
  const std::string& word = in.phase_word;
  bool word_required = paced && !word.empty() && height >= 30;
  std::size_t key_rows = parts.key_help.empty() ? 0 : 1;
  std::size_t essential = parts.notice.size() + 1 + parts.step.size() + parts.cue.size();
  std::size_t comfort = essential + (parts.has_title ? 1 : 0) + (parts.has_status ? 1 : 0) +
                        (parts.has_pace ? 1 : 0) + parts.bars.size() + key_rows;

  // The digits: the largest scale that fits the width, 60% of the rows and what must stay; with
  // the breath word at least half their height where it is required.
  int scale = 0;
  int required_word = -1;
  auto fits = [&](int s, std::size_t others, bool with_word, int* w) {
    auto rows = static_cast<std::size_t>(5 * s);
    if (block_digits_width(in.time, s) > width || rows * 5 > height * 3) return false;
    std::size_t word_rows = 0;
    *w = -1;
    if (with_word) {
      *w = word_size_at_least(word, width, (5 * s + 1) / 2, in.utf8);
      if (*w < 0) return false;
      word_rows = static_cast<std::size_t>(letter_rows(*w)) + 1;  // and a row between
    }
    return rows + word_rows + others <= height;
  };
  for (auto [others, with_word] :
       {std::pair{comfort, word_required}, std::pair{essential, word_required},
        std::pair{essential, false}}) {
    for (int s = static_cast<int>(width / 26) + 1; s >= 1 && scale == 0; --s) {
      int w = -1;
      if (fits(s, others, with_word, &w)) {
        scale = s;
        required_word = w;
      }
    }
    if (scale > 0) break;
  }

  // The figure beside the digits: smaller digits for a wider figure, never below the floor.
  TextFigure figure;
  if (in.figure && scale > 0) {
    int floor = std::min(scale, digit_scale_floor(height));
    std::size_t wanted = std::max(kFigureColumns, width / 3);
    int chosen = 0;
    for (int s = scale; s >= floor && chosen == 0; --s) {
      if (block_digits_width(in.time, s) + kFigureGap + wanted <= width) chosen = s;
    }
    if (chosen == 0 && block_digits_width(in.time, floor) + kFigureGap + kFigureColumns <= width) {
      chosen = floor;
    }
    if (chosen > 0) {
      if (chosen != scale && word_required) {
        required_word = word_size_at_least(word, width, (5 * chosen + 1) / 2, in.utf8);
      }
      scale = chosen;
      std::size_t columns = width - block_digits_width(in.time, scale) - kFigureGap;
      figure = figure_text(*in.figure, columns, static_cast<std::size_t>(5 * scale), in.utf8);
      layout.figure_beside_digits = !figure.lines.empty();
    }
  }

  // Everything else in order of priority, each taking what is left.
  std::size_t left = height - (scale > 0 ? static_cast<std::size_t>(5 * scale) : 1);
  // The required word and the row between it and the digits.
  if (required_word >= 0) left -= static_cast<std::size_t>(letter_rows(required_word)) + 1;
  auto take = [&](std::string_view text, std::vector<std::string>& lines) {
    if (lines.size() > left) lines = fit_lines(text, width, left, ellipsis);
    left -= lines.size();
  };
  auto single = [&](bool& wanted) {
    if (wanted && left > 0) {
      --left;
    } else {
      wanted = false;
    }
  };
  take(in.notice, parts.notice);
  parts.has_band = left > 0;
  if (parts.has_band) --left;
  take(in.step, parts.step);
  take(in.cue, parts.cue);
  single(parts.has_title);
  single(parts.has_status);
  single(parts.has_pace);
  if (parts.bars.size() > left) parts.bars.resize(left);
  left -= parts.bars.size();
  if (key_rows > left) parts.key_help.clear();
  left -= parts.key_help.empty() ? 0 : 1;

  // Spare rows: the phase word bigger (up to three fifths of the digits' height, so the countdown
  // stays the largest thing on the screen), then more of the cue.
  int word_letters = required_word;
  if (parts.has_band && !word.empty()) {
    std::size_t room = left + (required_word >= 0 ? letter_rows(required_word) : 0);
    // One row of the spare ones is kept for a gap, so the word does not touch the digits (a
    // required word has its row kept already).
    std::size_t limit = required_word >= 0 ? room : room > 0 ? room - (room > 3 ? 1 : 0) : 0;
    if (scale > 0) {
      auto most = static_cast<std::size_t>(std::max(3 * scale, letter_rows(required_word)));
      limit = std::min(limit, most);
    }
    int max_size = scale > 0 ? scale : 1;
    int size = word_size(word, width, limit, max_size, in.utf8);
    if (size > word_letters) {
      left = room - static_cast<std::size_t>(letter_rows(size));
      word_letters = size;
    }
  }
  if (word_letters >= 0 && !parts.has_band) word_letters = -1;
  layout.big_phase = word_letters >= 0;
  layout.phase_rows = word_letters >= 0 ? letter_rows(word_letters) : 0;
  if (cue_all.size() > parts.cue.size() && left > 3) {
    parts.cue = fit_lines(in.cue, width, parts.cue.size() + left - 3, ellipsis);
  }

  Placed p;
  put_top(in, parts, width, ellipsis, p);
  put_time(in, width, scale, layout.figure_beside_digits ? &figure : nullptr, layout, p);
  put_phase(in, parts, width, word_letters, ellipsis, p);
  put_bottom(in, parts, width, ellipsis, p);
  assemble(layout, p, height);
  return layout;
}

Layout lay_out_get_ready(const LayoutInput& in, Parts parts, std::size_t width, std::size_t height,
                         std::string_view ellipsis) {
  Layout layout;
  // The time first (plain digits, one row), then the notice, the band, the step and the whole cue.
  std::size_t left = height - 1;
  auto take = [&](std::string_view text, std::vector<std::string>& lines) {
    if (lines.size() > left) lines = fit_lines(text, width, left, ellipsis);
    left -= lines.size();
  };
  take(in.notice, parts.notice);
  // Where the cue does not fit with the band and the step above it, the band gives its row (the
  // time left says the same), the step keeps one line, and the cue takes every row left, paged:
  // the pages share the get-ready, at most kCuePageMs each.
  bool page_cue = !in.cue.empty() && left > 0 && 1 + parts.step.size() + parts.cue.size() > left;
  parts.has_band = left > 0 && !page_cue;
  if (parts.has_band) --left;
  if (page_cue) {
    std::size_t step_rows = std::min(parts.step.size(), left > 1 ? left - 1 : std::size_t{0});
    parts.step = step_rows == 0 ? std::vector<std::string>{}
                                : fit_lines(in.step, width, step_rows, ellipsis);
    left -= parts.step.size();
    std::size_t ew = display_width(ellipsis);
    auto lines = fit_lines(in.cue, width > ew ? width - ew : 1, SIZE_MAX, ellipsis);
    std::size_t pages = (lines.size() + left - 1) / left;
    auto n = static_cast<long long>(pages);
    long long at = std::max(in.block_elapsed_ms, 0LL);
    long long length = in.block_length_ms;
    // A get-ready too short for kCuePageMs a page shares its time out evenly, the last page
    // included; a longer one (or an unknown length) turns a page every kCuePageMs, round again.
    auto page = length > 0 && length <= n * kCuePageMs
                    ? static_cast<std::size_t>(std::min(n - 1, at * n / length))
                    : static_cast<std::size_t>(at / kCuePageMs % n);
    parts.cue.assign(
        lines.begin() + static_cast<std::ptrdiff_t>(page * left),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), (page + 1) * left)));
    if (page + 1 < pages) parts.cue.back() += ellipsis;  // more follows on the next page
    left -= parts.cue.size();
    layout.cue_page = static_cast<int>(page);
    layout.cue_pages = static_cast<int>(pages);
  } else {
    take(in.step, parts.step);
    take(in.cue, parts.cue);
  }
  auto single = [&](bool& wanted) {
    if (wanted && left > 0) {
      --left;
    } else {
      wanted = false;
    }
  };
  single(parts.has_title);
  single(parts.has_status);
  parts.has_pace = false;
  if (parts.bars.size() > left) parts.bars.resize(left);
  left -= parts.bars.size();
  if (!parts.key_help.empty() && left == 0) parts.key_help.clear();
  if (!parts.key_help.empty()) --left;

  // The room the digits take during the hold: the cue in big letters where they fit whole with
  // room for the figure under them, then the figure and the time side by side.
  std::size_t room = left + 1;  // the time's own row comes back to share out
  if (!page_cue && !in.cue.empty() && drawable_in_letters(in.cue)) {
    std::size_t reserve = in.figure ? kFigureRows + 1 : 1;
    for (int size : {1, 0}) {
      if (size == 0 && !in.utf8) continue;
      auto lines = wrap_letters(in.cue, width, size);
      if (lines.empty()) continue;
      std::size_t rows = lines.size() * static_cast<std::size_t>(letter_rows(size) + 1) - 1;
      std::size_t freed = parts.cue.size();
      if (rows > room + freed || room + freed - rows < reserve) continue;
      room = room + freed - rows;
      parts.cue.clear();
      layout.cue_in_letters = lines;
      layout.cue_letter_rows = static_cast<int>(rows);
      std::vector<std::string> drawn;
      std::size_t block_width = 0;
      for (const auto& line : lines) block_width = std::max(block_width, letters_width(line, size));
      std::size_t indent = width > block_width ? (width - block_width) / 2 : 0;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) drawn.emplace_back();
        for (auto& row : big_letters(lines[i], size, in.utf8)) {
          drawn.push_back(std::string(indent, ' ') + row);
        }
      }
      // Drawn where the plain cue would have been, under the step.
      parts.cue = std::move(drawn);
      break;
    }
  }

  // The time and the figure share what is left: small digits beside the figure (the figure first
  // in the row), or the digits as large as fit when there is no figure.
  TextFigure figure;
  int scale = 0;
  if (in.figure && !page_cue && room >= kFigureRows) {
    bool digits =
        room >= 5 && block_digits_width(in.time, 1) + kFigureGap + kFigureColumns <= width;
    std::size_t columns = digits ? width - block_digits_width(in.time, 1) - kFigureGap : width;
    std::size_t rows = digits ? room : room - 1;
    figure = figure_text(*in.figure, columns, rows, in.utf8);
    if (!figure.lines.empty()) scale = digits ? 1 : 0;
  }
  // A paged cue keeps the time in plain digits: its pages differ in length, and the digits must
  // not jump from page to page.
  if (figure.lines.empty() && !page_cue) {
    for (int s = static_cast<int>(width / 26) + 1; s >= 1; --s) {
      if (block_digits_width(in.time, s) <= width && static_cast<std::size_t>(5 * s) <= room &&
          static_cast<std::size_t>(25 * s) <= height * 3) {
        scale = s;
        break;
      }
    }
  }

  Placed p;
  put_top(in, parts, width, ellipsis, p);
  for (auto& line : p.top) {
    if (line.role == Role::cue && layout.cue_letter_rows > 0) line.role = Role::cue_letters;
  }
  if (!figure.lines.empty() && scale == 0) {
    // No room for digits beside it: the figure on its own rows, the time in plain digits under.
    std::size_t indent = width > figure.columns ? (width - figure.columns) / 2 : 0;
    for (const auto& row : figure.lines) {
      LayoutLine line;
      line.role = Role::time;
      line.figure_column = indent;
      line.figure = row;
      p.middle.push_back(std::move(line));
    }
    layout.figure_columns = figure.columns;
    layout.figure_rows = figure.lines.size();
    put_time(in, width, 0, nullptr, layout, p);
  } else {
    put_time(in, width, scale, figure.lines.empty() ? nullptr : &figure, layout, p);
  }
  put_phase(in, parts, width, -1, ellipsis, p);
  put_bottom(in, parts, width, ellipsis, p);
  assemble(layout, p, height);
  return layout;
}

}  // namespace

Layout lay_out(const LayoutInput& in) {
  auto width = static_cast<std::size_t>(std::max(in.columns, 1));
  auto height = static_cast<std::size_t>(std::max(in.rows, 1));
  std::string ellipsis = in.utf8 ? "…" : "...";
  Parts parts;
  parts.notice = fit_lines(in.notice, width, height, ellipsis);
  parts.step = fit_lines(in.step, width, 2, ellipsis);
  parts.cue = fit_lines(in.cue, width, height, ellipsis);
  parts.has_title = !in.title.empty() || !in.total.empty();
  parts.has_status = !in.status.empty();
  parts.has_pace = in.stroke.has_value() && !in.full_cue;
  for (const auto& b : in.bars) parts.bars.push_back(bar_line(b, width, in.utf8, ellipsis));
  parts.key_help = key_line(in, width);
  return in.full_cue ? lay_out_get_ready(in, std::move(parts), width, height, ellipsis)
                     : lay_out_hold(in, std::move(parts), width, height, ellipsis);
}

std::vector<std::string> end_banner(const std::string& headline, const std::string& next,
                                    int columns, int rows, bool utf8) {
  auto width = static_cast<std::size_t>(std::max(columns, 1));
  std::vector<std::string> parts{headline};
  if (!next.empty()) parts.push_back(next);
  // The sizes of the two parts: the headline as large as fits, the next thing no larger.
  int smallest = utf8 ? 0 : 1;
  // A blank line between the parts and between wrapped lines, unless the rows are too few.
  auto draw = [&](int head, int rest, bool gaps, std::vector<std::string>* out) {
    std::size_t used = 0;
    auto blank = [&] {
      if (!gaps) return;
      ++used;
      if (out) out->emplace_back();
    };
    for (std::size_t i = 0; i < parts.size(); ++i) {
      int size = i == 0 ? head : rest;
      auto lines = wrap_letters(parts[i], width, size);
      if (lines.empty()) return SIZE_MAX;
      if (i > 0) blank();
      for (std::size_t l = 0; l < lines.size(); ++l) {
        if (l > 0 && size > 0) blank();
        for (auto& row : big_letters(lines[l], size, utf8)) {
          if (out) out->push_back(center(row, width));
          ++used;
        }
      }
    }
    return used;
  };
  auto limit = static_cast<std::size_t>(std::max(rows, 1));
  for (bool gaps : {true, false}) {
    for (int head = 6; head >= smallest; --head) {
      for (int rest = head; rest >= smallest; --rest) {
        if (draw(head, rest, gaps, nullptr) <= limit) {
          std::vector<std::string> out;
          draw(head, rest, gaps, &out);
          return out;
        }
      }
    }
  }
  // Whatever the rows, the end is said in letters: the smallest that fit the width, or plain words.
  std::vector<std::string> out;
  if (draw(smallest, smallest, false, nullptr) != SIZE_MAX) {
    draw(smallest, smallest, false, &out);
    return out;
  }
  for (const auto& part : parts) out.push_back(fit_line(part, width, utf8 ? "…" : "..."));
  return out;
}

}  // namespace roll

#include "roll/layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "roll/text.hpp"

namespace roll {

namespace {

// A 3x5 block font ('#' is ink); letters only as wide as they need. One cell of it is drawn
// 2 x scale columns by scale rows.
struct Glyph {
  char c;
  std::array<const char*, 5> rows;
};

constexpr std::array kFont{
    Glyph{'0', {"###", "# #", "# #", "# #", "###"}},
    Glyph{'1', {" # ", "## ", " # ", " # ", "###"}},
    Glyph{'2', {"###", "  #", "###", "#  ", "###"}},
    Glyph{'3', {"###", "  #", "###", "  #", "###"}},
    Glyph{'4', {"# #", "# #", "###", "  #", "  #"}},
    Glyph{'5', {"###", "#  ", "###", "  #", "###"}},
    Glyph{'6', {"###", "#  ", "###", "# #", "###"}},
    Glyph{'7', {"###", "  #", "  #", "  #", "  #"}},
    Glyph{'8', {"###", "# #", "###", "# #", "###"}},
    Glyph{'9', {"###", "# #", "###", "  #", "###"}},
    Glyph{':', {" ", "#", " ", "#", " "}},
    Glyph{' ', {"  ", "  ", "  ", "  ", "  "}},
    Glyph{'A', {"###", "# #", "###", "# #", "# #"}},
    Glyph{'B', {"## ", "# #", "## ", "# #", "## "}},
    Glyph{'D', {"## ", "# #", "# #", "# #", "## "}},
    Glyph{'E', {"###", "#  ", "## ", "#  ", "###"}},
    Glyph{'H', {"# #", "# #", "###", "# #", "# #"}},
    Glyph{'I', {"###", " # ", " # ", " # ", "###"}},
    Glyph{'L', {"#  ", "#  ", "#  ", "#  ", "###"}},
    Glyph{'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
    Glyph{'N', {"#  #", "## #", "# ##", "#  #", "#  #"}},
    Glyph{'O', {"###", "# #", "# #", "# #", "###"}},
    Glyph{'P', {"###", "# #", "###", "#  ", "#  "}},
    Glyph{'R', {"## ", "# #", "## ", "# #", "# #"}},
    Glyph{'S', {"###", "#  ", "###", "  #", "###"}},
    Glyph{'T', {"###", " # ", " # ", " # ", " # "}},
    Glyph{'U', {"# #", "# #", "# #", "# #", "###"}},
    Glyph{'V', {"# #", "# #", "# #", "# #", " # "}},
    Glyph{'W', {"#   #", "#   #", "# # #", "## ##", "#   #"}},
    Glyph{'Y', {"# #", "# #", " # ", " # ", " # "}},
};

const Glyph* glyph(char c) {
  for (const auto& g : kFont) {
    if (g.c == c) return &g;
  }
  return nullptr;
}

// Width of `text` in font cells, one cell of space between glyphs.
std::size_t cells(std::string_view text) {
  std::size_t n = 0;
  bool first = true;
  for (char c : text) {
    const Glyph* g = glyph(c);
    if (!g) continue;
    if (!first) ++n;
    n += std::string_view(g->rows[0]).size();
    first = false;
  }
  return n;
}

std::vector<std::string> block_text(std::string_view text, int scale, bool utf8) {
  auto s = static_cast<std::size_t>(std::max(scale, 1));
  std::string ink = utf8 ? "█" : "#";
  std::vector<std::string> out;
  for (std::size_t r = 0; r < 5; ++r) {
    std::string row;
    bool first = true;
    for (char c : text) {
      const Glyph* g = glyph(c);
      if (!g) continue;
      if (!first) row.append(2 * s, ' ');
      for (const char* p = g->rows[r]; *p; ++p) {
        for (std::size_t i = 0; i < 2 * s; ++i) row += *p == '#' ? ink : " ";
      }
      first = false;
    }
    for (std::size_t i = 0; i < s; ++i) out.push_back(row);
  }
  return out;
}

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

std::vector<std::string> key_lines(const LayoutInput& in, std::size_t width,
                                   std::string_view ellipsis) {
  std::string sep = in.utf8 ? " · " : " - ";
  std::vector<std::string> out;
  std::string line;
  for (const auto& key : in.keys) {
    std::string item = fit_line(key, width, ellipsis);
    if (!line.empty() && display_width(line) + display_width(sep) + display_width(item) > width) {
      out.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : sep) + item;
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace

std::size_t block_digits_width(const std::string& time, int scale) {
  return cells(time) * 2 * static_cast<std::size_t>(std::max(scale, 1));
}

std::vector<std::string> block_digits(const std::string& time, int scale, bool utf8) {
  return block_text(time, scale, utf8);
}

Layout lay_out(const LayoutInput& in) {
  auto width = static_cast<std::size_t>(std::max(in.columns, 1));
  auto height = static_cast<std::size_t>(std::max(in.rows, 1));
  std::string ellipsis = in.utf8 ? "…" : "...";
  Layout layout;

  auto notice = fit_lines(in.notice, width, height, ellipsis);
  auto step = fit_lines(in.step, width, 2, ellipsis);
  auto cue = fit_lines(in.cue, width, height, ellipsis);

  // The digits grow while they fit the width, stay within 60% of the rows (roll's own reading:
  // the rest is the notice, the phase, the step and the cue, read at a glance), and leave room for
  // what outranks the cue (all of it during the get-ready, where the cue is read before the step).
  std::size_t protect = notice.size() + 1 + step.size() +
                        (in.full_cue ? cue.size() : std::min<std::size_t>(cue.size(), 2));
  int scale = 0;
  for (int s = 1;; ++s) {
    auto rows = static_cast<std::size_t>(5 * s);
    if (block_digits_width(in.time, s) > width) break;
    if (rows * 5 > height * 3) break;
    if (rows + protect > height) break;
    scale = s;
  }
  std::size_t left = height - (scale > 0 ? static_cast<std::size_t>(5 * scale) : 1);

  // Everything else in order of priority, each taking what is left.
  auto take = [&](std::string_view text, std::vector<std::string>& lines) {
    if (lines.size() > left) lines = fit_lines(text, width, left, ellipsis);
    left -= lines.size();
  };
  take(in.notice, notice);
  // The get-ready shows the cue whole. Where it does not fit with the band and the step above
  // it, the band gives its row (the time left says the same), the step keeps one line, and the
  // cue takes every row left, paged: the pages share the get-ready, at most kCuePageMs each.
  bool page_cue = in.full_cue && !in.cue.empty() && left > 0 && 1 + step.size() + cue.size() > left;
  bool has_band = left > 0 && !page_cue;
  if (has_band) --left;
  if (page_cue) {
    std::size_t step_rows = std::min(step.size(), left > 1 ? left - 1 : std::size_t{0});
    step = step_rows == 0 ? std::vector<std::string>{}
                          : fit_lines(in.step, width, step_rows, ellipsis);
    left -= step.size();
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
    cue.assign(
        lines.begin() + static_cast<std::ptrdiff_t>(page * left),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), (page + 1) * left)));
    if (page + 1 < pages) cue.back() += ellipsis;  // more follows on the next page
    left -= cue.size();
    layout.cue_page = static_cast<int>(page);
    layout.cue_pages = static_cast<int>(pages);
  } else {
    take(in.step, step);
    take(in.cue, cue);
  }
  auto single = [&](bool wanted) {
    if (!wanted || left == 0) return false;
    --left;
    return true;
  };
  bool has_title = single(!in.title.empty() || !in.total.empty());
  bool has_status = single(!in.status.empty());
  std::vector<std::string> bars;
  for (const auto& b : in.bars) {
    if (single(true)) bars.push_back(bar_line(b, width, in.utf8, ellipsis));
  }
  auto keys = key_lines(in, width, ellipsis);
  if (keys.size() > left) keys.resize(left);
  left -= keys.size();

  // Spare rows: the phase word in big letters, then space between the groups.
  std::string word = in.phase_word;
  layout.big_phase = has_band && !word.empty() && left >= 6 && cells(word) * 2 <= width;
  if (layout.big_phase) left -= 5;
  auto gap = [&](std::vector<LayoutLine>& out) {
    if (left == 0) return;
    out.push_back({"", Role::blank});
    --left;
  };

  std::vector<LayoutLine>& out = layout.lines;
  // What is still spare after the gaps goes above and below, half each, so the screen sits in
  // the middle of a tall window.
  std::size_t gaps = std::min<std::size_t>(left, 3);
  for (std::size_t i = 0; i < (left - gaps) / 2; ++i) out.push_back({"", Role::blank});
  left = gaps;
  if (has_title) out.push_back({title_line(in, width, ellipsis), Role::title});
  for (auto& l : step) out.push_back({l, Role::step});
  for (auto& l : cue) out.push_back({l, Role::cue});
  gap(out);
  if (scale > 0) {
    layout.digit_rows = 5 * scale;
    for (auto& row : block_digits(in.time, scale, in.utf8)) {
      out.push_back({center(row, width), Role::time});
    }
  } else {
    std::string plain = in.time + in.time_label;
    if (display_width(plain) > width) plain = in.time;
    out.push_back({center(fit_line(plain, width, ""), width), Role::time});
  }
  gap(out);
  if (layout.big_phase) {
    for (auto& row : block_text(word, 1, in.utf8)) out.push_back({center(row, width), Role::phase});
  }
  if (has_band) out.push_back({band(in, width, ellipsis), Role::phase});
  for (auto& l : notice) {
    out.push_back({l, in.notice_is_prompt ? Role::prompt : Role::notice});
  }
  gap(out);
  if (has_status) out.push_back({fit_line(in.status, width, ellipsis), Role::status});
  for (auto& l : bars) out.push_back({l, Role::bar});
  for (auto& l : keys) out.push_back({l, Role::keys});
  return layout;
}

}  // namespace roll

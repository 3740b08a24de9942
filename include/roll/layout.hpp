#pragma once
// Where each part of the session screen goes, as a pure function of the window size and what there
// is to show: no terminal, no colour. The full screen (src/platform/ansi_screen.cpp) styles each
// line by its role, never by its text.
//
// When space is short the parts are kept in this order: the time left (big digits scaled to the
// window, plain digits when nothing else fits), a safety notice while it stands, the breath phase,
// the step, side and position, the cue, the title, the bars, the key help, and last the step's
// figure. Nothing is cut mid-word; a cut ends with an ellipsis.
//
// During a hold the digits take the most room: at least a third of the rows (roll's own reading:
// 10 rows at 80x24, 20 at 200x60), with the breath word under them at least half their height on a
// breath-paced hold where the window has 30 rows or more, and the figure beside them where the
// width allows. During the get-ready before a step the cue and the figure take that room instead:
// the cue shown whole, in big letters where they fit, paged where even plain text does not (each
// page but the last ends with the ellipsis, the band giving its row to it), the time in small
// digits beside the figure.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "roll/figure.hpp"
#include "roll/figure_text.hpp"

namespace roll {

enum class Role {
  blank,
  title,        // the routine and the time left in all
  step,         // step, side and position (or what to do in the get-ready)
  cue,          // the step's instructions
  cue_letters,  // the step's instructions in big letters (the get-ready on a large window)
  time,         // the time left in this block, big or plain
  phase,        // the breath phase: big word and band
  notice,       // a safety notice (ease off): shown whole while it stands
  prompt,       // a question or the paused state
  status,       // the last pressure reading
  bar,
  keys,
};

// What the breath phase looks like: a band whose shape differs for each, so it reads without
// colour.
enum class PhaseShape { in, hold, out, up, down, steady, ready, paused };

struct LayoutBar {
  std::string label;  // "step"
  double fill = 0;    // 0..1
  std::string right;  // "0:29"
};

struct LayoutInput {
  int columns = 80;
  int rows = 24;
  bool utf8 = true;        // block glyphs and "…"; else ASCII only
  std::string time;        // the time left, digits and ':' only ("0:29")
  std::string time_label;  // after the time in its plain form (" left")
  std::string title;       // "Evening release" (sanitized, as all text here)
  std::string total;       // "10:41 left"
  std::string step;        // "step 1/6 · Lat release · left"
  std::string cue;         // shown whole in the get-ready (`full_cue`), else as room allows
  bool full_cue = false;   // the get-ready before a step: the cue before the digits
  // The get-ready's own clock in milliseconds: how far into it and how long it is. A cue that
  // does not fit is paged, each page shown for a share of the get-ready (pure in these two).
  long long block_elapsed_ms = 0;
  long long block_length_ms = 0;
  std::string notice;             // a safety notice, shown whole while it stands
  bool notice_is_prompt = false;  // a question or the paused state rather than a warning
  PhaseShape shape = PhaseShape::steady;
  std::string phase_word;  // for the big letters: "IN", "HOLD", "OUT", "PAUSED"
  std::string phase_text;  // "breathe in  3 s   breath 1 of 3"
  double phase_fill = 0;   // how far through the phase (the band fills with it)
  // A roll: where the roller is on its stroke (0..1) and the pace in words, drawn as a marker
  // travelling a track under the band.
  std::optional<double> stroke;
  std::string stroke_text;          // "1 inch each way, 1 s each way"
  const Drawing* figure = nullptr;  // the step's figure; none on a terminal that cannot draw it
  std::string status;               // "pressure 5/9"
  std::vector<LayoutBar> bars;
  std::vector<std::string> keys;  // key help items, first the most needed; never split
};

struct LayoutLine {
  LayoutLine() = default;
  LayoutLine(std::string line, Role line_role) : text(std::move(line)), role(line_role) {}

  std::string text;
  Role role = Role::blank;
  // A row of the figure: its part drawn from `figure_column` on, each run in its ink, and `text`
  // (the time beside it) from `text_column`. Every other row is `text` alone, from column 0.
  FigureLine figure;
  std::size_t figure_column = 0;
  std::size_t text_column = 0;

  // The whole row as text, figure included.
  [[nodiscard]] std::string full_text() const;
};

struct Layout {
  std::vector<LayoutLine> lines;  // at most `rows`, none wider than `columns`
  int digit_rows = 0;             // height of the big digits; 0: the time in plain digits
  bool big_phase = false;         // the phase word in big letters
  int phase_rows = 0;             // its height (0: none)
  int cue_letter_rows = 0;        // the cue in big letters: their height in all (0: plain text)
  std::vector<std::string> cue_in_letters;  // the cue's lines as the big letters show them
  // The figure: its size in cells (0 x 0: none drawn) and the rows it spans.
  std::size_t figure_columns = 0;
  std::size_t figure_rows = 0;
  bool figure_beside_digits = false;
  int cue_page = 0;   // which page of the cue is shown (from 0)
  int cue_pages = 1;  // how many pages the cue has at this size (1: not paged)
};

// roll's own reading, not an article's: the longest a page of the cue stays before the next (a
// line or two read at a glance). A get-ready too short for every page at this pace shares its
// time out evenly, so each page is shown.
inline constexpr long long kCuePageMs = 3000;

[[nodiscard]] Layout lay_out(const LayoutInput& input);

// The end of a session in big letters, for the normal screen before the summary: `headline`
// ("DONE", "ENDED EARLY") then `next` (the one next thing: "MOVE NOW"), each at the largest size
// that fits `columns` while the whole stays within `rows` (at least half-height letters, or size 1
// in ASCII, whatever the rows). Lines, no colour; a blank line between the two.
[[nodiscard]] std::vector<std::string> end_banner(const std::string& headline,
                                                  const std::string& next, int columns, int rows,
                                                  bool utf8);

// The time ("0:29") in block digits: each cell of the 3x5 font `scale` rows tall and 2 x `scale`
// columns wide (a terminal cell is about twice as tall as wide, so the digits keep their shape).
[[nodiscard]] std::vector<std::string> block_digits(const std::string& time, int scale, bool utf8);

// Width in columns of block_digits(time, scale, ...).
[[nodiscard]] std::size_t block_digits_width(const std::string& time, int scale);

}  // namespace roll

#pragma once
// A figure for a terminal, in a box of columns x rows: braille dots (U+2800-U+28FF, eight dots a
// cell) where the terminal shows UTF-8, plain ASCII (bytes up to 0x7f) where it does not. The
// figure keeps its proportions and never leaves the box: it may use fewer rows or columns than
// given, never more. Whether to draw one at all (TERM=dumb, a box too small) is the caller's
// choice.
#include <cstddef>
#include <string>
#include <vector>

#include "roll/figure.hpp"

namespace roll {

struct FigureRun {
  std::string text;
  FigureInk ink = FigureInk::floor;  // blank runs are `floor`
};
using FigureLine = std::vector<FigureRun>;

struct TextFigure {
  std::vector<FigureLine> lines;  // at most `rows`, each at most `columns` columns
  std::size_t columns = 0;        // the widest line

  // The lines without their inks, trailing blanks dropped.
  [[nodiscard]] std::vector<std::string> plain() const;
};

// Nothing (no lines) when the box is smaller than 4 columns or 2 rows.
[[nodiscard]] TextFigure figure_text(const Drawing& drawing, std::size_t columns, std::size_t rows,
                                     bool utf8);

}  // namespace roll

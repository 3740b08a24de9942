#pragma once
// A figure as SVG: self-contained (no script, no style sheet, no font, nothing fetched), with the
// pose's words as its <title> and <desc> so that a screen reader says what the picture shows.
// Valid both inline in HTML and as a file of its own.
#include <string>
#include <string_view>

#include "roll/figure.hpp"

namespace roll {

struct SvgFigureOptions {
  std::string_view title;        // escaped here; the pose's name or the step's
  std::string_view description;  // escaped here; the pose's description
  double pixels_per_cm = 1.6;    // the width and height attributes; CSS may scale it
};

[[nodiscard]] std::string figure_svg(const Drawing& drawing, const SvgFigureOptions& options);

}  // namespace roll

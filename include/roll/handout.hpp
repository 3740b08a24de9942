#pragma once
// `roll handout`: a routine as one printable, self-contained HTML page that a physiotherapist can
// hand to a patient. Like the report (report.hpp): inline SVG and CSS only, no script, no font,
// no image and no link to fetch; every text from the routine escaped. One A4 page where the
// routine fits and never more than two for a routine of up to kHandoutSteps steps: the title,
// level and roller, then each step's figure, name, dose, cue, pressure and the safety lines that
// apply, each with the articles it comes from, and the second article's contraindications. Pure:
// the routine in, the page's text out.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "roll/pose.hpp"
#include "roll/routine.hpp"

namespace roll {

struct HandoutInput {
  Routine routine;        // each step's figure is step_figure()'s
  std::string version;    // roll's, for the generator line
  std::string generated;  // when it was made ("2026-11-23"), or empty for none
  std::string file;       // the routine's file as the user named it, or empty
};

// Past this many steps the page is compacted as far as it goes; a routine longer still may print
// on more than two pages (none of the bundled ones comes near it).
inline constexpr std::size_t kHandoutSteps = 12;

[[nodiscard]] std::string handout_html(const HandoutInput& input);

// The pressure line of a step: "about 5/10, below the first article's ...". Never above 7/10;
// empty for a step off the roller.
[[nodiscard]] std::string pressure_words(const Step& step);

// Whether `text` is a page handout_html() wrote: `roll handout` replaces only those (and empty
// files), never a file of the user's that happens to have the name given.
[[nodiscard]] bool is_roll_handout(std::string_view text);

}  // namespace roll

#pragma once
// `roll lint --fix`: the few fixes that are safe as text edits at a reported position. Pure: the
// caller reads and writes the file. Never changes anything but the reported spots, and never
// returns text that no longer loads.
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"

namespace roll {

struct FixResult {
  std::string text;                // the fixed text (the input when nothing applied)
  std::vector<std::string> fixed;  // rule names of the diagnostics fixed, one per fix
};

// Fixes `intensity-cap` (an intensity of 8-10 becomes 7, at the value's position) and
// `move-after` (three minutes of movement appended at the end of the file). Diagnostics of other
// rules or of other files are ignored. If the edited text would not load cleanly, nothing is
// applied.
[[nodiscard]] FixResult fix_routine_text(std::string_view text, std::string_view file,
                                         const std::vector<Diagnostic>& diagnostics);

// Byte offset of a 1-based (line, column) position as the TOML parser counts it (columns in code
// points), or npos when the text has no such position.
[[nodiscard]] std::size_t byte_offset(std::string_view text, int line, int column);

// The text of 1-based line `line` without its line break; empty if there is no such line.
[[nodiscard]] std::string_view line_text(std::string_view text, int line);

}  // namespace roll

#pragma once
// Text from routine files, the profile or the history goes through here before it reaches a
// terminal. A routine downloaded from anywhere must not be able to move the cursor, clear the
// screen, set the window title, write the clipboard (OSC 52) or reverse text on screen.
#include <string>
#include <string_view>
#include <vector>

namespace roll {

// Replaces C0 controls (except '\n' when keep_newlines), DEL, C1 controls, ESC (and so every
// CSI/OSC/DCS sequence) and the bidirectional override/isolate characters with visible escapes
// such as "\x1b" or "<U+202E>". Invalid UTF-8 bytes become "\xNN". The result never contains a
// control byte other than (optionally) '\n'.
[[nodiscard]] std::string sanitize(std::string_view text, bool keep_newlines = false);

// The same sanitizer for a whole document shown on a terminal (CSV, JSON, help text): its layout
// stays, so '\n', '\t' and "\r\n" pass through; a lone '\r' (which would let text overwrite
// the line) and everything sanitize() replaces are made visible as there.
[[nodiscard]] std::string sanitize_document(std::string_view text);

// Display width in terminal columns of sanitized text, by the Unicode Character Database
// (src/core/char_width_table.cpp), not the locale: East Asian wide characters and emoji take 2,
// combining marks and joiners 0, a flag or a ZWJ sequence 2 as one glyph.
[[nodiscard]] std::size_t display_width(std::string_view text);

// The one cutter for a table's cells: the text whole when it fits in `width` columns, else its
// first characters and `ellipsis` within `width`. Never splits a character (nor a flag, an emoji
// sequence or a letter and its accents). fit_line() cuts at a word instead.
[[nodiscard]] std::string cut_to_width(std::string_view text, std::size_t width,
                                       std::string_view ellipsis);

// Greedy word wrap of sanitized text to `width` columns.
[[nodiscard]] std::string wrap(std::string_view text, std::size_t width);

// Word wrap of sanitized text to at most `max_lines` lines of `width` columns. Nothing is cut
// silently: when the text does not fit, the last line kept ends with `ellipsis` after its last
// whole word, and a word wider than the line is cut with the ellipsis too.
[[nodiscard]] std::vector<std::string> fit_lines(std::string_view text, std::size_t width,
                                                 std::size_t max_lines, std::string_view ellipsis);

// The one-line form of fit_lines: the text whole, or its first words and `ellipsis`.
[[nodiscard]] std::string fit_line(std::string_view text, std::size_t width,
                                   std::string_view ellipsis);

// Sanitized text for a terminal whose locale is not UTF-8: the few characters roll writes itself
// get ASCII stand-ins (middle dot, ellipsis, dashes, quotes, blocks), anything else becomes '?'.
[[nodiscard]] std::string to_ascii(std::string_view text);

}  // namespace roll

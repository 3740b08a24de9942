#pragma once
// Text in big letters for a terminal read from the floor: the session's countdown, its breath word,
// its cue in the get-ready and the end of a session. One 3x5 font (letters, digits and the
// punctuation of a cue; lower case drawn as upper case) at a chosen size:
//
//   size 0: half height, one column and half a row a dot ("▀", "▄", "█"), three rows tall; UTF-8
//           only (there is no ASCII for half a cell);
//   size k: k rows and 2k columns a dot, 5k rows tall ("█", or "#" in ASCII).
//
// A terminal cell is about twice as tall as it is wide, so the letters keep their shape at every
// size. Pure: text in, lines out.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace roll {

// Rows a line of letters of `size` takes.
[[nodiscard]] int letter_rows(int size);

// Whether every character of `text` is in the font (a space, a letter, a digit or the usual
// punctuation); a text that is not is shown as plain text, never with a character missing.
[[nodiscard]] bool drawable_in_letters(std::string_view text);

// Columns the text takes at `size` (characters not in the font take none).
[[nodiscard]] std::size_t letters_width(std::string_view text, int size);

// The text in letters of `size`: letter_rows(size) lines. Size 0 falls back to size 1 where
// `utf8` is false.
[[nodiscard]] std::vector<std::string> big_letters(std::string_view text, int size, bool utf8);

// Words of `text` in lines that each fit `columns` at `size`; empty when a single word does not.
[[nodiscard]] std::vector<std::string> wrap_letters(std::string_view text, std::size_t columns,
                                                    int size);

}  // namespace roll

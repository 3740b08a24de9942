#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "roll/duration.hpp"
#include "roll/text.hpp"

using namespace roll;

namespace {

bool has_control_byte(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("sanitize makes escape sequences visible instead of obeying them") {
  CHECK(sanitize("plain text, café") == "plain text, café");
  CHECK(sanitize("\x1b[2J\x1b[H") == "\\x1b[2J\\x1b[H");                        // clear screen
  CHECK(sanitize("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");                  // window title
  CHECK(sanitize("\x1b]52;c;ZXZpbA==\x1b\\") == "\\x1b]52;c;ZXZpbA==\\x1b\\");  // OSC 52 clipboard
  CHECK(sanitize("\x1bP1$r\x1b\\") == "\\x1bP1$r\\x1b\\");                      // DCS
  CHECK(sanitize("a\u202Eb") == "a<U+202E>b");                // right-to-left override
  CHECK(sanitize("a\u2066b\u2069") == "a<U+2066>b<U+2069>");  // isolates
  CHECK(sanitize("\xc2\x9b"
                 "31m") == "<U+009B>31m");  // C1 CSI
  CHECK(sanitize("bell\x07 del\x7f") == "bell\\x07 del\\x7f");
  CHECK(sanitize("bad \xff byte") == "bad \\xff byte");
  CHECK(sanitize("\xc0\xaf") == "\\xc0\\xaf");  // overlong '/'
  CHECK(sanitize("line\nnext") == "line\\nnext");
  CHECK(sanitize("line\nnext", true) == "line\nnext");
  CHECK(sanitize("tab\there\r") == "tab\\there\\r");
  CHECK_FALSE(has_control_byte(sanitize(std::string("\0\x01\x1b\x9b\x7f", 5))));
}

TEST_CASE("sanitize_document keeps a document's layout and nothing else") {
  CHECK(sanitize_document("a,b\r\n\"c\td\"\r\n{\n  \"x\": 1\n}\n") ==
        "a,b\r\n\"c\td\"\r\n{\n  \"x\": 1\n}\n");
  CHECK(sanitize_document("over\rwrite\r\n") == "over\\rwrite\r\n");  // a lone CR is shown
  CHECK(sanitize_document("\x1b]52;c;ZXZpbA==\x07\u202e") == "\\x1b]52;c;ZXZpbA==\\x07<U+202E>");
  CHECK(sanitize_document("end\r") == "end\\r");
  for (std::string_view s : {"plain", "\x1b[2J", "a\r\nb"}) {
    CHECK(sanitize_document(sanitize_document(s)) == sanitize_document(s));
  }
}

TEST_CASE("display width counts columns, not bytes") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("café") == 4);
  CHECK(display_width("日本") == 4);
  CHECK(display_width("e\u0301") == 1);
}

// The widths come from the Unicode Character Database (src/core/char_width_table.cpp). Before,
// an emoji outside two hand-written ranges counted 1, so a cue of them wrapped the full screen.
TEST_CASE("display width: emoji, flags and their sequences are 2 columns, joiners 0") {
  CHECK(display_width("\U0001F680") == 2);            // rocket (U+1F680)
  CHECK(display_width("\U0001FAC1") == 2);            // lungs (U+1FAC1, Unicode 13)
  CHECK(display_width("\U0001F9D8") == 2);            // person in lotus position
  CHECK(display_width("\u231A") == 2);                // watch: East Asian wide as emoji
  CHECK(display_width("\U0001F1E9\U0001F1EA") == 2);  // a flag: two regional indicators
  CHECK(display_width("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7") == 4);  // two flags
  CHECK(display_width("\U0001F1E9") == 2);            // a lone regional indicator
  CHECK(display_width("\u2764") == 1);                // heavy heart as text
  CHECK(display_width("\u2764\uFE0F") == 2);          // ... and as an emoji (VS16)
  CHECK(display_width("\U0001F44D\U0001F3FD") == 2);  // thumbs up with a skin tone
  // family: man, ZWJ, woman, ZWJ, girl: one glyph.
  CHECK(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467") == 2);
  CHECK(display_width("a\u200Db") == 2);       // a joiner between letters takes nothing
  CHECK(display_width("\u200B") == 0);         // zero width space
  CHECK(display_width("o\u0308\u0323") == 1);  // two combining marks
  CHECK(display_width("\uFF21\u3042") == 4);   // fullwidth A, hiragana a
  CHECK(display_width("\u1100\u1161") == 2);   // a Hangul syllable from jamo
  CHECK(display_width("\u00AD") == 1);         // the soft hyphen shows
  CHECK(display_width("\xff") == 1);           // an invalid byte, as before
}

TEST_CASE("cut_to_width: whole characters within the width, then the ellipsis") {
  CHECK(cut_to_width("Evening release", 20, "~") == "Evening release");
  CHECK(cut_to_width("Evening release", 8, "~") == "Evening~");
  std::string accents;
  for (int i = 0; i < 21; ++i) accents += "\u00e9";
  std::string cut = cut_to_width(accents, 20, "~");
  CHECK(display_width(cut) == 20);
  CHECK(cut.size() == 19 * 2 + 1);
  // A wide character that would straddle the last column is left out whole.
  CHECK(cut_to_width("ab\u65E5\u672C", 4, "~") == "ab~");
  CHECK(cut_to_width("ab\u65E5\u672C", 5, "~") == "ab\u65E5~");
  // A flag, a letter and its accent, an emoji and its skin tone are never split.
  CHECK(cut_to_width("x\U0001F1E9\U0001F1EAyz", 4, "~") == "x\U0001F1E9\U0001F1EA~");
  CHECK(cut_to_width("x\U0001F1E9\U0001F1EAyz", 3, "~") == "x~");
  CHECK(cut_to_width("e\u0301e\u0301e\u0301", 2, "~") == "e\u0301~");
  CHECK(cut_to_width("\U0001F44D\U0001F3FDab", 3, "~") == "\U0001F44D\U0001F3FD~");
  // With a wider ellipsis, and with no room for it.
  CHECK(cut_to_width("abcdef", 5, "\u2026") == "abcd\u2026");
  CHECK(cut_to_width("abcdef", 2, "...") == "..");
  CHECK(cut_to_width("abcdef", 0, "~").empty());
}

TEST_CASE("wrap breaks at spaces and cuts words longer than the line") {
  CHECK(wrap("lean back over the roller", 10) == "lean back\nover the\nroller");
  CHECK(wrap("abcdefghij", 4) == "abcd\nefgh\nij");
  CHECK(wrap("one\ntwo three", 20) == "one\ntwo three");
}

TEST_CASE("durations read as clocks and as prose") {
  using namespace std::chrono_literals;
  CHECK(clock_time(0ms) == "0:00");
  CHECK(clock_time(200ms) == "0:01");
  CHECK(clock_time(65s) == "1:05");
  CHECK(clock_time(3725s) == "1:02:05");
  CHECK(human_duration(45s) == "45 s");
  CHECK(human_duration(120s) == "2 min");
  CHECK(human_duration(750s) == "12 min 30 s");
  CHECK(human_duration(3900s) == "1 h 5 min");
}

TEST_CASE("fit_lines wraps whole words and marks a cut with an ellipsis") {
  auto lines = fit_lines("one two three four five six", 9, 2, "…");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "one two");
  CHECK(lines[1] == "three…");  // "four" would not fit with the ellipsis
  CHECK(fit_lines("one two three", 9, 5, "…") == std::vector<std::string>{"one two", "three"});
  // A word longer than the line is cut, and says so.
  CHECK(fit_lines("extraordinarily", 8, 3, "...") == std::vector<std::string>{"extra..."});
  CHECK(fit_lines("a b", 10, 0, "…").empty());
  CHECK(fit_lines("", 10, 3, "…").empty());
  for (std::size_t w = 1; w < 12; ++w) {
    for (const auto& l : fit_lines("Stop when you reach the top of the shoulders.", w, 3, "…")) {
      CAPTURE(l);
      CHECK(display_width(l) <= w);
    }
  }
}

TEST_CASE("fit_lines never starts a line with a separator") {
  CHECK(fit_lines("step 1/6 · Thoracic extension · position 1 of 4", 30, 3, "…") ==
        std::vector<std::string>{"step 1/6 · Thoracic", "extension · position 1 of 4"});
  CHECK(fit_lines("step 1/6 - Thoracic extension - position 1 of 4", 30, 3, "...") ==
        std::vector<std::string>{"step 1/6 - Thoracic", "extension - position 1 of 4"});
}

TEST_CASE("fit_line keeps a line whole or cuts it at a word with an ellipsis") {
  CHECK(fit_line("step 1/6 · Lat release", 40, "…") == "step 1/6 · Lat release");
  CHECK(fit_line("step 1/6 · Lat release", 15, "…") == "step 1/6 · Lat…");
  CHECK(fit_line("step 1/6 · Lat release", 12, "…") == "step 1/6…");
  CHECK(fit_line("step 1/6 · Lat release", 3, "...") == "...");
  CHECK(fit_line("abc", 0, "…").empty());
}

TEST_CASE("to_ascii leaves no byte above 0x7f") {
  CHECK(to_ascii("step 1/6 · Lat release") == "step 1/6 - Lat release");
  CHECK(to_ascii("cut…") == "cut...");
  CHECK(to_ascii("“quoted” – ‘café’") == "\"quoted\" - 'caf?'");
  for (unsigned char c : to_ascii("██░░ 日本 \xff")) CHECK(c < 0x80);
}

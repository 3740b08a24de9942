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

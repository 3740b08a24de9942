#include <doctest/doctest.h>

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

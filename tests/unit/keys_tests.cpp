// The key decoder: escape sequences are one key that means nothing, however the bytes are split.
#include <doctest/doctest.h>

#include <string>

#include "roll/keys.hpp"

using namespace std::chrono_literals;
using roll::KeyDecoder;

TEST_CASE("plain keys come through as they are") {
  KeyDecoder d;
  CHECK(d.feed("q 5!+-0\r", 0ms) == "q 5!+-0\r");
  CHECK_FALSE(d.pending());
  CHECK_FALSE(d.deadline());
}

TEST_CASE("an F5 split across two reads is not pressure 1 and 5 (issue 17, item 5)") {
  KeyDecoder d;
  CHECK(d.feed("\x1b[1", 0ms) == "");
  CHECK(d.pending());
  CHECK(d.feed("5~", 3ms) == "");
  CHECK_FALSE(d.pending());
  // An F7 split anywhere: no 8, no ease-off.
  std::string f7 = "\x1b[18~";
  for (std::size_t cut = 1; cut < f7.size(); ++cut) {
    KeyDecoder e;
    CAPTURE(cut);
    std::string keys = e.feed(f7.substr(0, cut), 0ms);
    keys += e.feed(f7.substr(cut), 10ms);
    CHECK(keys == "");
  }
}

TEST_CASE("keys around sequences survive, byte by byte too") {
  std::string input =
      "1\x1b[A2\x1bOP3\x1b[15;2~4\x1b]11;rgb:0/0/0\x07"
      "5\x1b]0;t\x1b\\6";
  KeyDecoder whole;
  CHECK(whole.feed(input, 0ms) == "123456");
  KeyDecoder bytewise;
  std::string keys;
  for (char c : input) keys += bytewise.feed(std::string_view(&c, 1), 1ms);
  CHECK(keys == "123456");
}

TEST_CASE("a lone ESC is the Escape key once its short wait is over") {
  KeyDecoder d;
  CHECK(d.feed("\x1b", 1000ms) == "");
  REQUIRE(d.deadline());
  CHECK(*d.deadline() == 1000ms + KeyDecoder::lone_escape_wait);
  CHECK(d.expire(1050ms) == "");
  CHECK(d.expire(1100ms) == "\x1b");
  CHECK_FALSE(d.pending());
  // A key long after a lone ESC is a key: the ESC has expired first.
  CHECK(d.feed("\x1b", 2000ms) == "");
  CHECK(d.feed("q", 2500ms) == "\x1bq");
  // Within the wait, ESC and a letter are Alt+letter: nothing.
  CHECK(d.feed("\x1b", 3000ms) == "");
  CHECK(d.feed("q", 3010ms) == "");
  // ESC ESC: the first is a lone Escape.
  CHECK(d.feed("\x1b\x1b[A", 4000ms) == "\x1b");
}

TEST_CASE("a sequence left unfinished is dropped after a while, and keys go on") {
  KeyDecoder d;
  CHECK(d.feed("\x1b[1", 0ms) == "");
  REQUIRE(d.deadline());
  CHECK(*d.deadline() == KeyDecoder::partial_wait);
  CHECK(d.expire(999ms) == "");
  CHECK(d.pending());
  CHECK(d.expire(1000ms) == "");
  CHECK_FALSE(d.pending());
  CHECK(d.feed("5", 1200ms) == "5");
  // A new byte long after the start is read fresh, without a call to expire() first.
  CHECK(d.feed("\x1b[1", 2000ms) == "");
  CHECK(d.feed("7", 5000ms) == "7");
}

TEST_CASE("a control byte inside a sequence ends it, controls and non-ASCII are no keys") {
  KeyDecoder d;
  CHECK(d.feed("\x1b[1\r", 0ms) == "\r");
  CHECK(d.feed("\x01\x7f\xc3\xa9x\n\t", 0ms) == "x\n\t");
  // A runaway OSC never grows without bound and ends at BEL.
  std::string osc = "\x1b]" + std::string(10000, 'a') + "\x07" + "9";
  CHECK(d.feed(osc, 0ms) == "9");
  CHECK_FALSE(d.pending());
}

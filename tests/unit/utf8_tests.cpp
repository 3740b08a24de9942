// The one UTF-8 decoder (src/core/utf8.cpp) that the sanitizer, the routine files' input guard and
// the sync records share: strict as Unicode's table 3-7, so all three refuse the same bytes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "roll/utf8.hpp"

using roll::utf8::decode;

namespace {

std::size_t length_at_start(std::string_view bytes) {
  return decode(bytes, 0).length;
}

}  // namespace

TEST_CASE("utf8: each length decodes to its code point, at the edges of its range") {
  struct Case {
    std::string_view bytes;
    char32_t code;
  };
  const Case cases[] = {
      {std::string_view("\0", 1), 0x00},
      {"\x7F", 0x7F},
      {"\xC2\x80", 0x80},
      {"\xDF\xBF", 0x7FF},
      {"\xE0\xA0\x80", 0x800},
      {"\xED\x9F\xBF", 0xD7FF},
      {"\xEE\x80\x80", 0xE000},
      {"\xEF\xBF\xBF", 0xFFFF},
      {"\xF0\x90\x80\x80", 0x10000},
      {"\xF4\x8F\xBF\xBF", 0x10FFFF},
  };
  for (const auto& c : cases) {
    CAPTURE(static_cast<std::uint32_t>(c.code));
    auto d = decode(c.bytes, 0);
    CHECK(d.length == c.bytes.size());
    CHECK(d.code == c.code);
    std::string again;
    roll::utf8::append(again, c.code);
    CHECK(again == c.bytes);
  }
}

TEST_CASE("utf8: overlong forms are refused") {
  for (std::string_view bytes : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",
                                 "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF"}) {
    CAPTURE(bytes);
    CHECK(length_at_start(bytes) == 0);
    CHECK_FALSE(roll::utf8::is_valid(bytes));
  }
}

TEST_CASE("utf8: surrogates are refused, encoded alone or as a pair") {
  for (std::string_view bytes : {"\xED\xA0\x80", "\xED\xAF\xBF", "\xED\xB0\x80", "\xED\xBF\xBF",
                                 "\xED\xA0\xBD\xED\xB2\xA9"}) {
    CAPTURE(bytes);
    CHECK(length_at_start(bytes) == 0);
    CHECK_FALSE(roll::utf8::is_valid(bytes));
  }
}

TEST_CASE("utf8: nothing above U+10FFFF, and F5-FF start nothing") {
  for (std::string_view bytes : {"\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF7\xBF\xBF\xBF",
                                 "\xF8\x88\x80\x80\x80", "\xFE", "\xFF"}) {
    CAPTURE(bytes);
    CHECK(length_at_start(bytes) == 0);
  }
}

TEST_CASE("utf8: a sequence cut short is refused, at the end of the text or before another byte") {
  for (std::string_view bytes : {"\xC3", "\xE2\x82", "\xF0\x9F\x9A",
                                 "\xC3"
                                 "A",
                                 "\xE2\x82"
                                 "A",
                                 "\xF0\x9F\x9A"
                                 "A",
                                 "\xE2\xC3\xA9"}) {
    CAPTURE(bytes);
    CHECK(length_at_start(bytes) == 0);
    CHECK_FALSE(roll::utf8::is_valid(bytes));
  }
  // The check never reads past the end of the view, whatever lies after it in memory.
  std::string_view whole("\xE2\x82\xAC", 3);
  CHECK(length_at_start(whole.substr(0, 2)) == 0);
  CHECK(length_at_start(whole) == 3);
}

TEST_CASE("utf8: a stray continuation byte starts nothing") {
  for (std::string_view bytes : {"\x80", "\xBF", "\x80\x80", "A\x80"}) {
    CAPTURE(bytes);
    CHECK_FALSE(roll::utf8::is_valid(bytes));
  }
  CHECK(length_at_start("\x80") == 0);
  CHECK(decode("A\xA9", 1).length == 0);
}

TEST_CASE("utf8: a byte limit never leaves half a character behind") {
  using roll::utf8::prefix_of_bytes;
  std::string text = "ab\xC3\xA9\xE2\x82\xAC\xF0\x9F\x9A\x80";  // a b é € 🚀
  CHECK(prefix_of_bytes(text, 100) == text);
  CHECK(prefix_of_bytes(text, 2) == "ab");
  CHECK(prefix_of_bytes(text, 3) == "ab");
  CHECK(prefix_of_bytes(text, 4) == "ab\xC3\xA9");
  CHECK(prefix_of_bytes(text, 6) == "ab\xC3\xA9");
  CHECK(prefix_of_bytes(text, 10) == "ab\xC3\xA9\xE2\x82\xAC");
  CHECK(prefix_of_bytes(text, 0).empty());
  // Invalid bytes are units of one byte each.
  CHECK(prefix_of_bytes("a\xFF\xFF"
                        "b",
                        2) == "a\xFF");
}

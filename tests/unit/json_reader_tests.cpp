// The strict JSON reader (src/core/json_reader.cpp) under the sync records: what roll writes is
// read back exactly, and everything else is refused with its column and a reason.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>

#include "core/json_reader.hpp"

using namespace roll::json;

namespace {

Object read(std::string_view text, const Limits& limits = {}) {
  auto parsed = parse_object(text, limits);
  CAPTURE(parsed.error);
  REQUIRE(parsed.object.has_value());
  CHECK(parsed.error.empty());
  return *parsed.object;
}

std::string refusal(std::string_view text, const Limits& limits = {}) {
  auto parsed = parse_object(text, limits);
  CHECK_FALSE(parsed.object.has_value());
  return parsed.error;
}

}  // namespace

TEST_CASE("json reader: every kind of value, in the order written, an object in an object") {
  auto o = read(R"( {"s":"text","n":-42,"t":true,"f":false,"z":null,"o":{"inner":7}} )");
  REQUIRE(o.size() == 6);
  CHECK(o[0].key == "s");
  CHECK(std::get<std::string>(o[0].value) == "text");
  CHECK(std::get<std::int64_t>(o[1].value) == -42);
  CHECK(std::get<bool>(o[2].value));
  CHECK_FALSE(std::get<bool>(o[3].value));
  CHECK(std::holds_alternative<std::monostate>(o[4].value));
  REQUIRE(o[5].is_object);
  REQUIRE(o[5].object.size() == 1);
  CHECK(std::get<std::int64_t>(o[5].object[0].value) == 7);
  CHECK(find(o, "t") == &o[2]);
  CHECK(find(o, "inner") == nullptr);  // only this object's own members
  CHECK(read("{}").empty());
  CHECK(read("{\"a\":1}\r").size() == 1);  // a CRLF checkout's line
}

TEST_CASE("json reader: escapes, surrogate pairs and UTF-8 as another writer may use them") {
  auto o = read(R"({"e":"\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude80","raw":"café 日本"})");
  CHECK(std::get<std::string>(o[0].value) == "\" \\ / \b \f \n \r \t \xC3\xA9 \xF0\x9F\x9A\x80");
  CHECK(std::get<std::string>(o[1].value) == "café 日本");
}

TEST_CASE("json reader: the whole 64-bit range, and not one past it") {
  auto o = read(R"({"min":-9223372036854775808,"max":9223372036854775807,"zero":0,"neg":-0})");
  CHECK(std::get<std::int64_t>(o[0].value) == std::numeric_limits<std::int64_t>::min());
  CHECK(std::get<std::int64_t>(o[1].value) == std::numeric_limits<std::int64_t>::max());
  CHECK(std::get<std::int64_t>(o[2].value) == 0);
  CHECK(refusal(R"({"n":9223372036854775808})") == "column 25: a number outside the 64-bit range");
  CHECK(refusal(R"({"n":-9223372036854775809})") == "column 25: a number outside the 64-bit range");
}

TEST_CASE("json reader: what roll does not write is refused, with the column and a reason") {
  CHECK(refusal("") == "column 1: expected '{' but the line ends");
  CHECK(refusal("[1]") == "column 1: expected '{'");
  CHECK(refusal(R"({"a":[1]})") == "column 6: arrays are not part of roll's records");
  CHECK(refusal(R"({"a":1.5})") ==
        "column 7: a fraction or an exponent (roll writes whole numbers only)");
  CHECK(refusal(R"({"a":1e3})") ==
        "column 7: a fraction or an exponent (roll writes whole numbers only)");
  CHECK(refusal(R"({"a":01})") == "column 6: a number with a leading zero");
  CHECK(refusal(R"({"a":-})") == "column 7: expected a digit");
  CHECK(refusal(R"({"a":1,"a":2})") == "column 11: the key \"a\" appears twice");
  CHECK(refusal(R"({"a":1} x)") == "column 9: text after the end of the object");
  CHECK(refusal(R"({"a" 1})") == "column 6: expected ':'");
  CHECK(refusal(R"({"a":1)") == "column 7: expected ',' or '}' but the line ends");
  CHECK(refusal(R"({"a":1;)") == "column 7: expected ',' or '}'");
  CHECK(refusal(R"({a:1})") == "column 2: expected a \"key\"");
  CHECK(refusal(R"({"a":yes})") ==
        "column 6: expected a string, a whole number, true, false or null");
  CHECK(refusal(R"({"a":"open)") == "column 11: a string that does not end");
  CHECK(refusal("{\"a\":\"tab\there\"}") ==
        "column 10: a control character inside a string (JSON needs it escaped)");
  CHECK(refusal(R"({"a":"\x"})") == "column 8: an unknown escape \\x");
  CHECK(refusal(R"({"a":"\u12)") == "column 9: a \\u escape cut short");
  CHECK(refusal(R"({"a":"\u12"})") == "column 11: a \\u escape needs four hex digits");
  CHECK(refusal(R"({"a":"\u12G4"})") == "column 11: a \\u escape needs four hex digits");
  CHECK(refusal(R"({"a":"\udc00"})") == "column 13: a lone low surrogate in a \\u escape");
  CHECK(refusal(R"({"a":"\ud83d"})") == "column 13: a high surrogate without its low half");
  CHECK(refusal(R"({"a":"\ud83d\u0041"})") == "column 19: a high surrogate without its low half");
  CHECK(refusal("{\"a\":\"\xC0\xAF\"}") == "column 7: bytes that are not UTF-8");
  CHECK(refusal("{\"a\":\"\xED\xA0\x80\"}") == "column 7: bytes that are not UTF-8");
  CHECK(refusal("{\"a\":\"\xE2\x82\"}") == "column 7: bytes that are not UTF-8");
}

TEST_CASE("json reader: depth and members are bounded by the caller's limits") {
  CHECK(read(R"({"a":{"b":1}})").size() == 1);
  CHECK(refusal(R"({"a":{"b":{"c":1}}})") == "column 11: objects nested deeper than roll writes");
  CHECK(refusal(R"({"a":{"b":1}})", Limits{1, 64}) ==
        "column 6: objects nested deeper than roll writes");
  CHECK(read(R"({"a":1,"b":2})", Limits{2, 2}).size() == 2);
  CHECK(refusal(R"({"a":1,"b":2,"c":3})", Limits{2, 2}) ==
        "column 19: more members in one object than roll writes");
  // A hostile depth fails at the limit, never by recursing into all of it.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
  CHECK(refusal(deep).starts_with("column 11: objects nested deeper"));
}

// "1 day", "3 days" (include/roll/plural.hpp): the one way roll counts things in its sentences.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>

#include "roll/plural.hpp"

using roll::plural;
using roll::plural_noun;

TEST_CASE("plural: one is singular, every other count plural, a count of any integer type") {
  CHECK(plural(1, "day") == "1 day");
  CHECK(plural(0, "day") == "0 days");
  CHECK(plural(2, "day") == "2 days");
  CHECK(plural(-1, "day") == "-1 days");
  CHECK(plural(std::size_t{1}, "journal line") == "1 journal line");
  CHECK(plural(std::int64_t{21}, "record") == "21 records");
  CHECK(plural(1, "injury", "injuries") == "1 injury");
  CHECK(plural(3, "injury", "injuries") == "3 injuries");
  CHECK(plural_noun(1, "pain stop") == "pain stop");
  CHECK(plural_noun(std::size_t{4}, "pain stop") == "pain stops");
}

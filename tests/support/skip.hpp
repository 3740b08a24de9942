#pragma once
// A doctest case that cannot run here skips, and decides so before its first assertion:
//
//   TEST_CASE("...") {
//     ROLL_SKIP_UNLESS(std::filesystem::exists("/dev/full"), "no /dev/full");
//     ...
//   }
//
// The suite's main (suite_main.hpp) prints "SKIPPED: why" when the case ends and exits 77 when
// every case it ran skipped, which ctest shows as skipped (SKIP_RETURN_CODE). A case that skips
// after an assertion, passed or failed, is an error instead: a failure never shows as a skip.
#include <optional>
#include <string>

namespace roll::test {

struct SkipRecord {
  std::optional<std::string> why;  // the current case's reason, once it skipped
  int cases_run = 0;
  int cases_skipped = 0;
  bool misplaced = false;  // some case skipped after an assertion
};

[[nodiscard]] inline SkipRecord& skip_record() {
  static SkipRecord record;
  return record;
}

// Marks the current case skipped; the caller returns at once (ROLL_SKIP_UNLESS does).
inline void skip_case(std::string why) {
  skip_record().why = std::move(why);
}

}  // namespace roll::test

// Ends the current case as skipped, with `why` (a std::string), unless `condition` holds.
#define ROLL_SKIP_UNLESS(condition, why) \
  do {                                   \
    if (!(condition)) {                  \
      ::roll::test::skip_case(why);      \
      return;                            \
    }                                    \
  } while (false)

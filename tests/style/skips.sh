#!/bin/sh
# One skip convention (ARCHITECTURE.md, "Tests"): a test that cannot run here decides so before its
# first check, prints "SKIPPED: why" and exits 77, which ctest shows as skipped.
#  - A doctest case skips only through ROLL_SKIP_UNLESS (tests/support/skip.hpp), never by
#    printing SKIPPED itself, and no CHECK, REQUIRE or FAIL comes before it in the case. (The
#    suites' main also refuses, as the case runs, a skip that follows an assertion made anywhere.)
#  - A script's exit 77 says "SKIPPED: " on its line or the line before, or goes through the
#    skip helpers (tests/support/roll_test.sh, roll_test.py).
# Usage: skips.sh SOURCE_DIR
set -u
cd "$1" || exit 2
status=0

printed=$(grep -rn 'SKIPPED' tests/unit tests/cli tests/e2e)
if [ -n "$printed" ]; then
  echo "doctest cases that print SKIPPED themselves (use ROLL_SKIP_UNLESS):" >&2
  echo "$printed" >&2
  status=1
fi

late=$(awk '
  FNR == 1 { in_case = 0; asserted = 0 }
  /^(TEST_CASE|SCENARIO)\(/ { in_case = 1; asserted = 0; name = $0; next }
  /^}/ { in_case = 0 }
  in_case && /(^|[^A-Z_])(CHECK|REQUIRE|FAIL)(_[A-Z_]+)?\(/ { asserted = FNR }
  in_case && /ROLL_SKIP_UNLESS\(/ && asserted {
    printf "%s:%d: a skip after the assertion on line %d\n", FILENAME, FNR, asserted
  }
' tests/unit/*.cpp tests/cli/*.cpp tests/e2e/*.cpp)
if [ -n "$late" ]; then
  echo "doctest cases that decide to skip after an assertion:" >&2
  echo "$late" >&2
  status=1
fi

silent=$(find tests -path tests/data -prune -o \( -name '*.sh' -o -name '*.py' \) -print |
  grep -v '^tests/support/roll_test\.' | sort | xargs awk '
  (/exit 77[[:space:]]*($|;|[}])/ || /sys\.exit\(77\)/) && !/SKIPPED: / && previous !~ /SKIPPED: / {
    printf "%s:%d: %s\n", FILENAME, FNR, $0
  }
  { previous = $0 }
')
if [ -n "$silent" ]; then
  echo "scripts that exit 77 without saying SKIPPED: why (or skip, from tests/support/roll_test.*):" >&2
  echo "$silent" >&2
  status=1
fi

[ "$status" = 0 ] && echo "skips: every one says why and comes before the first check"
exit $status

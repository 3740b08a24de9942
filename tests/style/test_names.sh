#!/bin/sh
# No doctest case name holds a ';': doctest_discover_tests hands the names to CMake as a list, so a
# ';' splits one case into two ctest tests that each run nothing and pass (four e2e cases ran so).
# Usage: test_names.sh TEST_BINARY...
set -u
status=0
for binary in "$@"; do
  found=$("$binary" --list-test-cases --no-intro=true --no-version=true | grep ';')
  if [ -n "$found" ]; then
    echo "$binary: case names with ';' (ctest would run nothing under them):" >&2
    echo "$found" >&2
    status=1
  fi
done
exit $status

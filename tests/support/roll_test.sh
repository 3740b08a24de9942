# shellcheck shell=sh
# What the shell test scripts share with the doctest suites: the skip convention and the suite's
# time zone. Sourced: . "$(dirname "$0")/../support/roll_test.sh"

# skip WHY: the script cannot run here; called before its first check, so a failure is never
# reported as a skip. Exit 77 is what ctest shows as skipped.
skip() {
  echo "SKIPPED: $*"
  exit 77
}

# use_test_time_zone: exports TZ=ROLL_TEST_TZ (default UTC) for every roll the script runs, or
# exits 1 when the zone is not in test_zones.txt or the C library does not give it the offset
# written there (it takes a zone it cannot find for UTC).
use_test_time_zone() {
  zone=${ROLL_TEST_TZ:-UTC}
  table="$(dirname "$0")/../support/test_zones.txt"
  expected=$(awk -v z="$zone" '$1 == z && !/^#/ { print $2 }' "$table")
  if [ -z "$expected" ]; then
    echo "ROLL_TEST_TZ=$zone is not in $table: add the zone and its offset on 2026-11-23 there" >&2
    exit 1
  fi
  # +HHMM east of UTC at 2026-11-23T12:00:00Z, in minutes.
  actual=$(TZ=$zone date -d @1795435200 +%z |
    awk '{ m = substr($0, 2, 2) * 60 + substr($0, 4, 2); print (substr($0, 1, 1) == "-") ? -m : m }')
  if [ "$actual" != "$expected" ]; then
    echo "ROLL_TEST_TZ=$zone is $actual minutes from UTC on 2026-11-23 here, not $expected" \
      "(is tzdata installed? the C library takes a zone it cannot find for UTC)" >&2
    exit 1
  fi
  export TZ="$zone"
}

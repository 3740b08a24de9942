#!/bin/sh
# mandoc -Tlint, a second man-page reader beside groff, finds nothing to warn about in roll(1).
# Usage: mandoc_test.sh MAN_PAGE. Exit 77 (skipped) without mandoc.
set -eu
page=$1
command -v mandoc >/dev/null 2>&1 || { echo "SKIPPED: no mandoc"; exit 77; }
# -W warning: warnings, errors and unsupported requests; style notes are left out.
out=$(mandoc -Tlint -W warning "$page" 2>&1) || true
if [ -n "$out" ]; then
  echo "mandoc -Tlint -W warning $page:" >&2
  echo "$out" >&2
  exit 1
fi
echo "mandoc: no warnings"

#!/bin/sh
# The benchmark's routines are lint-clean under the current rules (roll lint --strict): the timing
# fixtures of run.sh (tests/bench/fixtures.sh) and the files make_routines.py writes, the large one
# included. A fixture that warns would bench a routine roll tells its user to fix.
#   fixtures_lint_test.sh ROLL SOURCE_DIR
set -eu
roll=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/roll-fixtures-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
. "$src/tests/bench/fixtures.sh"
routine "$work/ten.toml" 10
routine "$work/long.toml" 600
long_routine "$work/fifteen.toml"
python3 "$src/tests/bench/make_routines.py" "$work/files" 9 --large
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
failed=0
for f in "$work"/*.toml "$work"/files/*.toml "$work"/large/large.toml; do
  if ! out=$("$roll" lint --strict "$f" 2>&1); then
    echo "FAIL: $f is not lint-clean:" >&2
    echo "$out" >&2
    failed=1
  fi
done
[ "$failed" = 0 ] && echo "ok: every bench fixture passes roll lint --strict"
exit "$failed"

#!/bin/sh
# Measures once how long espeak-ng takes to say each phrase of roll's voice in the bundled routines,
# and writes the table the voice timing test reads (tests/data/espeak-ng-phrases.tsv): the fake
# speaker of that test is busy exactly as long as espeak-ng at -s 140 would be. Run it again when
# a bundled routine's words change (the test warns about any phrase the table lacks).
#
#   tests/tools/measure_phrases.sh [BUILD_DIR]     (default build/dev; needs espeak-ng and sox)
#
# The length of a phrase is that of the WAV espeak-ng writes for it (`--stdout`, so no sound device
# is needed), as sox's `stat` reads it: the speech and the short silence espeak-ng ends it with.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/dev}
out=$here/tests/data/espeak-ng-phrases.tsv
command -v espeak-ng >/dev/null || { echo "espeak-ng is not installed" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox is not installed" >&2; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo "# How long espeak-ng takes to say each phrase of roll's voice in the bundled routines."
  echo "# Made by tests/tools/measure_phrases.sh: $(espeak-ng --version | sed 's/ *Data at.*//'), -s 140 --stdout,"
  echo "# length by $(sox --version 2>&1 | sed 's/^sox: *//') stat. Milliseconds, a tab, the phrase."
  "$build/tests/roll_phrases" "$here"/routines/*.toml | while IFS= read -r phrase; do
    seconds=$(printf '%s\n' "$phrase" | espeak-ng -s 140 --stdin --stdout | sox -t wav - -n stat 2>&1 |
      awk '/^Length \(seconds\)/ { print $3 }')
    printf '%s\t%s\n' "$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 + 0.5 }')" "$phrase"
  done
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "$(grep -vc '^#' "$out") phrases in $out"

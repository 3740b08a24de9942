#!/usr/bin/env bash
# Instructions and minor page faults of the short commands run.sh section 3 times, for one or more
# roll binaries: the two measures of start-up that the load of the machine does not move, unlike
# wall-clock time (startup_compare.sh). Instructions are callgrind's total (user space, the
# dynamic loader included); faults are `/usr/bin/time`'s minor faults, the median of RUNS runs
# (they move by a few with where the kernel places the mappings). Run it by hand, never in CTest.
#
#   tests/bench/startup_counts.sh A/bin/roll [B/bin/roll ...]
#   RUNS=21 tests/bench/startup_counts.sh ...    (the default)
#
# Each binary is measured as a fresh copy, all at paths of one length: how many pages one fault
# maps depends on how the file sits in the page cache, which changes as it ages there, and one and
# the same binary took 13 more faults as a file an hour old than as a new copy. Each gets its own temporary XDG_* directories, a history of one
# year of sessions (one a night, as run.sh section 5 fills it) and a warm cache of checked
# routines where the binary has one, and finds the bundled routines beside the original
# (<bin>/../share/roll/routines). Prints one Markdown table, a column per binary.
set -euo pipefail

(($# >= 1)) || { echo "usage: $0 ROLL [ROLL ...]" >&2; exit 2; }
runs=${RUNS:-21}
here=$(cd "$(dirname "$0")/../.." && pwd)
for tool in valgrind sqlite3 python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/roll-counts-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$here"
export TZ=UTC ROLL_NOW=2026-11-23T20:00:00Z

labels=("roll due --quiet" "roll list" "roll list --no-cache" "roll lint routines/"
        "roll lint --no-cache routines/")
args=("due --quiet" "list" "list --no-cache" "lint routines/" "lint --no-cache routines/")

i=0
for binary in "$@"; do
  home=$work/$i
  mkdir -p "$home/bin"
  cp "$(realpath "$binary")" "$home/bin/roll"
  ln -s "$(dirname "$(realpath "$binary")")/../share" "$home/share"
  roll=$home/bin/roll
  export HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data
  export XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
  "$roll" due --quiet >/dev/null 2>&1 || true  # creates the history
  sqlite3 "$XDG_DATA_HOME/roll/history.sqlite3" >/dev/null <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 365)
INSERT INTO sessions (routine, title, started_at, ended_at, planned_seconds, completed_seconds, status)
SELECT 'bedtime', 'Bedtime wind-down',
       strftime('%s', '2026-11-22 21:30:00') - i * 86400,
       strftime('%s', '2026-11-22 21:30:00') - i * 86400 + 300, 300, 300, 'completed'
FROM n;
INSERT INTO session_zones (session_id, zone, seconds) SELECT id, 'thoracic', 300 FROM sessions;
COMMIT;
SQL
  for a in "${args[@]}"; do
    # shellcheck disable=SC2086  # the arguments are words on purpose
    "$roll" $a >/dev/null 2>&1 || true  # warms the cache of checked routines where there is one
  done
  for k in "${!args[@]}"; do
    # shellcheck disable=SC2086
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$roll" ${args[$k]} 2>&1 >/dev/null |
      sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
    faults=()
    for ((r = 0; r < runs; r++)); do
      # shellcheck disable=SC2086
      /usr/bin/time -f '%R' -o "$work/time" "$roll" ${args[$k]} >/dev/null 2>&1 || true
      faults+=("$(tail -n 1 "$work/time")")
    done
    printf '%s\t%s\t%s\t%s\n' "$i" "$k" "$ir" "${faults[*]}" >>"$work/rows.tsv"
  done
  i=$((i + 1))
done

python3 - "$work/rows.tsv" "${labels[@]}" -- "$@" <<'PY'
import statistics, sys
rest = sys.argv[2:]
labels, binaries = rest[:rest.index("--")], rest[rest.index("--") + 1:]
cells = {}
for line in open(sys.argv[1]):
    b, k, ir, faults = line.rstrip("\n").split("\t")
    median = statistics.median(int(f) for f in faults.split())
    cells[int(b), int(k)] = f"{int(ir) / 1e3:,.0f} k, {median:.0f}"
print("| command | " + " | ".join(binaries) + " |")
print("| --- |" + " --- |" * len(binaries))
for k, label in enumerate(labels):
    print(f"| `{label}` | " + " | ".join(cells[b, k] for b in range(len(binaries))) + " |")
print()
print("Each cell: instructions (callgrind), minor page faults (median).")
PY

#!/usr/bin/env bash
# Start-up of two roll binaries against timew and `sleep 0`: run.sh section 3's commands, for a
# before/after figure (issue #13). Each round runs the before binary's commands with the peers
# in one hyperfine invocation, then the after binary's; medians are pooled over the rounds, and
# each ratio is against timew measured in the same invocations. Real time: run it by hand on an
# idle machine, never in CTest. On this VM the same command's median moves by 10-25% from one
# hyperfine invocation to the next, so the rounds are many and short, and which binary goes first
# alternates from round to round.
#
#   tests/bench/startup_compare.sh BEFORE/bin/roll AFTER/bin/roll
#   ROUNDS=30 RUNS=30 tests/bench/startup_compare.sh ...    (the defaults)
#
# Each binary finds its bundled routines beside it (<bin>/../share/roll/routines), as a build
# tree has them, and gets its own empty history (a newer roll migrates the file, and an older one
# then refuses it).
set -euo pipefail

[[ $# == 2 ]] || { echo "usage: $0 BEFORE_ROLL AFTER_ROLL" >&2; exit 2; }
declare -A binary=([before]=$(realpath "$1") [after]=$(realpath "$2"))
rounds=${ROUNDS:-30}
runs=${RUNS:-30}
here=$(cd "$(dirname "$0")/../.." && pwd)
for tool in hyperfine timew python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/roll-startup-XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state TZ=UTC
export TIMEWARRIORDB=$work/timew
mkdir -p "$TIMEWARRIORDB"
touch "$TIMEWARRIORDB/timewarrior.cfg"  # without it, timew asks whether to create one
# A user past the first session's screening: without the answers `roll due` holds the day and
# stops before it reads the history, which is not what a reminder costs a real user.
mkdir -p "$XDG_CONFIG_HOME/roll"
printf '[conditions]\nosteoporosis = false\nrecent-trauma = false\nmuscle-guarding = false\nactive-cancer = false\nneurological-symptoms = false\nrecent-surgery = false\nasked = %s\n' \
  "$(date -u +%F)" >"$XDG_CONFIG_HOME/roll/config.toml"
cd "$here"

for ((r = 1; r <= rounds; r++)); do
  order="before after"
  ((r % 2 == 0)) && order="after before"
  for side in $order; do
    roll=${binary[$side]}
    export XDG_DATA_HOME=$work/data-$side
    "$roll" due --quiet >/dev/null 2>&1 || true  # the history exists from here on
    hyperfine -N -i --warmup 3 --runs "$runs" --style none --export-json "$work/$side-$r.json" \
      "$roll due --quiet" "$roll list" "$roll lint routines/" "sleep 0" "timew" >/dev/null 2>&1
  done
done

python3 - "$work" <<'PY'
import glob, json, statistics, sys
work = sys.argv[1]
labels = ["roll due --quiet", "roll list", "roll lint routines/", "sleep 0", "timew"]
print("| command | before | after |")
print("| --- | --- | --- |")
medians = {}
for side in ("before", "after"):
    pooled = [[] for _ in labels]
    for path in sorted(glob.glob(f"{work}/{side}-*.json")):
        for times, result in zip(pooled, json.load(open(path))["results"]):
            times += result["times"]
    medians[side] = [statistics.median(t) for t in pooled]
for i, label in enumerate(labels):
    cells = []
    for side in ("before", "after"):
        m, timew = medians[side][i], medians[side][-1]
        cells.append(f"{m * 1000:.2f} ms, {m / timew:.2f}x timew")
    print(f"| `{label}` | {cells[0]} | {cells[1]} |")
PY

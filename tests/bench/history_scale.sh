#!/usr/bin/env bash
# Times `roll due`, `roll history --limit 20` and `roll stats` on a history of 10 and 100 years of
# nightly sessions. Targets: due < 5 ms and stats < 50 ms at 100 years.
#
#   cmake --preset release && cmake --build --preset release -j2
#   tests/bench/history_scale.sh [path/to/roll]
#
# Needs sqlite3 (Debian package `sqlite3`) to fill the database; uses hyperfine when installed,
# else a loop timed with `date`.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
roll=${1:-$here/build/release/bin/roll}
[[ -x $roll ]] || roll=$here/build/dev/bin/roll
[[ -x $roll ]] || { echo "build roll first (cmake --workflow --preset dev)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC ROLL_NOW=2026-11-23T20:00:00Z

fill() {  # fill DATA_HOME YEARS
  local data=$1 years=$2
  mkdir -p "$data"
  XDG_DATA_HOME=$data XDG_CONFIG_HOME=$work/config "$roll" due --quiet >/dev/null || true  # creates the schema
  local days=$((years * 365 + years / 4))
  # One bedtime session a night at 21:30 UTC ending yesterday, two zones each; every 50th quit.
  sqlite3 "$data/roll/history.sqlite3" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $days)
INSERT INTO sessions (routine, title, started_at, ended_at, planned_seconds, completed_seconds, status)
SELECT 'bedtime', 'Bedtime wind-down',
       strftime('%s', '2026-11-22 21:30:00') - i * 86400,
       strftime('%s', '2026-11-22 21:30:00') - i * 86400 + 300, 300,
       CASE WHEN i % 50 = 0 THEN 120 ELSE 300 END,
       CASE WHEN i % 50 = 0 THEN 'quit' ELSE 'completed' END
FROM n;
INSERT INTO session_zones (session_id, zone, seconds) SELECT id, 'thoracic', 180 FROM sessions;
INSERT INTO session_zones (session_id, zone, seconds) SELECT id, 'glutes', 120 FROM sessions;
INSERT INTO pressures (session_id, at_seconds, value, zone) SELECT id, 60, 5, 'thoracic' FROM sessions;
COMMIT;
SQL
  echo "$years years: $(sqlite3 "$data/roll/history.sqlite3" 'SELECT count(*) FROM sessions') sessions," \
       "$(du -h "$data/roll/history.sqlite3" | cut -f1)"
}

time_cmd() {  # time_cmd DATA_HOME LABEL ARGS...
  local data=$1 label=$2
  shift 2
  if command -v hyperfine >/dev/null; then
    XDG_DATA_HOME=$data XDG_CONFIG_HOME=$work/config hyperfine -N --warmup 5 --runs 50 -i \
      --style basic --export-json "$work/h.json" "$roll $*" >/dev/null 2>&1
    python3 - "$work/h.json" "$label" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"  {sys.argv[2]:<26} mean {r['mean']*1000:7.2f} ms  min {r['min']*1000:7.2f} ms  max {r['max']*1000:7.2f} ms")
PY
  else
    local runs=50 start end
    start=$(date +%s%N)
    for _ in $(seq $runs); do XDG_DATA_HOME=$data XDG_CONFIG_HOME=$work/config "$roll" "$@" >/dev/null || true; done
    end=$(date +%s%N)
    printf '  %-26s mean %7.2f ms\n' "$label" "$(echo "($end - $start) / $runs / 1000000" | bc -l)"
  fi
}

echo "binary: $roll"
for years in 10 100; do
  data=$work/data-$years
  fill "$data" "$years"
  time_cmd "$data" "roll due" due --quiet
  time_cmd "$data" "roll history --limit 20" history --limit 20
  time_cmd "$data" "roll history --json (all)" history --json --limit 0
  time_cmd "$data" "roll stats" stats
  time_cmd "$data" "roll stats --json" stats --json
done

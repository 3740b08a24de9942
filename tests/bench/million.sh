#!/bin/sh
# A million sessions (one every 25 minutes for 47 years up to ROLL_NOW, each with a zone), made
# with sqlite3 in the schema roll itself created, then the three commands of issue #15 measured
# with /usr/bin/time -v: roll history --json --limit 0 (streams, < 64 MB peak), roll stats
# --weeks 520 (< 1 s) and roll due (as on an empty history).
# Usage: tests/bench/million.sh [ROLL_BINARY]   (default build/release/bin/roll)
set -eu
roll=${1:-build/release/bin/roll}
[ -x "$roll" ] || { echo "no $roll: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# KEEP=DIR: also leave a copy of the million-session data directory there.
keep=${KEEP:-}
now=2026-11-23T21:00:00Z
run() {
  env -i HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_STATE_HOME="$work/state" TZ=UTC ROLL_NOW=$now "$roll" "$@"
}
run history >/dev/null  # creates the current schema
db=$work/data/roll/history.sqlite3
end=$(date -u -d "$now" +%s)
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
INSERT INTO sessions (uid, device, routine, title, started_at, ended_at, planned_seconds,
                      completed_seconds, status, utc_offset, origin)
SELECT printf('%08x-%04x-7%03x-%04x-%012x', (t * 1000) >> 16, (t * 1000) & 65535,
              abs(random()) % 4096, 32768 + abs(random()) % 16384, abs(random()) % 281474976710656),
       '01890a5d-ac96-774b-bcce-b302099a8057', 'bedtime', 'Bedtime', t, t + 300, 300, 300,
       CASE WHEN i % 10 = 0 THEN 'quit' ELSE 'completed' END, 0, 'live'
FROM (SELECT i, $end - 1500 * (i + 1) AS t FROM n);
INSERT INTO session_zones (session_id, zone, seconds, uid, device)
SELECT id, 'thoracic', 300, uid || '-z', device FROM sessions;
COMMIT;
SQL
printf 'sessions: %s, file: %s MB\n' "$(sqlite3 "$db" 'SELECT count(*) FROM sessions')" \
  "$(du -m "$db" | cut -f1)"
[ -z "$keep" ] || { mkdir -p "$keep" && cp -r "$work/data" "$keep/"; }
measure() {
  label=$1
  shift
  for i in 1 2 3; do
    /usr/bin/time -v -o "$work/time" env -i HOME="$work" XDG_CONFIG_HOME="$work/config" \
      XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" TZ=UTC ROLL_NOW=$now \
      "$roll" "$@" >"$work/out" 2>"$work/err" || true
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    printf '%-36s run %s: wall %s, peak RSS %s kB, output %s bytes\n' "$label" "$i" "$wall" "$rss" \
      "$(wc -c <"$work/out")"
  done
}
measure "roll history --json --limit 0" history --json --limit 0
measure "roll history --csv --limit 0" history --csv --limit 0
measure "roll stats --weeks 520" stats --weeks 520
# roll due's wall is below /usr/bin/time's 10 ms resolution: 200 runs, timed together.
due_200() {
  start=$(date +%s%N)
  for i in $(seq 1 200); do run due --quiet >/dev/null 2>&1 || true; done
  echo $((($(date +%s%N) - start) / 200000))
}
measure "roll due" due --quiet
printf '%-36s mean wall over 200 runs: %s us\n' "roll due" "$(due_200)"
rm -rf "$work/data"
run history >/dev/null
measure "roll due (empty history)" due --quiet
printf '%-36s mean wall over 200 runs: %s us\n' "roll due (empty history)" "$(due_200)"

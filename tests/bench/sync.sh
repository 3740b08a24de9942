#!/bin/sh
# roll sync at scale (issue 20): three devices, each with ten years of nightly sessions (each
# with three zones and a pressure reading), made with sqlite3 in the schema roll itself created.
# Measured: the first sync of each device in turn (the third writes its own ~18,000 records and
# merges the other two's ~37,000: "from scratch", target < 2 s), then a sync with nothing new
# (target < 50 ms). Then a fourth device's valid 1 GiB journal (injuries with 4,000-character
# notes, each line valid) merged into c: time and peak resident set (GNU time), which must not
# grow with the journal (target < 64 MB). ROLL_BENCH_BIG=0 leaves that part out.
# Usage: tests/bench/sync.sh [ROLL_BINARY]   (default build/release/bin/roll)
set -eu
roll=${1:-build/release/bin/roll}
[ -x "$roll" ] || { echo "no $roll: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-11-23T21:00:00Z
end=$(date -u -d "$now" +%s)
mkdir -p "$work/shared"
run() {
  dev=$1
  shift
  env -i HOME="$work/$dev" XDG_CONFIG_HOME="$work/$dev/config" XDG_DATA_HOME="$work/$dev/data" \
    XDG_STATE_HOME="$work/$dev/state" TZ=UTC ROLL_NOW=$now "$roll" "$@"
}
n=0
for dev in a b c; do
  n=$((n + 1))
  id=$(printf '01890a5d-ac96-774b-bcce-b302099a805%s' "$n")
  mkdir -p "$work/$dev/state/roll"
  echo "$id" >"$work/$dev/state/roll/device-id"
  run "$dev" history >/dev/null  # creates the current schema
  # Each device's nights at their own minute, so no two devices' sessions share a uid.
  sqlite3 "$work/$dev/data/roll/history.sqlite3" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 3649)
INSERT INTO sessions (uid, device, routine, title, started_at, ended_at, planned_seconds,
                      completed_seconds, status, utc_offset, origin)
SELECT printf('%08x-%04x-7%03x-%04x-%012x', (t * 1000) >> 16, (t * 1000) & 65535,
              abs(random()) % 4096, 32768 + abs(random()) % 16384, abs(random()) % 281474976710656),
       '$id', 'bedtime', 'Bedtime', t, t + 600, 600, 600,
       CASE WHEN i % 10 = 0 THEN 'partial' ELSE 'completed' END, 0, 'live'
FROM (SELECT i, $end - 86400 * (i + 1) + 60 * $n AS t FROM k);
INSERT INTO session_zones (session_id, zone, seconds, uid, device)
SELECT id, z.zone, 200, uid || '-' || z.zone, device FROM sessions,
  (SELECT 'thoracic' AS zone UNION ALL SELECT 'lats' UNION ALL SELECT 'rhomboids') AS z;
INSERT INTO pressures (session_id, at_seconds, value, zone, uid, device)
SELECT id, 30, 5, 'thoracic', uid || '-p', device FROM sessions;
-- roll queues for sync what it writes itself (TEMP triggers of its own connection, schema 5);
-- a record by its kind, uid and device (schema 9);
-- rows another program puts in are queued by hand, as the migration to schema 4 queued old rows.
INSERT OR IGNORE INTO sync_outbox (kind, uid, device) SELECT 'session', uid, device FROM sessions;
INSERT OR IGNORE INTO sync_outbox (kind, uid, device)
  SELECT 'session_zone', uid, device FROM session_zones;
INSERT OR IGNORE INTO sync_outbox (kind, uid, device) SELECT 'pressure', uid, device FROM pressures;
COMMIT;
SQL
done
ms() { echo $(($(date +%s%N) / 1000000)); }
timed() {
  label=$1
  shift
  start=$(ms)
  "$@" >"$work/out" 2>"$work/err"
  took=$(($(ms) - start))
  printf '%-58s %6d ms   %s\n' "$label" "$took" "$(cat "$work/out")"
}
printf 'records per device: %s\n' \
  "$(sqlite3 "$work/a/data/roll/history.sqlite3" 'SELECT count(*) FROM sync_outbox')"
timed "a: first sync (writes its journal, nothing to read)" run a sync "$work/shared"
timed "b: first sync (writes its own, merges a's)" run b sync "$work/shared"
timed "c: first sync (writes its own, merges a's and b's): from scratch" run c sync "$work/shared"
timed "a: second sync (merges b's and c's)" run a sync "$work/shared"
timed "b: second sync (merges c's)" run b sync "$work/shared"
for i in 1 2 3; do timed "c: up to date (nothing new anywhere), run $i" run c sync "$work/shared"; done
timed "c: roll sync --status" run c sync --status "$work/shared"
ls -l "$work/shared" | sed 1d | awk '{print "journal " $9 ": " $5 " bytes"}'
for dev in a b c; do
  printf '%s: %s sessions\n' "$dev" "$(run "$dev" stats --json | sed -n 's/.*"total_sessions" : \([0-9]*\).*/\1/p')"
done
[ "${ROLL_BENCH_BIG:-1}" = 0 ] && exit 0
[ -x /usr/bin/time ] || { echo "the 1 GiB journal needs GNU time (/usr/bin/time)" >&2; exit 2; }
big=01890a5d-ac96-774b-bcce-b302099a8059
awk -v dev="$big" -v end="$end" 'BEGIN {
  note = sprintf("%4000s", ""); gsub(/ /, "n", note)
  printf "{\"roll_journal\":1,\"device\":\"%s\"}\n", dev
  for (i = 0; bytes < 1073741824; i++) {
    line = sprintf("{\"v\":1,\"kind\":\"injury\",\"uid\":\"01890a5d-ac96-7000-8000-%012x\",\"device\":\"%s\",\"fields\":{\"zone\":\"calves\",\"at\":%d,\"note\":\"%s\",\"cleared\":true}}", i, dev, end - 86400 - i, note)
    print line
    bytes += length(line) + 1
  }
}' >"$work/shared/$big.ndjson"
printf 'journal %s: %s bytes\n' "$big" "$(stat -c %s "$work/shared/$big.ndjson")"
/usr/bin/time -f 'c: merges the 1 GiB journal: %e s wall, %U s user, %S s sys, %M kB peak RSS' \
  env -i HOME="$work/c" XDG_CONFIG_HOME="$work/c/config" XDG_DATA_HOME="$work/c/data" \
  XDG_STATE_HOME="$work/c/state" TZ=UTC ROLL_NOW=$now "$roll" sync "$work/shared" >"$work/out"
cat "$work/out"

#!/usr/bin/env bash
# The benchmarks of issue #7, side by side in one run: timing accuracy against a naive sleep loop,
# the idle cost of a session, start-up against timew and `sleep 0`, lint throughput against a bare
# toml++ parse and taplo, and the history commands at 1, 10 and 100 years. Prints one Markdown
# table with every figure, its target and the ratio to its peer (tests/bench/RESULTS.md holds the
# latest). Real time: run by hand on a quiet machine, never in CTest.
#
#   tests/bench/run.sh                 the full run (about 10 minutes, 6 of them real-time sessions)
#   QUICK=1 tests/bench/run.sh         short sessions and few runs, to check the script itself
#   ROLL=path/to/roll tests/bench/run.sh   bench that binary instead of building build/release
#   OUT=table.md tests/bench/run.sh    also write the table there
#
# Installs what it needs when run as root (apt-get: hyperfine timewarrior sqlite3 time python3
# tmux; npm: @taplo/cli into a cache directory). Whatever cannot be installed is skipped with a
# note in the table; the rest still runs.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
bench=$here/tests/bench
quick=${QUICK:-0}
cache=${ROLL_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/roll-bench}
work=$(mktemp -d "${TMPDIR:-/tmp}/roll-bench-XXXXXX")
tmux_socket="roll-bench-$$"
cleanup() {
  tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $quick == 1 ]]; then
  long_s=12 runs=15 history_years="1 10" lint_runs=5 scale_runs=10 taplo_runs=1
else
  long_s=60 runs=100 history_years="1 10 100" lint_runs=20 scale_runs=50 taplo_runs=2
fi

say() { printf '== %s\n' "$*" >&2; }
rows=$work/rows.tsv   # section, measure, value, target, verdict, peer/ratio
notes=$work/notes.txt
: >"$rows"
: >"$notes"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"; }
note() { printf -- '- %s\n' "$*" >>"$notes"; say "note: $*"; }
# calc EXPR: Python arithmetic on the figures, for formatting and verdicts.
calc() { python3 -c "import math; print($1)"; }
# verdict OK_EXPR: "met" or "MISSED".
verdict() { [[ $(calc "bool($1)") == True ]] && echo met || echo MISSED; }

# --- what it needs ---------------------------------------------------------------------------
if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  need=()
  for pair in hyperfine:hyperfine timew:timewarrior sqlite3:sqlite3 /usr/bin/time:time \
              python3:python3 tmux:tmux; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
  done
  if ((${#need[@]})); then
    say "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${need[@]}" >"$work/apt.log" 2>&1 ||
      { apt-get update -q >>"$work/apt.log" 2>&1 && apt-get install -y -q "${need[@]}" >>"$work/apt.log" 2>&1; } ||
      say "apt-get failed (see below); going on with what is there"
  fi
fi
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh needs $tool" >&2; exit 2; }
done
taplo=$cache/node_modules/.bin/taplo
if [[ ! -x $taplo ]] && command -v npm >/dev/null; then
  say "npm install @taplo/cli into $cache"
  mkdir -p "$cache"
  timeout 180 npm install --prefix "$cache" --no-audit --no-fund @taplo/cli >"$work/npm.log" 2>&1 || true
fi
[[ -x $taplo ]] || { taplo=; note "taplo skipped: npm could not install @taplo/cli (no network or no npm)"; }

# --- roll in Release, and the bare toml++ parse ----------------------------------------------
if [[ -n ${ROLL:-} ]]; then
  roll=$(realpath "$ROLL")
else
  say "cmake --workflow --preset release"
  (cd "$here" && cmake --workflow --preset release >"$work/build.log" 2>&1) ||
    { tail -n 30 "$work/build.log" >&2; echo "the release build failed" >&2; exit 2; }
  roll=$here/build/release/bin/roll
fi
toml_parse=$work/toml_parse
# shellcheck disable=SC2046  # pkg-config prints several words on purpose
g++ -O2 -std=c++20 "$bench/toml_parse.cpp" -o "$toml_parse" $(pkg-config --cflags --libs tomlplusplus)

# Nothing of the user's: config, history and timew's database all live in the work directory.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache TIMEWARRIORDB=$work/timew TZ=UTC
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$TIMEWARRIORDB"
touch "$TIMEWARRIORDB/timewarrior.cfg"  # without it, timew asks whether to create one

# --- 1. timing accuracy ----------------------------------------------------------------------
# The routines it times: routine and long_routine (tests/bench/fixtures.sh, also linted by CTest).
. "$bench/fixtures.sh"
routine "$work/ten.toml" 10
routine "$work/long.toml" "$long_s"
long_routine "$work/fifteen.toml"
speed=60
[[ $quick == 1 ]] && speed=300

roll_timing() {  # roll_timing ROUTINE SPEED -> JSON
  python3 "$bench/timing.py" roll "$2" -- "$roll" session "$1" --events --no-log --yes --speed "$2"
}
# The thing we are better than: sleep a period, print, repeat. Each `sleep` is a fork and an exec,
# and nothing accounts for them, so the countdown slips a little every tick.
naive_timing() {  # naive_timing PERIOD_S COUNT -> JSON
  local period_ms
  period_ms=$(calc "$1 * 1000")
  python3 "$bench/timing.py" lines "$period_ms" "$2" -- bash -c '
    period=$1; left=$2; echo "start"
    while ((left > 0)); do sleep "$period"; left=$((left - 1)); echo "$left left"; done' \
    naive "$1" "$2"
}
j() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
fmt_ms() { calc "'%+.1f ms' % ($1)"; }
fmt_lat() {  # fmt_lat FILE KEY -> "p50 / p99 / max"
  j "$1" "'%.2f / %.2f / %.2f ms' % (d['$2']['p50'], d['$2']['p99'], d['$2']['max'])"
}

say "1. timing: roll 10 s, ${long_s} s, 15 min at ${speed}x; naive loop the same"
roll_timing "$work/ten.toml" 1 >"$work/t-roll-10.json"
roll_timing "$work/long.toml" 1 >"$work/t-roll-long.json"
roll_timing "$work/fifteen.toml" "$speed" >"$work/t-roll-15.json"
naive_timing 1 10 >"$work/t-naive-10.json"
naive_timing 1 "$long_s" >"$work/t-naive-long.json"
fifteen_ms=$(j "$work/t-roll-15.json" "d['nominal_ms'] * $speed")
fifteen_ticks=$(calc "round($fifteen_ms / 1000)")
naive_timing "$(calc "1 / $speed")" "$fifteen_ticks" >"$work/t-naive-15.json"

for run in 10 long 15; do
  r=$work/t-roll-$run.json n=$work/t-naive-$run.json
  case $run in
    10) label="10 s session" target="-" ok=True ;;
    long) label="${long_s} s session" target="within ±5 ms"
      ok=$(j "$r" "abs(d['end_error_ms']) <= 5") ;;
    15) label="15 min routine at ${speed}x ($(j "$r" "'%.0f' % (d['nominal_ms'] / 1000)") s real)"
      target="no growth" ;;
  esac
  if [[ $run == 15 ]]; then  # as close at the end of 15 minutes as after 10 s, on time throughout
    ok=$(j "$r" "abs(d['end_error_ms']) <= 5 and d['seen']['p99'] < 5")
  fi
  v=$([[ $target == - ]] && echo - || verdict "$ok")
  row "1 timing" "$label: end error" "$(j "$r" "'%+.2f ms' % d['end_error_ms']")" "$target" "$v" \
    "naive loop $(j "$n" "'%+.1f ms' % d['end_error_ms']") ($(calc "'%.0fx' % (abs($(j "$n" "d['end_error_ms']")) / max(0.01, abs($(j "$r" "d['end_error_ms']"))))") worse)"
  lt_ok=$(j "$r" "d['seen']['p99'] < 5")
  row "1 timing" "$label: event lateness p50 / p99 / max (read on the pipe)" "$(fmt_lat "$r" seen) ($(j "$r" "d['seen']['n']") events)" \
    "p99 < 5 ms" "$(verdict "$lt_ok")" "naive loop $(fmt_lat "$n" seen)"
  row "1 timing" "$label: lateness by roll's own clock p50 / p99 / max" "$(fmt_lat "$r" own)" "-" "-" \
    "latest in first / last tenth: $(j "$r" "'%.2f / %.2f ms' % (d['seen_first_tenth_max'], d['seen_last_tenth_max'])")"
  row "1 timing" "$label: process start to exit - nominal" "$(j "$r" "'%+.1f ms' % d['process_error_ms']")" "-" "-" \
    "naive loop $(j "$n" "'%+.1f ms' % d['process_error_ms']")"
done

# --- 2. idle cost ----------------------------------------------------------------------------
say "2. idle cost: ${long_s} s session, plain and full screen in tmux"
/usr/bin/time -f '%U %S %M' -o "$work/idle-plain.time" \
  "$roll" session "$work/long.toml" --plain --no-log --yes >/dev/null 2>&1
if command -v tmux >/dev/null; then
  tmux -L "$tmux_socket" -f /dev/null new-session -d -x 80 -y 30 \
    "/usr/bin/time -f '%U %S %M' -o '$work/idle-screen.time' '$roll' session '$work/long.toml' --quiet --no-log --yes; touch '$work/idle-screen.done'"
  deadline=$((SECONDS + long_s + 30))
  while [[ ! -e $work/idle-screen.done ]] && ((SECONDS < deadline)); do sleep 1; done
  tmux -L "$tmux_socket" kill-server 2>/dev/null || true
else
  note "tmux missing: no full-screen idle cost"
fi
for mode in plain screen; do
  f=$work/idle-$mode.time
  [[ -s $f ]] || continue
  read -r user sys rss <"$f"
  label=$([[ $mode == plain ]] && echo "plain (--plain)" || echo "full screen (tmux 80x30)")
  row "2 idle" "${long_s} s session, $label: CPU user + sys" "$(calc "'%.3f s' % ($user + $sys)")" \
    "< 0.1 s" "$(verdict "$user + $sys < 0.1")" "user $user s, sys $sys s"
  row "2 idle" "${long_s} s session, $label: peak RSS" "$(calc "'%.1f MiB' % ($rss / 1024)")" "-" "-" "-"
done

# --- 3. start-up -----------------------------------------------------------------------------
say "3. start-up: hyperfine, $runs runs each"
"$roll" due --quiet >/dev/null 2>&1 || true  # the history database exists from here on
have_timew=$(command -v timew || true)
[[ -n $have_timew ]] || note "timew missing: no start-up peer"
cmds=("$roll due --quiet" "$roll list" "$roll show thoracic" "$roll lint $here/routines" "sleep 0")
[[ -n $have_timew ]] && cmds+=("timew")
# In rounds, so that a burst of load elsewhere hits every command alike; the medians are over
# all the rounds' runs together.
rounds=5
for ((r = 1; r <= rounds; r++)); do
  hyperfine -N -i --warmup 3 --runs "$((runs / rounds))" --style none \
    --export-json "$work/startup-$r.json" "${cmds[@]}" >/dev/null 2>&1
done
python3 - "$work"/startup-*.json >"$work/startup.json" <<'PY'
import json, statistics, sys
pooled = None
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    if pooled is None:
        pooled = [{"command": r["command"], "times": []} for r in results]
    for p, r in zip(pooled, results):
        p["times"] += r["times"]
for p in pooled:
    p["median"] = statistics.median(p["times"])
print(json.dumps({"results": pooled}))
PY
median() {  # median JSON INDEX -> seconds
  j "$1" "d['results'][$2]['median']"
}
floor=$(median "$work/startup.json" 4)
timew_s=$([[ -n $have_timew ]] && median "$work/startup.json" 5 || echo 0)
i=0
for label in "roll due --quiet" "roll list" "roll show thoracic" "roll lint routines/ (8 files)" \
  "sleep 0" "timew"; do
  [[ $label == timew && -z $have_timew ]] && break
  m=$(median "$work/startup.json" "$i")
  peer="$(calc "'%.2fx sleep 0' % ($m / $floor)")"
  [[ -n $have_timew ]] && peer+=", $(calc "'%.2fx timew' % ($m / $timew_s)")"
  target=- v=-
  # The targets: roll due at most 1.1x timew, roll list and roll lint (every routine parsed and
  # checked on every run) at most 2x, all measured in this same run.
  if [[ -n $have_timew ]]; then
    case $label in
      "roll due --quiet") target="<= 1.1x timew" v=$(verdict "$m <= 1.1 * $timew_s") ;;
      "roll list" | "roll lint routines/"*) target="<= 2.0x timew" v=$(verdict "$m <= 2.0 * $timew_s") ;;
    esac
  fi
  row "3 start-up" "$label: median wall" "$(calc "'%.2f ms' % ($m * 1000)")" "$target" "$v" "$peer"
  i=$((i + 1))
done

# --- 4. lint throughput ----------------------------------------------------------------------
say "4. lint: 1,000 files and one ~1 MiB routine"
python3 "$bench/make_routines.py" "$work/lint/files" 1000 --large
# The routines name their schema (#:schema ./routine.schema.json): taplo validates against it.
cp "$here/routines/routine.schema.json" "$work/lint/files/"
cp "$here/routines/routine.schema.json" "$work/lint/large/"
"$roll" lint "$work/lint/files" >/dev/null || note "roll lint found something in the generated files"
"$roll" lint "$work/lint/large" >/dev/null || note "roll lint found something in the large routine"
taplo_args=()
if [[ -n $taplo ]]; then
  # Offline and self-contained: no schema catalogs, no config files found by walking up.
  if "$taplo" lint --no-auto-config "$work/lint/large/large.toml" >"$work/taplo.log" 2>&1; then
    taplo_args=(--no-auto-config)
  elif "$taplo" lint --no-auto-config --no-schema "$work/lint/large/large.toml" >"$work/taplo.log" 2>&1; then
    taplo_args=(--no-auto-config --no-schema)
    note "taplo could not use the routine schema here; it checks TOML syntax only ($(head -c 200 "$work/taplo.log" | tr '\n' ' '))"
  else
    note "taplo lint fails on the large routine: $(head -c 200 "$work/taplo.log" | tr '\n' ' ')"
  fi
fi
if [[ -n $taplo ]]; then
  # Most of taplo's time is starting node and its WebAssembly; that much is its start-up.
  hyperfine -N -i --runs "$taplo_runs" --style none --export-json "$work/taplo-start.json" \
    "$taplo --version" >/dev/null 2>&1
  taplo_start=$(median "$work/taplo-start.json" 0)
fi
for set in files large; do
  dir=$work/lint/$set
  count=$(find "$dir" -name '*.toml' | wc -l)
  bytes=$(find "$dir" -name '*.toml' -exec cat {} + | wc -c)
  hyperfine -N -i --warmup 2 --runs "$lint_runs" --style none --export-json "$work/lint-$set.json" \
    "$roll lint $dir" "$toml_parse $dir" >/dev/null 2>&1
  if [[ -n $taplo ]]; then  # slow: a few runs only; taplo expands the glob itself
    hyperfine -N -i --runs "$taplo_runs" --style none --export-json "$work/taplo-$set.json" \
      "$taplo lint ${taplo_args[*]} $dir/*.toml" >/dev/null 2>&1
  fi
  base=$(median "$work/lint-$set.json" 1)
  label=$([[ $set == files ]] && echo "1,000 files ($(calc "'%.0f' % ($bytes / 1000)") kB)" || echo "1 routine of $(calc "'%.2f' % ($bytes / 1048576)") MiB")
  for k in 0 1 2; do
    [[ $k == 2 && -z $taplo ]] && continue
    if [[ $k == 2 ]]; then m=$(median "$work/taplo-$set.json" 0); else m=$(median "$work/lint-$set.json" "$k"); fi
    name=$(case $k in 0) echo "roll lint" ;; 1) echo "bare toml++ parse" ;; 2) echo "taplo lint" ;; esac)
    figure="$(calc "'%.1f ms · %.0f files/s · %.1f MB/s' % ($m * 1000, $count / $m, $bytes / $m / 1e6)")"
    target=- v=- peer="$(calc "'%.2fx toml++ throughput' % ($base / $m)")"
    if [[ $k == 0 && $set == files ]]; then
      target="< 250 ms, >= 0.5x toml++"
      v=$(verdict "$m < 0.25 and $base / $m >= 0.5")
    elif [[ $k == 0 ]]; then
      target=">= 0.5x toml++"
      v=$(verdict "$base / $m >= 0.5")
    elif [[ $k == 2 ]]; then
      peer+="; $(calc "'%.0f' % ($taplo_start * 1000)") ms of it is taplo --version"
    fi
    row "4 lint" "$label: $name" "$figure" "$target" "$v" "$peer"
  done
done

# --- 5. history scale ------------------------------------------------------------------------
say "5. history at $history_years years"
fill() {  # fill DATA_HOME YEARS: one bedtime session a night ending yesterday, every 50th quit
  local data=$1 years=$2
  mkdir -p "$data"
  XDG_DATA_HOME=$data "$roll" due --quiet >/dev/null 2>&1 || true  # creates the schema
  local days=$((years * 365 + years / 4))
  sqlite3 "$data/roll/history.sqlite3" >/dev/null <<SQL
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
}
if command -v sqlite3 >/dev/null; then
  declare -A first_ms
  for years in $history_years; do
    data=$work/history-$years
    fill "$data" "$years"
    size=$(du -k "$data/roll/history.sqlite3" | cut -f1)
    ROLL_NOW=2026-11-23T20:00:00Z XDG_DATA_HOME=$data hyperfine -N -i --warmup 3 --runs "$scale_runs" \
      --style none --export-json "$work/history-$years.json" \
      "$roll due --quiet" "$roll history --limit 20" "$roll stats" >/dev/null 2>&1
    k=0
    for cmd in "roll due" "roll history --limit 20" "roll stats"; do
      m=$(median "$work/history-$years.json" "$k")
      [[ $years == 1 ]] && first_ms[$k]=$m
      target=- v=-
      if [[ $years == 100 && $cmd == "roll due" ]]; then target="< 5 ms"; v=$(verdict "$m < 0.005"); fi
      if [[ $years == 100 && $cmd == "roll stats" ]]; then target="< 50 ms"; v=$(verdict "$m < 0.050"); fi
      row "5 history" "$years years ($(calc "'%d sessions, %.1f MB' % ($years * 365 + $years // 4, $size / 1024)")): $cmd" \
        "$(calc "'%.2f ms' % ($m * 1000)")" "$target" "$v" "$(calc "'%.2fx the 1-year time' % ($m / ${first_ms[$k]})")"
      k=$((k + 1))
    done
  done
else
  note "sqlite3 missing: no history scale"
fi

# --- the table -------------------------------------------------------------------------------
{
  echo "$("$roll" --version 2>/dev/null | head -n 1) · $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · load average $(cut -d' ' -f1-3 /proc/loadavg)$([[ $quick == 1 ]] && echo ' · QUICK run')"
  echo
  echo "| section | measure | roll | target | verdict | peer / ratio |"
  echo "| --- | --- | --- | --- | --- | --- |"
  while IFS=$'\t' read -r section measure value target v peer; do
    echo "| $section | $measure | $value | $target | $([[ $v == MISSED ]] && echo '**MISSED**' || echo "$v") | $peer |"
  done <"$rows"
  if [[ -s $notes ]]; then
    echo
    cat "$notes"
  fi
} | tee "$work/table.md"
[[ -n ${OUT:-} ]] && cp "$work/table.md" "$OUT"
exit 0

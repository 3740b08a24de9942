#!/bin/sh
# How far a real 60-second session's end is from 60 s, and the CPU it costs, in plain mode and on
# the full screen (inside tmux). Real time: run by hand, never in CTest.
# Usage: tests/bench/session_timing.sh [build/release/bin/roll]
set -eu
ROLL=${1:-build/release/bin/roll}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/roll-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# 5 s get-ready + a 55 s hold paced by breaths (4 in, 6 out): 60 s in all, 12 wake-ups a breath.
cat >"$WORK/minute.toml" <<'TOML'
schema = 1
name = "minute"
title = "One minute"

[[step]]
name = "Extension"
zone = "thoracic"
seconds = 55
TOML

report() {  # report LABEL TIMEFILE
  awk -v label="$1" -F': ' '
    /Elapsed \(wall clock\)/ { wall = $2 }
    /User time/ { user = $2 }
    /System time/ { sys = $2 }
    /Maximum resident/ { rss = $2 }
    /Voluntary context switches/ { vcs = $2 }
    END { printf "%s: wall %s, user %s s, sys %s s, max RSS %s KiB, voluntary switches %s\n",
                 label, wall, user, sys, rss, vcs }' "$2"
}

# Start to exit of the whole process, in nanoseconds: includes exec, loading and exit (a few ms).
t0=$(date +%s%N)
/usr/bin/time -v -o "$WORK/plain.time" "$ROLL" session "$WORK/minute.toml" --plain --no-log \
  >"$WORK/plain.out"
t1=$(date +%s%N)
echo "plain: process ran $(( (t1 - t0) / 1000000 )) ms for a 60000 ms routine"
report "plain" "$WORK/plain.time"

if command -v tmux >/dev/null 2>&1; then
  S="roll-bench-$$"
  tmux -L "$S" -f /dev/null new-session -d -x 80 -y 30 \
    "/usr/bin/time -v -o $WORK/screen.time $ROLL session $WORK/minute.toml --quiet --no-log; touch $WORK/screen.done"
  while [ ! -e "$WORK/screen.done" ]; do sleep 1; done
  tmux -L "$S" kill-server 2>/dev/null || true
  report "full screen" "$WORK/screen.time"
fi

# The session's own clock: from the first poll() (right after the routine clock starts) to
# exit_group, as strace timestamps them; start-up (finding and loading the routine) is excluded.
if command -v strace >/dev/null 2>&1; then
  strace -tt -e trace=poll,exit_group -o "$WORK/strace.txt" \
    "$ROLL" session "$WORK/minute.toml" --plain --no-log >/dev/null
  awk '
    function secs(t,  p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
    /poll\(/ && !first { first = secs($1) }
    /exit_group/ { last = secs($1) }
    /poll\(/ { polls++ }
    END { printf "session clock: %.1f ms from start to exit for 60000 ms (off by %+.1f ms), %d wake-ups\n",
                 (last - first) * 1000, (last - first) * 1000 - 60000, polls }' "$WORK/strace.txt"
fi

#!/usr/bin/env bash
# What the full screen costs a terminal: the bytes roll writes per minute of a session, and the CPU
# time tmux spends drawing them, at 200x60 and 80x24. Each binary named runs the bundled thoracic
# routine (breath-paced holds, the case with the most moving parts) in a tmux window of each size
# for a fixed number of real seconds at --speed 1; every byte it writes is copied by tmux's
# pipe-pane and counted. The sizes and binaries are interleaved round by round, so a burst of load
# elsewhere hits them alike. Real time: run by hand, never in CTest. The figures go to
# tests/bench/RESULTS.md.
#
#   tests/bench/screen_bytes.sh OLD_ROLL NEW_ROLL      before and after, side by side
#   SECONDS_PER_RUN=60 ROUNDS=2 tests/bench/screen_bytes.sh build/release/bin/roll
#
# Counting starts at the first frame of the session (the questions before it are answered and
# not counted) and stops SECONDS_PER_RUN later; the session is then ended with Ctrl-C.
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 ROLL [ROLL...]" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 1; }
here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${SECONDS_PER_RUN:-60}
rounds=${ROUNDS:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/roll-bytes-XXXXXX")
socket="roll-bytes-$$"
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

tm() { tmux -L "$socket" "$@"; }
pane() { tm capture-pane -p -t bench; }
# CPU seconds (user + system) the tmux server has used so far.
server_cpu() {
  local pid
  pid=$(tm display-message -p -t bench '#{pid}')
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f\n", ($14 + $15) / hz }' "/proc/$pid/stat"
}

# One run: prints "bytes cpu_seconds".
measure() {
  local roll=$1 cols=$2 rows=$3 home=$work/home-$4
  mkdir -p "$home/c/roll"
  echo 'ratings = false' >"$home/c/roll/config.toml"
  tm -f /dev/null new-session -d -s bench -x "$cols" -y "$rows" \
    "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=$home XDG_CONFIG_HOME=$home/c XDG_DATA_HOME=$home/d XDG_STATE_HOME=$home/s sh"
  sleep 0.5
  tm send-keys -t bench "'$roll' session '$here/routines/thoracic.toml' --quiet --no-log --yes" Enter
  # The questions before the first second (the daily check-in, anything new) are answered no.
  local tries=200
  while ((tries-- > 0)); do
    if pane | grep -q 'get ready'; then break; fi
    if pane | grep -qE '\[[yY]/[nN]\]|press Enter'; then
      if pane | grep -q 'press Enter'; then tm send-keys -t bench Enter; else tm send-keys -t bench n Enter; fi
      sleep 0.3
    fi
    sleep 0.1
  done
  local out=$work/bytes
  : >"$out"
  local cpu0
  cpu0=$(server_cpu)
  tm pipe-pane -t bench -o "cat >> '$out'"
  sleep "$seconds"
  tm pipe-pane -t bench
  local cpu1
  cpu1=$(server_cpu)
  tm send-keys -t bench C-c
  sleep 0.5
  tm kill-server 2>/dev/null || true
  echo "$(wc -c <"$out") $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.3f", b - a }')"
}

results=$work/results.tsv
: >"$results"
run=0
for ((r = 1; r <= rounds; r++)); do
  for size in 200x60 80x24; do
    for roll in "$@"; do
      run=$((run + 1))
      read -r bytes cpu < <(measure "$roll" "${size%x*}" "${size#*x}" "$run")
      printf '%s\t%s\t%s\t%s\n' "$roll" "$size" "$bytes" "$cpu" >>"$results"
      echo "$roll $size: $bytes bytes, tmux $cpu s CPU in $seconds s" >&2
    done
  done
done

echo "| binary | window | bytes per minute | tmux CPU per minute |"
echo "| --- | --- | --- | --- |"
awk -F'\t' -v s="$seconds" '
  { key = $1 "\t" $2; bytes[key] += $3; cpu[key] += $4; n[key]++; if (!(key in seen)) { order[++k] = key; seen[key] = 1 } }
  END {
    for (i = 1; i <= k; i++) {
      key = order[i]; split(key, part, "\t")
      printf "| %s | %s | %.0f | %.3f s |\n", part[1], part[2], bytes[key] / n[key] * 60 / s, cpu[key] / n[key] * 60 / s
    }
  }' "$results"
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · load average $(cut -d' ' -f1-3 /proc/loadavg) · $seconds s a run, $rounds round(s) · $(tmux -V)"

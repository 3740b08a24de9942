#!/bin/sh
# `roll session` in a real pseudo-terminal (tmux): the countdown shows, space pauses, q asks and
# ends, Ctrl-C exits 130, Ctrl-Z stops and `fg` comes back paused, SIGTERM/SIGHUP/SIGQUIT, a full
# disk in mid-session, a burst of resizes; after each, `stty -a` must be exactly what it was
# before. Waits poll the pane with a deadline instead of sleeping blind.
# Usage: session_tty.sh ROLL_BINARY [TMUX]
set -u
ROLL=$1
TMUX_BIN=${2:-tmux}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/roll-tty-XXXXXX")
SOCKET="roll-tty-$$"
failures=0

cleanup() {
  "$TMUX_BIN" -L "$SOCKET" kill-server 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

cat >"$WORK/hold.toml" <<'TOML'
schema = 1
name = "hold"
title = "Terminal test"

[[step]]
name = "Long extension"
zone = "thoracic"
seconds = 60
cue = "Lean back over the roller."
TOML

tm() { "$TMUX_BIN" -L "$SOCKET" "$@"; }
pane() { tm capture-pane -p -t roll; }

# wait_pane GREP_MODE PATTERN SECONDS: poll the pane until grep -F or -E finds PATTERN in it.
wait_pane() {
  tries=$(( $3 * 10 ))
  while [ "$tries" -gt 0 ]; do
    if pane | grep -q"$1" -- "$2"; then return 0; fi
    tries=$((tries - 1))
    sleep 0.1
  done
  echo "FAIL: timed out waiting for '$2'; the pane shows:" >&2
  pane >&2
  failures=$((failures + 1))
  return 1
}
# wait_for TEXT [SECONDS]; wait_re REGEX (extended), for up to 10 s.
wait_for() { wait_pane F "$1" "${2:-10}"; }
wait_re() { wait_pane E "$1" 10; }

check_same() {
  if cmp -s "$WORK/before" "$1"; then
    echo "ok: terminal restored ($2)"
  else
    echo "FAIL: stty -a differs after $2:" >&2
    diff "$WORK/before" "$1" >&2
    failures=$((failures + 1))
  fi
}

tm -f /dev/null new-session -d -s roll -x 80 -y 30 \
  "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME=$WORK XDG_CONFIG_HOME=$WORK/c XDG_DATA_HOME=$WORK/d XDG_STATE_HOME=$WORK/s PS1='$ ' sh"
wait_for '$' 5
tm send-keys -t roll "stty -a > $WORK/before; echo READY" Enter
wait_for READY 5

echo "# 1: countdown, pause, quit"
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml; echo EXIT=\$?; stty -a > $WORK/after1; echo SAVED1" Enter
# The first interactive session of the day asks about fresh injuries (once a day; later runs here
# go straight to the countdown).
wait_for 'shooting pain? [y/N]' && echo "ok: daily check-in asked"
tm send-keys -t roll n Enter
wait_for 'step 1/1' && wait_for '██' && echo "ok: big countdown on screen"
wait_for 'breathe in' 12 && echo "ok: breath pacer"
tm send-keys -t roll ' '
wait_for 'PAUSED' && echo "ok: paused"
tm send-keys -t roll q
wait_for 'End the session?' && echo "ok: quit asks"
tm send-keys -t roll y
wait_for 'EXIT=0' && echo "ok: exit 0 after q"
wait_for 'Session ended early'
wait_for SAVED1
check_same "$WORK/after1" "q"

echo "# 2: Ctrl-C"
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml; echo EXIT=\$?; stty -a > $WORK/after2; echo SAVED2" Enter
wait_for 'step 1/1'
tm send-keys -t roll C-c
wait_for 'EXIT=130' && echo "ok: exit 130 after Ctrl-C"
wait_for SAVED2
check_same "$WORK/after2" "Ctrl-C"

echo "# 3: Ctrl-Z, fg, quit"
# A stopped job ends the command line, so the exit status is read after `fg` instead.
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes" Enter
wait_for 'step 1/1'
tm send-keys -t roll C-z
wait_for 'Stopped' && echo "ok: stopped by Ctrl-Z"
tm send-keys -t roll "stty -a > $WORK/stopped; echo STOPPED_SAVED" Enter
wait_for STOPPED_SAVED
check_same "$WORK/stopped" "Ctrl-Z"
tm send-keys -t roll "clear; fg; echo EXIT=\$?; stty -a > $WORK/after3; echo SAVED3" Enter
wait_for 'PAUSED' && echo "ok: back paused after fg"
tm send-keys -t roll q
wait_for 'EXIT=0' && echo "ok: q with --yes ends at once"
wait_for SAVED3
check_same "$WORK/after3" "fg and q"

# The session is the only child of the pane's shell.
session_pid() { ps -o pid= --ppid "$(tm display-message -p -t roll '#{pane_pid}')" | tr -d ' '; }

for sig in TERM HUP QUIT; do
  echo "# SIG$sig"
  tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml; echo EXIT=\$?; stty -a > $WORK/after$sig; echo SAVED$sig" Enter
  wait_for 'step 1/1'
  kill -s "$sig" "$(session_pid)"
  wait_for 'EXIT=130' && echo "ok: exit 130 after SIG$sig"
  wait_for "SAVED$sig"
  check_same "$WORK/after$sig" "SIG$sig"
done

echo "# full disk in the middle of a session"
# Many steps, so the history is written at many step boundaries; a file size limit (with SIGXFSZ
# ignored, so writes fail with EFBIG) leaves room for the start and not for the rest.
{
  printf 'schema = 1\nname = "many"\ntitle = "Many short steps"\n'
  i=1
  while [ "$i" -le 30 ]; do
    printf '\n[[step]]\nname = "Hold %d"\nzone = "thoracic"\nseconds = 20\n' "$i"
    i=$((i + 1))
  done
  printf '\n[[step]]\nname = "Cat-cow"\nkind = "movement"\nzone = "full-body"\nseconds = 60\n'
} >"$WORK/many.toml"
tm send-keys -t roll "clear; sh -c \"trap '' XFSZ; exec prlimit --fsize=65536 '$ROLL' session $WORK/many.toml --yes --speed 200 --log-rehearsal\"; echo EXIT=\$?; stty -a > $WORK/afterDISK; echo SAVEDDISK" Enter
wait_for 'cannot write to the history database' 20 && echo "ok: one-line error for a full disk"
wait_for 'EXIT=2' && echo "ok: exit 2 after a full disk"
wait_for SAVEDDISK
check_same "$WORK/afterDISK" "a full disk mid-session"

# Last, because tmux may not hand a second resize on to the terminal's size in time for stty.
echo "# resize"
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?" Enter
wait_for 'step 1/1'
# A narrower window: the step line is laid out again with its time still on it (SIGWINCH).
tm resize-window -t roll -x 50 -y 14
wait_re '^step +[█░]+ +[0-9]:[0-9][0-9]$' && echo "ok: redrawn to 50 columns after a resize"
tm send-keys -t roll q
wait_for 'EXIT=0'

echo "# a burst of resizes"
# Back to the size `before` was taken at, through six sizes in quick succession; the shell then
# waits (with a deadline) for the last size to reach the terminal before saving stty -a.
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?; n=0; while [ \"\$(stty size)\" != '30 80' ] && [ \$n -lt 50 ]; do sleep 0.1; n=\$((n+1)); done; stty -a > $WORK/afterBURST; echo SAVEDBURST" Enter
wait_for 'step 1/1'
for size in 60x20 100x40 40x10 120x50 20x5 70x25 80x30; do
  tm resize-window -t roll -x "${size%x*}" -y "${size#*x}"
done
wait_re '^step +[█░]+ +[0-9]:[0-9][0-9]$' && echo "ok: still counting down after the burst"
tm send-keys -t roll q
wait_for 'EXIT=0' && echo "ok: exit 0 after a burst of resizes"
wait_for SAVEDBURST
check_same "$WORK/afterBURST" "a burst of resizes"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all terminal checks passed"

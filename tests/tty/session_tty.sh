#!/bin/sh
# `roll session` in a real pseudo-terminal (tmux): the countdown shows, space pauses, q asks and
# ends, Ctrl-C exits 130, Ctrl-Z stops and `fg` comes back paused, SIGTERM/SIGHUP/SIGQUIT, a full
# disk in mid-session, a burst of resizes; after each, `stty -a` must be exactly what it was
# before. Then the screen from two metres: the digits' and the breath word's heights and the figure
# at 80x24, 120x40 and 200x60, the end in big letters, no figure and no escape byte for TERM=dumb,
# ASCII only for LC_ALL=C, a voice that cannot speak said before the first second. Waits poll the
# pane with a deadline instead of sleeping blind.
# Runs in the suite's time zone (ROLL_TEST_TZ, default UTC).
# Usage: session_tty.sh ROLL_BINARY [TMUX]
set -u
ROLL=$1
TMUX_BIN=${2:-tmux}
# shellcheck source=SCRIPTDIR/../support/roll_test.sh
. "$(dirname "$0")/../support/roll_test.sh"
command -v "$TMUX_BIN" >/dev/null 2>&1 || skip "no tmux"
use_test_time_zone
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
level = "intermediate"

[[step]]
name = "Long extension"
zone = "thoracic"
seconds = 120
intensity = 6
cue = "Lean back over the roller."

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
cue = "On hands and knees, round and arch the back slowly."
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

# The before and after ratings are off here (one section below turns them on), and the screening,
# the level and the first get-ready are answered (the first-session section asks them), so each
# session starts with its countdown as these checks expect.
SCREENED='[conditions]
osteoporosis = false
recent-surgery = false
recent-trauma = false
active-cancer = false
neurological-symptoms = false
muscle-guarding = false'
mkdir -p "$WORK/c/roll"
printf 'ratings = false\nlevel = "intermediate"\nfirst_ready = "timer"\n%s\n' "$SCREENED" >"$WORK/c/roll/config.toml"

tm -f /dev/null new-session -d -s roll -x 80 -y 30 \
  "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=$TZ HOME=$WORK XDG_CONFIG_HOME=$WORK/c XDG_DATA_HOME=$WORK/d XDG_STATE_HOME=$WORK/s PS1='$ ' sh"
wait_for '$' 5
tm send-keys -t roll "stty -a > $WORK/before; echo READY" Enter
wait_for READY 5

echo "# 1: countdown, pause, quit"
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml; echo EXIT=\$?; stty -a > $WORK/after1; echo SAVED1" Enter
# The first interactive session of the day asks about fresh injuries (once a day; later runs here
# go straight to the countdown).
wait_for 'Any fresh injury in the last 72 h? [y/n]' && echo "ok: daily check-in asked"
# One key answers, without Enter; only y or n is an answer: any other key is asked again.
tm send-keys -t roll x
wait_for 'Please answer y or n.' && echo "ok: another key is asked again"
tm send-keys -t roll n
wait_for 'shooting pain in your arms or legs? [y/n]' && echo "ok: one key answers; the limbs are asked about on their own"
tm send-keys -t roll n
wait_for 'step 1/2' && wait_for '██' && echo "ok: big countdown on screen"
wait_for 'BREATHE IN' 22 && echo "ok: breath pacer"
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
wait_for 'step 1/2'
tm send-keys -t roll C-c
wait_for 'EXIT=130' && echo "ok: exit 130 after Ctrl-C"
wait_for SAVED2
check_same "$WORK/after2" "Ctrl-C"

echo "# 3: Ctrl-Z, fg, quit"
# A stopped job ends the command line, so the exit status is read after `fg` instead.
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes" Enter
wait_for 'step 1/2'
tm send-keys -t roll C-z
wait_for 'Stopped' && echo "ok: stopped by Ctrl-Z"
# The quotes keep the typed line from showing the word the wait is for: only the echo does.
tm send-keys -t roll "stty -a > $WORK/stopped; echo STOPPED_''SAVED" Enter
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
  wait_for 'step 1/2'
  kill -s "$sig" "$(session_pid)"
  wait_for 'EXIT=130' && echo "ok: exit 130 after SIG$sig"
  wait_for "SAVED$sig"
  check_same "$WORK/after$sig" "SIG$sig"
done

echo "# full disk in the middle of a session"
# Many steps, so the history is written at many step boundaries; a file size limit (with SIGXFSZ
# ignored, so writes fail with EFBIG) leaves room for the start and not for the rest. Lint-clean
# (25 holds and three minutes of movement fit 15 minutes), so nothing waits for Enter first.
{
  printf 'schema = 1\nname = "many"\ntitle = "Many short steps"\nlevel = "intermediate"\n'
  i=1
  while [ "$i" -le 25 ]; do
    printf '\n[[step]]\nname = "Hold %d"\nzone = "thoracic"\nseconds = 20\n' "$i"
    i=$((i + 1))
  done
  printf '\n[[step]]\nname = "Cat-cow"\nkind = "movement"\nzone = "full-body"\nseconds = 180\n'
} >"$WORK/many.toml"
tm send-keys -t roll "clear; sh -c \"trap '' XFSZ; exec prlimit --fsize=65536 '$ROLL' session $WORK/many.toml --yes --speed 200 --log-rehearsal\"; echo EXIT=\$?; stty -a > $WORK/afterDISK; echo SAVEDDISK" Enter
wait_for 'cannot write to the history database' 20 && echo "ok: one-line error for a full disk"
wait_for 'EXIT=2' && echo "ok: exit 2 after a full disk"
wait_for SAVEDDISK
check_same "$WORK/afterDISK" "a full disk mid-session"

echo "# the check-in: numbness in the limbs refuses today, and the end of the input stops"
# Each of these sections has a history of its own, so its injuries and check-ins stay its own.
D2="XDG_DATA_HOME=$WORK/d2"
tm send-keys -t roll "clear; $D2 '$ROLL' session $WORK/hold.toml; echo EXIT=\$?" Enter
wait_for 'Any fresh injury in the last 72 h? [y/n]'
tm send-keys -t roll n
wait_for 'arms or legs? [y/n]'
tm send-keys -t roll y
wait_for 'see a doctor or physical therapist' && wait_for 'EXIT=3' &&
  echo "ok: numbness, weakness or shooting pain refuses the session (exit 3)"
tm send-keys -t roll "clear; $D2 '$ROLL' session $WORK/hold.toml; echo EXIT=\$?" Enter
wait_for 'Any fresh injury in the last 72 h? [y/n]' && echo "ok: asked again after that refusal"
tm send-keys -t roll C-d
wait_for 'got no answer' && wait_for 'EXIT=3' && echo "ok: the end of the input stops (exit 3)"

echo "# a pain stop holds: refused for 48 h, then asked; a yes from 72 h on clears it"
# The times keep each run on the roll day the check-in expects in every zone of test_zones.txt:
# their days start (04:00 local) between 17:00 and 09:00 UTC, so 10:00-16:00 UTC is one day.
D3="XDG_DATA_HOME=$WORK/d3"
at() { echo "clear; $D3 ROLL_NOW=$1 '$ROLL' session $WORK/hold.toml; echo EXIT=\$?"; }
check_in_no() {
  wait_for 'Any fresh injury in the last 72 h? [y/n]' && tm send-keys -t roll n
  wait_for 'arms or legs? [y/n]' && tm send-keys -t roll n
}
tm send-keys -t roll "$(at 2026-01-05T10:00:00Z)" Enter
check_in_no
wait_for 'step 1/2'
tm send-keys -t roll '!'
wait_for 'Recorded as injury #1 (thoracic)' && wait_for 'roll injury clear 1' && wait_for 'EXIT=4' &&
  echo "ok: the summary says the pain stop is held and how to clear it; exit 4"
tm send-keys -t roll "$(at 2026-01-05T16:00:00Z)" Enter
wait_for '42 h remain' && wait_for 'EXIT=3' && echo "ok: 6 h after the stop: refused"
tm send-keys -t roll "$(at 2026-01-07T22:00:00Z)" Enter
check_in_no
wait_for 'Has the acute pain subsided? [y/n]' && tm send-keys -t roll n
wait_for 'needs more rest' && wait_for 'EXIT=3' && echo "ok: 60 h: asked; no refuses"
tm send-keys -t roll "$(at 2026-01-07T22:05:00Z)" Enter
wait_for 'Has the acute pain subsided? [y/n]' && tm send-keys -t roll y
# What the answer brings is read before the full screen covers it (issue 14, item 1).
wait_for 'Roll it gently' && wait_for 'press Enter to start' &&
  echo "ok: 60 h: the notice after the yes waits for Enter"
tm send-keys -t roll Enter
wait_for 'step 1/2' && echo "ok: 60 h: yes runs"
tm send-keys -t roll q
wait_for 'End the session?' && tm send-keys -t roll y
wait_for 'EXIT=0'
# What was said before the first second is under the full screen by now: ask the log instead.
tm send-keys -t roll "clear; $D3 ROLL_NOW=2026-01-07T22:10:00Z '$ROLL' injury list" Enter
wait_for 'asks if pain subsided' && echo "ok: 60 h: the injury stays open after a yes"
tm send-keys -t roll "$(at 2026-01-08T20:00:00Z)" Enter
check_in_no
wait_for 'Has the acute pain subsided? [y/n]' && tm send-keys -t roll y
wait_for 'Cleared injury #1.' && wait_for 'press Enter to start' && tm send-keys -t roll Enter
wait_for 'step 1/2' && echo "ok: 82 h: yes runs"
tm send-keys -t roll q
wait_for 'End the session?' && tm send-keys -t roll y
wait_for 'EXIT=0'
tm send-keys -t roll "clear; $D3 ROLL_NOW=2026-01-08T20:10:00Z '$ROLL' injury list" Enter
wait_for 'No injuries recorded.' && echo "ok: 82 h: a yes cleared the injury"

echo "# a beginner starting an intermediate routine is warned, and the screen waits for a yes"
mkdir -p "$WORK/c4/roll"
printf 'level = "beginner"\nratings = false\nfirst_ready = "timer"\n%s\n' "$SCREENED" >"$WORK/c4/roll/config.toml"
B4="XDG_CONFIG_HOME=$WORK/c4 XDG_DATA_HOME=$WORK/d4"
tm send-keys -t roll "clear; $B4 '$ROLL' session glutes; echo EXIT=\$?" Enter
# The beginner routine is offered first (one key); kept, the warning asks whether to start.
wait_for 'Start the beginner routine instead? [y/n]' && tm send-keys -t roll n
check_in_no
wait_for 'roll session beginner' && wait_for 'Start anyway? [y/n]' &&
  echo "ok: the warning names the beginner routine and stays on screen"
tm send-keys -t roll n
wait_for 'EXIT=3' && echo "ok: no does not start (exit 3)"
tm send-keys -t roll "clear; $B4 '$ROLL' session glutes; echo EXIT=\$?" Enter
wait_for 'Start the beginner routine instead? [y/n]' && tm send-keys -t roll n
wait_for 'Start anyway? [y/n]' && tm send-keys -t roll y
wait_for 'step 1/' && echo "ok: yes starts"
tm send-keys -t roll q
wait_for 'End the session?' && tm send-keys -t roll y
wait_for 'EXIT=0'

echo "# lint warnings are read before the full screen covers them, even with --yes (issue 14)"
printf 'schema = 1\nname = "warned"\ntitle = "Warned"\n\n[[step]]\nname = "Short"\nzone = "thoracic"\nseconds = 60\n' >"$WORK/warned.toml"
tm send-keys -t roll "clear; '$ROLL' session $WORK/warned.toml --yes; echo EXIT=\$?" Enter
wait_for 'warning[move-after]' && wait_for 'press Enter to start' &&
  echo "ok: the warnings stay on screen until Enter"
tm send-keys -t roll Enter
wait_for 'step 1/1' && echo "ok: Enter starts"
tm send-keys -t roll q
wait_for 'EXIT=0'
tm send-keys -t roll "clear; '$ROLL' session $WORK/warned.toml --yes; echo EXIT=\$?" Enter
wait_for 'press Enter to start' && tm send-keys -t roll q Enter
# (The pane wraps "roll: not starting" after the long prompt, so the exit status tells.)
wait_for 'EXIT=3' && echo "ok: q there does not start (exit 3)"

# Last, because tmux may not hand a second resize on to the terminal's size in time for stty.
echo "# resize"
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?" Enter
wait_for 'step 1/2'
# A narrower window: the step line is laid out again with its time still on it (SIGWINCH).
tm resize-window -t roll -x 50 -y 14
wait_re '^step +[█░]+ +[0-9]:[0-9][0-9]$' && echo "ok: redrawn to 50 columns after a resize"
tm send-keys -t roll q
wait_for 'EXIT=0'
# The summary is wrapped by roll to the 50 columns, at words: tmux had none of its lines to wrap
# itself (capture-pane -J joins the lines tmux wrapped). The lint warnings came before the resize.
summary() { sed -n '/^Session ended early/,$p'; }
if [ "$(pane | summary | wc -l)" -gt 3 ] &&
  [ "$(pane | summary | wc -l)" -eq "$(tm capture-pane -pJ -t roll | summary | wc -l)" ]; then
  echo "ok: the summary wraps to the terminal's 50 columns"
else
  echo "FAIL: the summary is wider than the terminal:" >&2
  tm capture-pane -pJ -t roll >&2
  failures=$((failures + 1))
fi

echo "# a burst of resizes"
# Back to the size `before` was taken at, through six sizes in quick succession; the shell then
# waits (with a deadline) for the last size to reach the terminal before saving stty -a.
tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?; n=0; while [ \"\$(stty size)\" != '30 80' ] && [ \$n -lt 50 ]; do sleep 0.1; n=\$((n+1)); done; stty -a > $WORK/afterBURST; echo SAVEDBURST" Enter
wait_for 'step 1/2'
for size in 60x20 100x40 40x10 120x50 20x5 70x25 80x30; do
  tm resize-window -t roll -x "${size%x*}" -y "${size#*x}"
done
wait_re '^step +[█░]+ +[0-9]:[0-9][0-9]$' && echo "ok: still counting down after the burst"
tm send-keys -t roll q
wait_for 'EXIT=0' && echo "ok: exit 0 after a burst of resizes"
wait_for SAVEDBURST
check_same "$WORK/afterBURST" "a burst of resizes"

# raw_output FILE COMMAND...: types the command, with every byte the pane receives from then on
# copied to FILE (tmux pipe-pane: what the program wrote, not tmux's rendering of it).
raw_output() {
  out=$1
  shift
  # A clean screen first, and only then the copy, so clear's own escapes are not in it.
  tm send-keys -t roll "clear; echo CLEAR''ED" Enter
  wait_for CLEARED 5
  : >"$out"
  tm pipe-pane -t roll -o "cat >> '$out'"
  tm send-keys -t roll "$*" Enter
}
raw_stop() {
  tm pipe-pane -t roll
}

# runs: the heights of the runs of consecutive pane lines drawn in full blocks ("██"), top to
# bottom: on a hold the digits, then the breath word under them (a blank row between), then the
# bars. The braille figure beside the digits is no block.
runs() {
  pane | awk '/██/ { n++; next } n { print n; n = 0 } END { if (n) print n }'
}
# first_run: the height of the first of those runs (0 when there is none).
first_run() {
  runs | awk 'NR == 1 { print; found = 1 } END { if (!found) print 0 }'
}
# second_run: the height of the second (the breath word on a hold), 0 when there is none.
second_run() {
  runs | awk 'NR == 2 { print; found = 1 } END { if (!found) print 0 }'
}
# ink_rows: the pane lines with a glyph of the big letters, half-height ones included. (The
# glyphs as alternatives, not a bracket: in the C locale a bracket is a set of bytes, and their
# first byte is the braille's too.)
INK='█|▀|▄'
ink_rows() {
  pane | grep -c -E "$INK"
}
# The braille cells (U+2800-U+28FF: E2 A0-A3 in UTF-8) the figure is drawn in.
BRAILLE="$(printf '\342')[$(printf '\240\241\242\243')]"
# braille_rows: the pane lines with a braille cell.
braille_rows() {
  pane | LC_ALL=C grep -c "$BRAILLE"
}
# first_line PATTERN [C]: the number of the first pane line matching PATTERN (grep -E, in the
# locale C when the second argument says so), 0 when none does.
first_line() {
  if [ "${2:-}" = C ]; then
    pane | LC_ALL=C grep -n -m 1 -E "$1" | cut -d: -f1 | grep . || echo 0
  else
    pane | grep -n -m 1 -E "$1" | cut -d: -f1 | grep . || echo 0
  fi
}
# unwrapped COLUMNS: no pane line was wrapped by the terminal (capture-pane -J joins the lines it
# wrapped, so both captures have as many lines) and none is wider than the window (wc -L counts
# columns in a UTF-8 locale).
unwrapped() {
  [ "$(pane | wc -l)" -eq "$(tm capture-pane -pJ -t roll | wc -l)" ] &&
    [ "$(tm capture-pane -pJ -t roll | LC_ALL=C.UTF-8 wc -L)" -le "$1" ]
}
fail_screen() {
  echo "FAIL: $1; the pane shows:" >&2
  pane >&2
  failures=$((failures + 1))
}
# SIZE is COLUMNSxROWS:LEAST, LEAST the fewest rows the digits may take there; sets cols, rows and
# least.
split_size() {
  cols=${1%%x*}
  rest=${1#*x}
  rows=${rest%%:*}
  least=${1##*:}
}

echo "# the screen from two metres: the get-ready and a hold at 40x12, 80x24, 120x40 and 200x60"
# The floor issue's heights on a breath-paced hold: the digits at least 9 rows at 80x24 and 20 at
# 200x60 (a third of the rows at 120x40; one line of letters at 40x12), the breath word at least
# half their height from 30 rows up, the figure beside them where the window is wide enough and
# the band under them; in the get-ready the cue above the figure. No row wraps at any size.
# (Under the C locale awk counts bytes: the widths are measured in the pane's UTF-8 locale.)
for size in 40x12:5 80x24:9 120x40:13 200x60:20; do
  split_size "$size"
  tm resize-window -t roll -x "$cols" -y "$rows"
  tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?" Enter
  if wait_for 'get ready' && wait_for 'GET READY'; then
    figure=$(braille_rows)
    figure_at=$(first_line "$BRAILLE" C)
    cue_at=$(first_line "Lean back over the roller|$INK")
    if [ "$figure" -ge 3 ] && [ "$cue_at" -gt 0 ] && [ "$cue_at" -lt "$figure_at" ] &&
      unwrapped "$cols"; then
      echo "ok: the get-ready at ${cols}x$rows: the cue (row $cue_at) above the figure ($figure rows from row $figure_at), no row wrapped"
    else
      fail_screen "the get-ready at ${cols}x$rows: the cue at row $cue_at, the figure $figure rows from row $figure_at"
    fi
  fi
  # The band fills as the breath goes in: from its first frame with a ramp left of the word.
  # (The first get-ready is the profile's timed 15 s.)
  if wait_for 'BREATHE IN' 22 && wait_pane E '(▁|▂|▃|▄|▅|▆|▇|█) *BREATHE IN  [0-9] s' 5; then
    digits=$(first_run)
    word=$(second_run)
    figure=$(braille_rows)
    # Beside the digits from 80 columns up; a 40x12 window has no room for it next to them.
    wanted=2
    [ "$cols" -lt 80 ] && wanted=0
    if [ "$digits" -ge "$least" ] && { [ "$rows" -lt 30 ] || [ $((word * 2)) -ge "$digits" ]; } &&
      [ "$figure" -ge "$wanted" ] && unwrapped "$cols"; then
      echo "ok: a hold at ${cols}x$rows: the digits $digits rows, the breath word $word, the figure $figure rows beside them, the band under them, no row wrapped"
    else
      fail_screen "a hold at ${cols}x$rows: the digits $digits rows (at least $least), the breath word $word, the figure $figure rows"
    fi
  fi
  # From 80 columns the key help is one whole line.
  if [ "$cols" -ge 80 ] && ! pane | grep -q '^! sharp pain  space pause  q quit  n next  b restart  1-9,0 pressure  +/- 15 s$'; then
    fail_screen "the key help is not one line at ${cols}x$rows"
  fi
  tm send-keys -t roll q
  wait_for 'EXIT=0'
done

echo "# the end in big letters before the summary, at 40x12, 80x24, 120x40 and 200x60"
# The headline ("DONE") as tall as the digits must be at each size (half-height letters, three
# rows, at 40x12), the next thing under it, the summary only after a key.
for size in 40x12:3 80x24:9 120x40:13 200x60:20; do
  split_size "$size"
  tm resize-window -t roll -x "$cols" -y "$rows"
  tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --speed 200; echo EXIT=\$?" Enter
  if wait_for 'any key: the summary' 20; then
    headline=$(pane | awk '/█|▀|▄/ { n++; next } n { exit } END { print n + 0 }')
    inked=$(ink_rows)
    if [ "$headline" -ge "$least" ] && [ "$inked" -gt "$headline" ] &&
      ! pane | grep -q 'Session complete' && unwrapped "$cols"; then
      echo "ok: the end at ${cols}x$rows: the headline $headline rows, $inked rows of letters in all, the summary after a key"
    else
      fail_screen "the end at ${cols}x$rows: the headline $headline rows (at least $least), $inked rows of letters"
    fi
  fi
  tm send-keys -t roll Enter
  # (At 40x12 the summary's first line has scrolled up by the time the shell prompt is back.)
  if wait_for 'EXIT=0' && ! tm capture-pane -p -S -40 -t roll | grep -q 'Session complete'; then
    fail_screen "no summary after the end at ${cols}x$rows"
  fi
done
tm resize-window -t roll -x 80 -y 30

echo "# a speech program that cannot speak is said before the first second"
printf '#!/bin/sh\ncat >/dev/null\necho "ALSA lib pcm.c: Unknown PCM default" >&2\n' >"$WORK/alsa-speak"
chmod +x "$WORK/alsa-speak"
for program in /nonexistent/speak "$WORK/alsa-speak"; do
  tm send-keys -t roll "clear; '$ROLL' session $WORK/hold.toml --yes --voice --voice-command $program; echo EXIT=\$?" Enter
  # (The pane wraps the long warning, so its first words and the prompt tell.)
  if wait_for 'roll: warning: speech program' && wait_for 'press Enter to start'; then
    echo "ok: '$program' reported before the first second, which waits for Enter"
  fi
  tm send-keys -t roll Enter
  wait_for 'step 1/2'
  tm send-keys -t roll q
  wait_for 'EXIT=0'
done

echo "# a cue of emoji at 80x24: each row drawn in place, the title and the step line stay"
# Counted one column each, the emoji made rows twice as wide as roll thought: they wrapped, and
# the screen scrolled the title and the step line off the top.
cue=""
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  cue="$cue🚀🚀🚀 🫁🫁 🇩🇪🇫🇷 "
done
sed -e "s/^cue = \"Lean back over the roller.\"/cue = \"$cue🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀\"/" \
  -e 's/^name = "hold"/name = "emoji"/' -e 's/^title = "Terminal test"/title = "Emoji cue"/' \
  "$WORK/hold.toml" >"$WORK/emoji.toml"
tm resize-window -t roll -x 80 -y 24
tm send-keys -t roll "clear; '$ROLL' session $WORK/emoji.toml --yes; echo EXIT=\$?" Enter
emoji_screen() {
  # The title row is as wide as the screen: its last column, "left"'s t, must be drawn too.
  if pane | head -1 | grep -q '^Emoji cue .* left in all$' && pane | grep -q 'step 1/2'; then
    echo "ok: title and step line on screen with a cue of emoji ($1)"
  else
    echo "FAIL: the title or the step line scrolled away ($1); the pane shows:" >&2
    pane >&2
    failures=$((failures + 1))
  fi
}
if wait_for 'step 1/2' && wait_for '🚀'; then
  emoji_screen "get ready"
  wait_for 'BREATHE IN' 22 && emoji_screen "mid-hold"
fi
tm send-keys -t roll q
wait_for 'EXIT=0'
tm resize-window -t roll -x 80 -y 30

echo "# TERM=dumb: plain lines, the keys still work, no escape byte"
raw_output "$WORK/dumb.out" "TERM=dumb '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?"
wait_for 'step 1/2 ' && wait_for 'breathe in' 22 && echo "ok: plain lines on a dumb terminal"
tm send-keys -t roll q
wait_for 'EXIT=0' && echo "ok: q still quits on a dumb terminal"
raw_stop
escapes=$(tr -dc '\033' <"$WORK/dumb.out" | wc -c)
braille=$(LC_ALL=C grep -c "$BRAILLE" "$WORK/dumb.out")
if [ "$escapes" -eq 0 ] && [ "$braille" -eq 0 ] && [ -s "$WORK/dumb.out" ]; then
  echo "ok: no escape byte and no figure for TERM=dumb ($(wc -c <"$WORK/dumb.out") bytes)"
else
  echo "FAIL: TERM=dumb output holds $escapes escape byte(s):" >&2
  od -c "$WORK/dumb.out" | head -20 >&2
  failures=$((failures + 1))
fi

echo "# LC_ALL=C: the full screen in ASCII"
raw_output "$WORK/ascii.out" "LC_ALL=C '$ROLL' session $WORK/hold.toml --yes; echo EXIT=\$?"
wait_for 'step 1/2 - Long extension' && wait_for '####' && echo "ok: ASCII digits for LC_ALL=C"
# The figure in ASCII: its floor a line of underscores, its roller and limbs in / \ | - O.
wait_for '__________' && echo "ok: the figure in ASCII for LC_ALL=C"
tm send-keys -t roll ' '
wait_for 'PAUSED'
tm send-keys -t roll q
wait_for 'EXIT=0'
raw_stop
high=$(tr -d '\000-\177' <"$WORK/ascii.out" | wc -c)
if [ "$high" -eq 0 ] && [ -s "$WORK/ascii.out" ]; then
  echo "ok: no byte above 0x7f for LC_ALL=C ($(wc -c <"$WORK/ascii.out") bytes)"
else
  echo "FAIL: LC_ALL=C output holds $high byte(s) above 0x7f" >&2
  failures=$((failures + 1))
fi

echo "# pain 0-10 (0 none): one key before and after, stored; Enter skips; a rise advised at once"
mkdir -p "$WORK/c5/roll"
printf 'level = "intermediate"\nfirst_ready = "timer"\n%s\n' "$SCREENED" >"$WORK/c5/roll/config.toml"
C5="XDG_CONFIG_HOME=$WORK/c5 XDG_DATA_HOME=$WORK/d5 ROLL_NOW=2026-11-23T16:00:00Z"
tm send-keys -t roll "clear; $C5 '$ROLL' session $WORK/hold.toml --speed 100 --log-rehearsal; echo EXIT=\$?" Enter
wait_for 'Any fresh injury in the last 72 h? [y/n]' && tm send-keys -t roll n
wait_for 'arms or legs? [y/n]' && tm send-keys -t roll n
wait_for 'How much pain do you have right now?' && tm send-keys -t roll 4
# The session runs to its end: its end in big letters waits for a key before the summary.
wait_for 'any key: the summary' 20 && tm send-keys -t roll Enter
wait_for 'How much pain do you have now, after the session?' 20 && tm send-keys -t roll t
# 4 then 10: the second article's advice at once.
wait_for 'If your pain is increasing' && echo "ok: a rise gets the second article's words at once"
# hold.toml ends with its three minutes of movement: no after-care offer comes.
wait_for 'EXIT=0'
ratings() {
  tm send-keys -t roll "clear; $C5 '$ROLL' history --limit 1 --json | grep -o '\"pain_[a-z]*\" : [0-9]*'; echo LISTED$1" Enter
  wait_for "LISTED$1"
}
ratings 1
wait_for '"pain_before" : 4' && wait_for '"pain_after" : 10' &&
  echo "ok: one key each before and after, stored"
tm send-keys -t roll "clear; $C5 '$ROLL' session $WORK/hold.toml --speed 100 --log-rehearsal; echo EXIT=\$?" Enter
wait_for 'How much pain do you have right now?' && tm send-keys -t roll Enter
# The full screen covers the answer until the end's key; the normal screen shows it again after.
wait_for 'any key: the summary' 20 && tm send-keys -t roll Enter
wait_for 'skipped' && wait_for 'How much pain do you have now, after the session?' 20 &&
  tm send-keys -t roll 0
wait_for 'EXIT=0'
ratings 2
wait_for '"pain_after" : 0'
if pane | grep -q pain_before; then
  echo "FAIL: Enter did not skip the rating before" >&2
  failures=$((failures + 1))
else
  echo "ok: Enter skips a rating"
fi

echo "# the weekly PSFS at the end of a real session: one key an activity, then not again that week"
mkdir -p "$WORK/c7/roll"
printf 'level = "intermediate"\nfirst_ready = "timer"\n%s\n' "$SCREENED" >"$WORK/c7/roll/config.toml"
cat >"$WORK/brief.toml" <<'TOML'
schema = 1
name = "brief"
title = "Brief"
level = "intermediate"

[[step]]
name = "Short hold"
zone = "thoracic"
seconds = 5
intensity = 5
cue = "Lean back over the roller."
TOML
CP="XDG_CONFIG_HOME=$WORK/c7 XDG_DATA_HOME=$WORK/d7"
# A week before, an answer given with roll psfs: the question follows the patient from then on.
tm send-keys -t roll "clear; $CP ROLL_NOW=2026-11-16T16:00:00Z '$ROLL' psfs --rate 'Reaching up to a high shelf=3'; echo RATED" Enter
wait_for 'RATED'
brief() {
  tm send-keys -t roll "clear; $CP ROLL_NOW=2026-11-23T16:00:00Z '$ROLL' session $WORK/brief.toml --ready key; echo EXIT=\$?" Enter
  # The check-in is asked once a day; without it, the lint's notices wait for Enter.
  if [ "${1:-}" = first ]; then
    wait_for 'Any fresh injury in the last 72 h? [y/n]' && tm send-keys -t roll n
    wait_for 'arms or legs? [y/n]' && tm send-keys -t roll n
  else
    wait_for 'Read the above, then press Enter to start' && tm send-keys -t roll Enter
  fi
  wait_for 'How much pain do you have right now?' && tm send-keys -t roll 4
  wait_for 'space or Enter to start' && tm send-keys -t roll Enter
  wait_for 'any key: the summary' 20 && tm send-keys -t roll Enter
  wait_for 'How much pain do you have now, after the session?' && tm send-keys -t roll 2
}
brief first
wait_for 'Once a week, the Patient-Specific Functional Scale' &&
  wait_for "Reaching up to a high shelf: 0 (unable to do it)" && tm send-keys -t roll 6
wait_for 'PSFS kept: 6 of 10 on average over 1 activity.' &&
  wait_for 'a meaningful change' && echo "ok: the weekly PSFS asked at the end, one key, kept"
wait_for 'Start three timed minutes of movement now? [y/n]' && tm send-keys -t roll n
wait_for 'EXIT=0'
# The same week again: not asked.
brief
wait_for 'Start three timed minutes of movement now? [y/n]' && tm send-keys -t roll n
wait_for 'EXIT=0'
if pane | grep -q 'Once a week'; then
  echo "FAIL: the PSFS was asked twice in one week" >&2
  failures=$((failures + 1))
else
  echo "ok: the PSFS is not asked again that week"
fi

echo "# a fifth completed session on one day: warned, and asked"
# 16:00 UTC is after 10:00 local and on the roll day of 2026-11-23 in every zone of test_zones.txt.
for h in 07 08 09 10; do
  tm send-keys -t roll "clear; $C5 '$ROLL' history add beginner --at '2026-11-23 $h:00' --minutes 6 >/dev/null; echo ADDED$h" Enter
  wait_for "ADDED$h"
done
tm send-keys -t roll "clear; $C5 '$ROLL' session $WORK/hold.toml; echo EXIT=\$?" Enter
wait_for 'this would be session 5 today' && wait_for 'Start anyway? [y/n]' &&
  tm send-keys -t roll n
wait_for 'EXIT=3' && echo "ok: the fifth session is warned about and not started on a no"

echo "# the after-care's three timed minutes of movement keep a beginner's pressure ceiling"
cat >"$WORK/nomove.toml" <<'TOML'
schema = 1
name = "nomove"
title = "No movement after"
level = "beginner"

[[step]]
name = "Short extension"
zone = "thoracic"
seconds = 20
intensity = 4
cue = "Lean back over the roller."
TOML
tm send-keys -t roll "clear; '$ROLL' session $WORK/nomove.toml --speed 5; echo EXIT=\$?" Enter
wait_for 'press Enter to start' && tm send-keys -t roll Enter
wait_for 'any key: the summary' && tm send-keys -t roll Enter
wait_for 'Start three timed minutes of movement now? [y/n]' && tm send-keys -t roll y
wait_for 'MOVE SLOWLY' && tm send-keys -t roll 6
# A 6 is too much for a beginner in the movement too, as it was on the roller (above 5).
wait_for 'beginner, 5 out of 10 at most' && echo "ok: the after-care's movement eases a beginner off from 6"
wait_for 'Three minutes of movement done.' 50
wait_for 'EXIT=0'

echo "# the first session with no profile: the screening, the level, the beginner routine, the first get-ready"
C6="XDG_CONFIG_HOME=$WORK/c6 XDG_DATA_HOME=$WORK/d6 XDG_STATE_HOME=$WORK/s6"
tm send-keys -t roll "clear; $C6 '$ROLL' session thoracic; echo EXIT=\$?" Enter
wait_for 'Do you have osteoporosis (thin, fragile bones)? [y/n]' && echo "ok: the screening is asked first"
for q in 'such as a car accident? [y/n]' 'cannot relax them? [y/n]' 'active cancer? [y/n]' \
  'weakness in your arms or legs? [y/n]' 'surgery recently? [y/n]'; do
  tm send-keys -t roll n
  wait_for "$q"
done
tm send-keys -t roll n
wait_for 'Are you new to foam rolling? [y/n]' && echo "ok: six questions, one key each, then the level"
tm send-keys -t roll y
wait_for 'Start the beginner routine instead? [y/n]' && echo "ok: a newcomer is offered the beginner routine"
tm send-keys -t roll y
wait_for 'Timed or wait for a key? [t/k]' && tm send-keys -t roll t
# The screening asked about numbness minutes ago: the check-in asks only about a fresh injury.
wait_for 'Any fresh injury in the last 72 h? [y/n]' && tm send-keys -t roll n
wait_for "no, as the screening heard." && echo "ok: the check-in takes the screening's limbs answer"
if pane | grep -q 'Any numbness, weakness or shooting pain'; then
  echo "FAIL: the first day's check-in asked the screening's numbness question again" >&2
  failures=$((failures + 1))
fi
wait_for 'How much pain do you have right now?' && tm send-keys -t roll 7
wait_for 'First session' && wait_re 'GET READY +1[0-5] s' && echo "ok: the beginner routine starts with a first get-ready of 15 s"
tm send-keys -t roll q
wait_for 'End the session?' && tm send-keys -t roll y
wait_for 'after the session?' && tm send-keys -t roll Enter
wait_for 'EXIT=0'
if grep -q '^level = "beginner"' "$WORK/c6/roll/config.toml" && grep -q '^first_ready = "timer"' "$WORK/c6/roll/config.toml" &&
  grep -q '^asked = ' "$WORK/c6/roll/config.toml"; then
  echo "ok: the answers are kept in config.toml"
else
  echo "FAIL: config.toml does not keep the answers:" >&2
  cat "$WORK/c6/roll/config.toml" >&2
  failures=$((failures + 1))
fi
tm send-keys -t roll "clear; $C6 '$ROLL' session thoracic; echo EXIT=\$?" Enter
wait_for 'Start the beginner routine instead? [y/n]' && echo "ok: the second session asks only the routine offer"
if pane | grep -q 'osteoporosis\|new to foam rolling'; then
  echo "FAIL: the second session asked the first session's questions again" >&2
  failures=$((failures + 1))
fi
tm send-keys -t roll C-c
wait_for 'EXIT=130'

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all terminal checks passed"

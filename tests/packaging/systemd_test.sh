#!/bin/sh
# systemd reads the units `roll remind --systemd --install` writes: `systemd-analyze verify` on the
# unit files (not --user: in a container that needs a user manager it cannot start) and
# `systemd-analyze calendar` on each OnCalendar= line. Also from a binary whose path holds '%'
# and '$', which systemd would take for a specifier and a variable if roll did not escape them.
# Usage: systemd_test.sh ROLL_BINARY. Exit 77 (skipped) without systemd-analyze. Runs in the
# suite's time zone (ROLL_TEST_TZ, default UTC).
set -eu
roll=$1
# shellcheck source=SCRIPTDIR/../support/roll_test.sh
. "$(dirname "$0")/../support/roll_test.sh"
command -v systemd-analyze >/dev/null 2>&1 || skip "no systemd-analyze"
use_test_time_zone
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data"
export XDG_STATE_HOME="$tmp/home/state"
units="$XDG_CONFIG_HOME/systemd/user"
fail=0

check() { # BINARY ARGS...: install the units, verify them, parse the calendar
  binary=$1
  shift
  rm -rf "$units"
  "$binary" remind --systemd --install "$@" >"$tmp/install.txt"
  if ! systemd-analyze verify --man=no "$units/roll-reminder.timer" "$units/roll-reminder.service" \
    >"$tmp/verify.txt" 2>&1; then
    echo "systemd-analyze verify rejects the units of: roll remind $*" >&2
    cat "$tmp/verify.txt" "$units/roll-reminder.service" "$units/roll-reminder.timer" >&2
    fail=1
  elif [ -s "$tmp/verify.txt" ]; then
    echo "systemd-analyze verify warns about the units of: roll remind $*" >&2
    cat "$tmp/verify.txt" >&2
    fail=1
  fi
  calendar=$(sed -n 's/^OnCalendar=//p' "$units/roll-reminder.timer")
  if ! systemd-analyze calendar "$calendar" >"$tmp/calendar.txt" 2>&1; then
    echo "systemd-analyze calendar rejects OnCalendar=$calendar" >&2
    cat "$tmp/calendar.txt" >&2
    fail=1
  fi
}

check "$roll" --at 21:30
check "$roll" --at 07:05 --days mon,wed,fri
check "$roll" --at 12:00 --days weekends
# The normalized form systemd reads back is the schedule asked for.
systemd-analyze calendar "$(sed -n 's/^OnCalendar=//p' "$units/roll-reminder.timer")" |
  grep -q "Normalized form: Sat,Sun \*-\*-\* 12:00:00" ||
  { echo "OnCalendar= does not mean Sat,Sun at 12:00" >&2; fail=1; }

# A copy of the tree under a directory whose name holds '%' and '$'.
odd="$tmp/100%Q \$HOME"
mkdir -p "$odd/bin"
cp "$roll" "$odd/bin/roll"
check "$odd/bin/roll" --at 21:30
# shellcheck disable=SC2016 # the literal text systemd reads
grep -q '100%%Q $$HOME' "$units/roll-reminder.service" ||
  { echo "the '%' and '\$' of the path are not escaped for systemd:" >&2; cat "$units/roll-reminder.service" >&2; fail=1; }

[ "$fail" = 0 ] && echo "systemd: units verify, calendars parse ($(systemd-analyze --version | head -n1))"
exit $fail

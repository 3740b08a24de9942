#!/usr/bin/python3
"""Calendar software reads `roll remind --ics` as meant: icalendar parses it, and
recurring_ical_events (what calendar apps agree with) puts its first occurrence on the first day
the rule names, made on any day of the week; DTSTAMP is the instant it was made, in UTC, in the
suite's time zone (ROLL_TEST_TZ); every line ends in CRLF and none is longer than 75 octets
(RFC 5545 3.1).

Usage: ics_test.py ROLL_BINARY. Run with /usr/bin/python3: Debian's python3-icalendar and
python3-recurring-ical-events are installed for it. Exit 77 (skipped) without them.
"""
import datetime
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

try:
    import icalendar
    import recurring_ical_events
except ImportError as e:
    roll_test.skip(e)

roll = sys.argv[1]
zone = roll_test.test_time_zone()
tmp = tempfile.TemporaryDirectory()
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def ics(made_on, at, days=None):
    env = dict(os.environ, HOME=tmp.name, XDG_CONFIG_HOME=tmp.name + "/config",
               XDG_DATA_HOME=tmp.name + "/data", XDG_STATE_HOME=tmp.name + "/state", TZ=zone,
               ROLL_NOW=f"{made_on.isoformat()}T08:00:00Z")
    args = [roll, "remind", "--at", at, "--ics"] + (["--days", days] if days else [])
    run = subprocess.run(args, env=env, capture_output=True, check=True)
    return run.stdout


WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
checked = 0
for offset in range(7):  # made on each day of one week, Monday 2026-11-23 first
    made_on = datetime.date(2026, 11, 23) + datetime.timedelta(days=offset)
    for days in (None, "mon,wed,fri", "sat", "tue,thu"):
        raw = ics(made_on, "21:30", days)
        label = f"made {made_on:%a %Y-%m-%d}, --days {days or 'daily'}"
        # CRLF line ends, no bare LF or CR, lines of at most 75 octets.
        if not raw.endswith(b"\r\n") or raw.replace(b"\r\n", b"").count(b"\n") or \
                raw.replace(b"\r\n", b"").count(b"\r"):
            fail(f"{label}: not CRLF throughout")
        for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
            if len(line) > 75:
                fail(f"{label}: line {number} is {len(line)} octets: {line!r}")
        calendar = icalendar.Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        if len(events) != 1:
            fail(f"{label}: {len(events)} events")
            continue
        start = events[0]["DTSTART"].dt
        made = datetime.datetime.combine(made_on, datetime.time(8), datetime.timezone.utc)
        if events[0]["DTSTAMP"].dt != made:
            fail(f"{label}: DTSTAMP is {events[0]['DTSTAMP'].dt}, expected {made}")
        wanted = set(range(7)) if days is None else {WEEKDAYS.index(d) for d in days.split(",")}
        # The first day on or after the day it was made that the rule names.
        first = next(made_on + datetime.timedelta(days=k) for k in range(7)
                     if (made_on + datetime.timedelta(days=k)).weekday() in wanted)
        if start.date() != first or (start.hour, start.minute) != (21, 30):
            fail(f"{label}: DTSTART is {start}, expected {first} 21:30")
        # What a calendar shows over two weeks: only days the rule names, the first one first.
        shown = recurring_ical_events.of(calendar).between(
            datetime.datetime.combine(made_on, datetime.time()),
            datetime.datetime.combine(made_on + datetime.timedelta(days=14), datetime.time()))
        dates = sorted(e["DTSTART"].dt for e in shown)
        if not dates or dates[0].date() != first:
            fail(f"{label}: first occurrence {dates[0] if dates else None}, expected {first}")
        stray = [d for d in dates if d.weekday() not in wanted]
        if stray:
            fail(f"{label}: occurrences on days the rule does not name: {stray}")
        alarm = list(events[0].walk("VALARM"))
        if not alarm or "before bed" not in str(alarm[0]["DESCRIPTION"]):
            fail(f"{label}: the 21:30 alarm does not say 'before bed'")
        checked += 1

morning = icalendar.Calendar.from_ical(ics(datetime.date(2026, 11, 23), "09:30"))
for alarm in morning.walk("VALARM"):
    if "before bed" in str(alarm["DESCRIPTION"]):
        fail(f"--at 09:30 says 'before bed': {alarm['DESCRIPTION']}")

print(f"ics: {checked} calendars read by icalendar {icalendar.__version__} and "
      f"recurring_ical_events, made in {zone}")
sys.exit(1 if failures else 0)

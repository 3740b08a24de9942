#!/usr/bin/python3
"""Calendar software reads `roll remind --ics` as meant: icalendar parses it, and
recurring_ical_events (what calendar apps agree with) puts its first occurrence on the first day
the rule names, made on any day of the week; DTSTAMP is the instant it was made, in UTC, in the
suite's time zone (ROLL_TEST_TZ); every line ends in CRLF and none is longer than 75 octets
(RFC 5545 3.1); the UID is the same for one schedule made on any day, and differs between
schedules.

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

# The UID, as icalendar reads it, is the schedule's: made again another day it is the same event
# (a calendar replaces it on import instead of showing it twice), and two schedules made the same
# day are two events.
def uid(made_on, at, days=None):
    events = list(icalendar.Calendar.from_ical(ics(made_on, at, days)).walk("VEVENT"))
    return str(events[0]["UID"])


monday = datetime.date(2026, 11, 23)
for at, days in (("21:30", None), ("21:30", "mon,wed,fri"), ("07:15", "sat")):
    uids = {uid(monday + datetime.timedelta(days=k), at, days) for k in (0, 1, 6, 40)}
    if len(uids) != 1:
        fail(f"--at {at} --days {days or 'daily'} made on four days: UIDs {sorted(uids)}")
schedules = [("21:30", None), ("21:30", "mon,wed,fri"), ("21:30", "mon"), ("21:31", None),
             ("09:30", None), ("21:30", "weekdays"), ("21:30", "mon,tue,wed,thu,fri")]
uids = [uid(monday, at, days) for at, days in schedules]
if len(set(uids[:6])) != 6:
    fail(f"six schedules made the same day share UIDs: {uids[:6]}")
if uids[5] != uids[6]:
    fail(f"weekdays and mon,tue,wed,thu,fri are one schedule, with UIDs {uids[5]}, {uids[6]}")
if uid(monday, "21:30", "mon,tue,wed,thu,fri,sat,sun") != uids[0]:
    fail("every day of the week listed is the daily schedule, with another UID")

morning = icalendar.Calendar.from_ical(ics(datetime.date(2026, 11, 23), "09:30"))
for alarm in morning.walk("VALARM"):
    if "before bed" in str(alarm["DESCRIPTION"]):
        fail(f"--at 09:30 says 'before bed': {alarm['DESCRIPTION']}")

print(f"ics: {checked} calendars read by icalendar {icalendar.__version__} and "
      f"recurring_ical_events, made in {zone}")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""Every JSON document roll prints, field by field: each command's real output, every
`roll session --events` line and every history record (`roll history export`, the sync
journals) is valid against a closed copy of its schema in docs/schemas/ (json_schemas.py), so a
key the schema does not name fails; and every key a schema names is printed at least once over
the runs below, so a schema (and docs/json.md with it) names no key roll never prints. Keys come
in alphabetical order, the history records' in the order of their format.

The events come from real sessions: keys and the check-in's answers go in through a
pseudo-terminal (`--ready key` reads keys from it), the events come out of a pipe, or of the same
terminal for the session that asks the check-in.

Usage: json_test.py ROLL_BINARY SOURCE_DIR. Needs python3-jsonschema (Debian); exit 77 without.
"""
import datetime
import json
import os
import pathlib
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time

try:
    import jsonschema  # noqa: F401  (json_schemas needs it)
except ImportError as e:
    print(f"SKIPPED: {e}")
    sys.exit(77)

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import json_schemas  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

roll, source = sys.argv[1], pathlib.Path(sys.argv[2])
tmp = pathlib.Path(tempfile.mkdtemp())
failures = []
validators = {name: json_schemas.Validator(schema)
              for name, schema in json_schemas.load(source).items()}
checked = {name: 0 for name in validators}


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def home_env(home):
    return dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
                XDG_CACHE_HOME=str(home / "cache"), ROLL_NOW="2026-11-23T21:00:00Z",
                TZ=roll_test.test_time_zone())


home = tmp / "home"
env = home_env(home)


def run(*args, environment=None, ok=(0,)):
    r = subprocess.run([roll, *args], env=environment or env, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    if r.returncode not in ok:
        fail(f"roll {' '.join(args)}: exit {r.returncode}: {r.stderr[-600:]}")
    return r


JOURNAL_ORDER = {"header": ["roll_journal", "device"],
                 "record": ["v", "kind", "uid", "device", "fields"]}


def parse(text, schema, label):
    """`text` as JSON, its keys in the order docs/json.md gives: alphabetical, except in the
    history records, whose members and fields come in the order of the format (the schema's)."""
    objects = []
    document = json.loads(text, object_pairs_hook=lambda pairs: objects.append(
        [k for k, _ in pairs]) or dict(pairs))
    if schema != "journal":
        for keys in objects:
            if keys != sorted(keys):
                fail(f"{label}: keys out of alphabetical order: {keys}")
        return document
    top = objects[-1]
    order = JOURNAL_ORDER["header" if "roll_journal" in top else "record"]
    if "replaces" in top:
        order = order + ["replaces"]  # a header that lists the journals it replaces
    if top != order:
        fail(f"{label}: members in the order {top}")
    kind = document.get("kind")
    if kind in validators["journal"].schema["definitions"]:
        order = list(validators["journal"].schema["definitions"][kind]["properties"]["fields"]
                     ["properties"])
        # A session's pain is format 3: a line of format 1 leaves both out.
        if kind == "session" and document.get("v") == 1:
            order = [f for f in order if f not in ("pain_before", "pain_after")]
        # The device of what a tombstone or clearing names is format 4: older lines leave it out.
        if kind in ("tombstone", "injury_clearing") and document.get("v", 4) < 4:
            order = [f for f in order if f not in ("of_device", "injury_device")]
        # A zone's roller time is format 4: a line of format 1 leaves it out.
        if kind == "session_zone" and document.get("v") == 1:
            order = [f for f in order if f != "roller_seconds"]
        if objects[0] != order:
            fail(f"{label}: fields in the order {objects[0]}, not {order}")
    return document


def check(schema, label, document):
    checked[schema] += 1
    for error in validators[schema].errors(document):
        fail(f"{label}: not valid against {schema}.schema.json: {error}")


def check_json(schema, *args, environment=None, ok=(0,)):
    r = run(*args, environment=environment, ok=ok)
    try:
        document = parse(r.stdout, schema, f"roll {' '.join(args)}")
    except json.JSONDecodeError as e:
        fail(f"roll {' '.join(args)}: not JSON ({e}): {r.stdout[:200]}")
        return None
    check(schema, f"roll {' '.join(args)}", document)
    return document


def check_lines(schema, label, text):
    if text and not text.endswith("\n"):
        fail(f"{label}: the last line has no newline")
    for number, line in enumerate(text.splitlines(), 1):
        try:
            document = parse(line, schema, f"{label} line {number}")
        except json.JSONDecodeError as e:
            fail(f"{label} line {number}: not JSON ({e}): {line[:200]}")
            continue
        check(schema, f"{label} line {number}", document)


def check_due(reason, environment=None):
    """`roll due --json` says `reason`, `due` agrees with its exit status, and `roll due --quiet`
    exits the same, printing nothing."""
    status = 0 if reason == "not-done" else 1
    document = check_json("due", "due", "--json", environment=environment, ok=(status,)) or {}
    if document.get("reason") != reason or document.get("due") != (status == 0):
        fail(f"roll due --json: reason {document.get('reason')}, due {document.get('due')}; "
             f"expected {reason}")
    quiet = run("due", "--quiet", environment=environment, ok=(status,))
    if quiet.stdout or quiet.stderr:
        fail(f"roll due --quiet printed {quiet.stdout!r} {quiet.stderr!r}")
    return document


class Session:
    """`roll session ... --events` with standard input on a pseudo-terminal that echoes nothing
    and translates nothing: keys go in as written (a line at a time), and the events are read
    back as they come, from a pipe or, with `on_terminal`, from the same terminal (then standard
    output is a terminal too, which makes the session ask its check-in)."""

    def __init__(self, args, on_terminal=False, environment=None):
        master, slave = pty.openpty()
        attrs = termios.tcgetattr(slave)
        attrs[1] &= ~termios.OPOST
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        self.master, self.on_terminal = master, on_terminal
        self.err = open(tmp / "session.err", "w+")
        self.proc = subprocess.Popen([roll, "session", *args], env=environment or env, stdin=slave,
                                     stdout=slave if on_terminal else subprocess.PIPE,
                                     stderr=self.err, start_new_session=True)
        os.close(slave)
        self.out = master if on_terminal else self.proc.stdout.fileno()
        self.buffer = b""
        self.events = []  # every JSON line, in order
        self.other = []   # any other line (the check-in's questions, on a terminal)

    def send(self, keys):
        os.write(self.master, keys.encode())

    def _read(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([self.out], [], [], left)
        if not ready:
            raise TimeoutError
        try:
            chunk = os.read(self.out, 4096)
        except OSError:  # the terminal's other end closed
            chunk = b""
        if not chunk:
            raise EOFError
        self.buffer += chunk

    def _lines(self):
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            text = line.decode("utf-8", "replace").strip("\r")
            if text.startswith("{"):
                try:
                    self.events.append(parse(text, "session-events", "an event"))
                except json.JSONDecodeError as e:
                    fail(f"session {self.proc.args[2:]}: not JSON ({e}): {text[:200]}")
                    continue
                yield self.events[-1]
            else:
                self.other.append(text)

    def until(self, wanted, answer=None, limit=60):
        """Read events until one whose `event` is `wanted` (and return it). `answer(event)` may
        send keys for the events read meanwhile; a question ending in "[y/n] " is answered by
        `answer({"question": text})`."""
        deadline = time.monotonic() + limit
        while True:
            for event in self._lines():
                if event.get("event") == wanted:
                    return event
                if answer:
                    answer(event)
            if self.buffer.endswith(b"[y/n] "):
                question = self.buffer.decode("utf-8", "replace")
                self.other.append(question)
                self.buffer = b""
                if answer:
                    answer({"question": question})
            try:
                self._read(deadline)
            except (TimeoutError, EOFError) as e:
                self.kill()
                raise RuntimeError(f"no {wanted} event ({type(e).__name__}); events so far: "
                                   f"{[e.get('event') for e in self.events]}; other output: "
                                   f"{self.other[-5:]}; stderr: {self.stderr()[-600:]}")

    def finish(self):
        try:
            self.until("summary")
            while True:  # anything after the summary would be a line too many
                self._read(time.monotonic() + 30)
        except (RuntimeError, EOFError, TimeoutError):
            pass
        code = self.proc.wait(timeout=60)
        if self.buffer.strip():
            self.other.append(self.buffer.decode("utf-8", "replace"))
        return code

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stderr(self):
        self.err.seek(0)
        return self.err.read()


# A routine with every kind of event: a hold with a cue (holds take + and -; naming no level, the
# routine is a beginner's, so + finds its 60 s spot past a beginner's 30 s), reps on both
# sides with a set intensity, and a short hold that runs to its end (its last seconds tick).
routines = home / "config" / "roll" / "routines"
routines.mkdir(parents=True)
(routines / "drill.toml").write_text('''schema = 1
name = "drill"
title = "Drill"
summary = "Every kind of event."
[[step]]
name = "Long hold"
zone = "thoracic"
seconds = 60
cue = "Knees bent, feet flat."
[[step]]
name = "Lat rolls"
kind = "roll"
zone = "lats"
side = "both"
reps = 10
rep_seconds = 4
intensity = 5
[[step]]
name = "Short hold"
zone = "thoracic"
seconds = 5
''')
(routines / "broken.toml").write_text('schema = 1\nname = "broken"\ntitle = \n')
# The screening answered and the level given: the session on a terminal asks only its check-in.
(home / "config" / "roll" / "config.toml").write_text(
    'level = "intermediate"\n[conditions]\nosteoporosis = false\nrecent-surgery = false\n'
    'recent-trauma = false\nactive-cancer = false\nneurological-symptoms = false\n'
    'muscle-guarding = false\n')

# 1. Today, before anything: due, with a suggestion.
check_json("today", "--json")
if "suggestion" not in check_due("not-done"):
    fail("roll due --json suggested nothing to start on a day with nothing done")

# 2. The session that asks its check-in, on a terminal: every key in turn, then every step skipped
#    but the last, which runs out.
session = Session(["drill", "--events", "--ready", "key", "--before", "4", "--after", "7",
                   "--pain-before", "3", "--pain-after", "5"], on_terminal=True)


def check_in(event):
    # One key answers a question on a terminal: an Enter after it could reach the next question,
    # or the session, when it arrives late on a loaded machine.
    if "question" in event:
        session.send("y" if "Start anyway" in event["question"] else "n")


try:
    session.until("waiting", check_in)
    session.send("\n")
    session.until("step")
    for send, wait in (("p\n", "paused"), ("p\n", "resumed"), ("5\n", "pressure"),
                       ("9\n", "ease-off"), ("+\n", "hold-at-most"), ("-\n", "hold-changed"),
                       ("b\n", "restarted"), ("q\n", "quit-asked"), ("x\n", "quit-cancelled"),
                       ("n\n", "skipped")):
        session.send(send)
        session.until(wait)

    def onwards(event):
        if event.get("event") == "waiting":
            session.send("\n")
        elif event.get("event") == "step" and event.get("step") != 3:
            session.send("n\n")

    session.until("finished", onwards)
    code = session.finish()
    if code != 0:
        fail(f"the session on a terminal: exit {code}: {session.stderr()[-600:]}")
    # The drill is a beginner's: the 5 is no ease-off, the 9 is, with a beginner's advice.
    eased = [e for e in session.events if e.get("event") == "ease-off"]
    if [e.get("value") for e in eased] != [9] or "as a beginner, 5 out of 10 at most" not in \
            eased[0].get("text", ""):
        fail(f"the beginner's drill eased off as {eased}")
    if not any("fresh injury" in line for line in session.other):
        fail(f"the session on a terminal asked no check-in: {session.other[:5]}")
except RuntimeError as e:
    fail(f"the session on a terminal: {e}")
finally:
    session.kill()
events = list(session.events)
statuses = [e.get("status") for e in session.events if e.get("event") in ("finished", "summary")]
if statuses != ["partial", "partial"]:
    fail(f"the session with every step but the last skipped ended {statuses}, not partial")

# 2b. A second session of drill with pain up 2 or more: drill is paused (today's `paused`).
session = Session(["drill", "--events", "--ready", "key", "--yes", "--pain-before", "2",
                   "--pain-after", "4"])
try:
    def skip_all(event):
        if event.get("event") == "waiting":
            session.send("\n")
        elif event.get("event") == "step":
            session.send("n\n")

    session.until("finished", skip_all)
    if session.finish() != 0:
        fail(f"the second drill with pain: {session.stderr()[-600:]}")
    if "If your pain is increasing" not in session.stderr():
        fail("pain up after the session: the second article's words are not on stderr")
except RuntimeError as e:
    fail(f"the second drill with pain: {e}")
finally:
    session.kill()
events += session.events
paused = check_json("today", "--json").get("paused", [])
if [p.get("routine") for p in paused] != ["drill"]:
    fail(f"two sessions of drill with pain up 2 or more: paused {paused}, not drill")

# 3. Sessions run to their end, fast: every phase and rep, and the ticks.
for routine in ("drill", "thoracic", "bedtime"):
    r = run("session", routine, "--events", "--speed", "1000", "--yes")
    check_lines("session-events", f"roll session {routine} --events", r.stdout)
# A session killed in its first step: never ended, so `running` in the records.
session = Session(["drill", "--events", "--ready", "key", "--yes", "--before", "6"])
try:
    session.until("waiting")
    session.send("\n")
    session.until("step")
except RuntimeError as e:
    fail(f"the session to be killed: {e}")
finally:
    session.kill()
events += session.events

# 3b. A climb ended at the top with e (climb-ended), then the step after it, which waits too
#     (before the pain stop below, which rests the thoracic zone).
(routines / "climb.toml").write_text('''schema = 1
name = "climb"
title = "Climb"
[[step]]
name = "Extension"
zone = "thoracic"
seconds = 5
positions = 4
move = "up"
[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 5
''')
session = Session(["climb", "--events", "--ready", "key", "--yes"])
try:
    session.until("waiting")
    session.send("\n")
    session.until("step")
    session.send("e\n")
    ended = session.until("climb-ended")
    if (ended.get("position"), ended.get("positions")) != (1, 4):
        fail(f"the climb ended at {ended.get('position')} of {ended.get('positions')}, not 1 of 4")
    session.until("waiting")
    session.send("\n")
    code = session.finish()
    if code != 0:
        fail(f"the climb: exit {code}: {session.stderr()[-600:]}")
    statuses = [e.get("status") for e in session.events if e.get("event") == "summary"]
    if statuses != ["completed"]:
        fail(f"the climb ended at the top ended {statuses}, not completed")
except RuntimeError as e:
    fail(f"the climb: {e}")
finally:
    session.kill()
events += session.events

# 3c. The climb counts as done today: `roll due --json` names it. At 01:30 on the next calendar
#     day, before day_start (04:00), its roll day is still today's.
done = check_due("done")
if done.get("session", {}).get("routine") != "climb" or done.get("completed_today") != 1:
    fail(f"roll due --json after the climb: {done}")
offset = next(int(line.split()[1]) for line in
              (source / "tests" / "support" / "test_zones.txt").read_text().splitlines()
              if line.split()[:1] == [roll_test.test_time_zone()])
started = datetime.datetime(2026, 11, 23, 21, tzinfo=datetime.timezone.utc)  # ROLL_NOW
local_day = (started + datetime.timedelta(minutes=offset - 4 * 60)).date()
early = (datetime.datetime.combine(local_day + datetime.timedelta(days=1), datetime.time(1, 30),
                                   datetime.timezone.utc) - datetime.timedelta(minutes=offset))
done = check_due("done", dict(env, ROLL_NOW=early.strftime("%Y-%m-%dT%H:%M:%SZ")))
if (done.get("before_day_start"), done.get("date")) != (True, local_day.isoformat()):
    fail(f"roll due --json at 01:30 the next day: {done}")

# 3d. A rest day after a pain stop, and a day an injury to the whole body keeps off the roller,
#     each in a history of its own (nothing done there).
rest_env = home_env(tmp / "rest")
# A real session without a terminal starts only once the screening is answered.
(tmp / "rest" / "config" / "roll").mkdir(parents=True)
(tmp / "rest" / "config" / "roll" / "config.toml").write_text(
    (home / "config" / "roll" / "config.toml").read_text())
session = Session(["beginner", "--events", "--ready", "key", "--yes"], environment=rest_env)
try:
    session.until("waiting")
    session.send("\n")
    session.until("step")
    session.send("!\n")
    session.finish()
except RuntimeError as e:
    fail(f"the pain stop for roll due: {e}")
finally:
    session.kill()
events += session.events
if not check_due("pain-stop", rest_env).get("pain_stop", {}).get("session"):
    fail("roll due --json on a rest day names no session")
hurt_env = home_env(tmp / "hurt")
run("injury", "add", "full-body", "--hours-ago", "5", "--note", "thrown out lifting a box",
    environment=hurt_env)
if check_due("injury", hurt_env).get("injury", {}).get("hours_remaining") != 43:
    fail("roll due --json: an injury 5 h ago does not have 43 h of its 48 left")

# 4. A pain stop, the events on a pipe (its zone then rests for 48 h: last of the sessions).
session = Session(["drill", "--events", "--ready", "key", "--yes"])
try:
    session.until("waiting")
    session.send("\n")
    session.until("step")
    session.send("!\n")
    code = session.finish()
    if code != 4:  # stopped for safety during a session
        fail(f"the pain stop: exit {code}, not 4: {session.stderr()[-600:]}")
except RuntimeError as e:
    fail(f"the pain stop: {e}")
finally:
    session.kill()
events += session.events
if session.other:
    fail(f"--events on a pipe printed lines that are not JSON: {session.other[:3]}")
if session.events and session.events[-1].get("status") != "pain-stop":
    fail(f"the pain stop ended {session.events[-1].get('status')}")

for line in events:
    check("session-events", f"event {line.get('event')}", line)
seen = {e.get("event") for e in events}

# 5. What the history holds now, and what reads it.
run("history", "add", "bedtime", "--at", "2026-11-22T21:30", "--minutes", "6")
run("injury", "add", "calves", "--hours-ago", "100", "--note", "a knock")
run("injury", "add", "neck", "--hours-ago", "10")
check_json("history", "history", "--json")
check_json("stats", "stats", "--json")
injuries = check_json("injury-list", "injury", "list", "--json") or {"injuries": []}
# A beginner's step-up count, started over by the pressure of 9 and the pain stop above.
profile = home / "config" / "roll" / "config.toml"
profile.write_text(profile.read_text().replace('level = "intermediate"', 'level = "beginner"'))
check_json("today", "--json")
# A condition not cleared holds today's suggestion.
held = home_env(tmp / "held")
(tmp / "held" / "config" / "roll").mkdir(parents=True)
(tmp / "held" / "config" / "roll" / "config.toml").write_text("[conditions]\nosteoporosis = true\n")
check_json("today", "--json", environment=held)
if check_due("held", held).get("held", {}).get("conditions") != ["osteoporosis"]:
    fail("roll due --json with osteoporosis not cleared does not name it")
calves = [i["id"] for i in injuries["injuries"] if i.get("zone") == "calves"]
if calves:
    run("injury", "clear", str(calves[0]))
history = json.loads(run("history", "--json").stdout)
by_hand = [s["id"] for s in history["sessions"] if s.get("origin") == "by-hand"]
if by_hand:
    run("history", "delete", by_hand[0], "--yes")
check_json("history-deleted", "history", "deleted", "--json")
export = run("history", "export")
check_lines("journal", "roll history export", export.stdout)
records = [json.loads(line) for line in export.stdout.splitlines()[1:]]
kinds = {r.get("kind") for r in records}
# A killed session: `running` in its record, `unfinished` in `roll history --json`.
statuses = {r["fields"]["status"] for r in records if r.get("kind") == "session"}
if "running" not in statuses or "unfinished" not in {s["status"] for s in history["sessions"]}:
    fail(f"the killed session is not running in the records ({statuses}) and unfinished in "
         f"roll history --json")

# 6. The routines and the rules.
check_json("list", "list", "--json")
check_json("show", "show", "drill", "--json")
check_json("show", "show", str(routines / "drill.toml"), "--json")
check_json("show", "show", "thoracic", "--json")
check_json("rules", "rules", "--json")
r = run("lint", "--format", "json", str(routines / "drill.toml"), str(tmp / "missing.toml"),
        ok=(0, 1, 2))
check("lint", "roll lint --format json", parse(r.stdout, "lint", "roll lint --format json"))
r = run("lint", "--format", "json", str(source / "routines"), ok=(0, 1))
check("lint", "roll lint --format json routines/",
      parse(r.stdout, "lint", "roll lint --format json routines/"))

# 7. Sync: this device, then another one, then this device's status of both.
folder = tmp / "sync"
folder.mkdir()
run("sync", str(folder))
other = home_env(tmp / "other")
run("history", "add", "thoracic", "--at", "2026-11-21T08:00", "--minutes", "5",
    environment=other)
run("sync", str(folder), environment=other)
# Local noon: before "now" (21:00 UTC) in every zone the suite runs in.
run("history", "add", "bedtime", "--at", "2026-11-23T12:00", "--minutes", "5")
check_json("sync-status", "sync", str(folder), "--status", "--json")
journals = sorted(folder.glob("*.ndjson"))
if len(journals) != 2:
    fail(f"{len(journals)} journals in the sync folder, expected 2")
for journal in journals:
    check_lines("journal", f"journal {journal.name}", journal.read_text(encoding="utf-8"))
# A rewound journal (what a `git checkout` of the folder does): what it lost is republished in a
# new journal whose header lists the old id in `replaces`.
own = json.loads(run("sync", str(folder), "--status", "--json").stdout)["device"]
rewound = folder / f"{own}.ndjson"
rewound.write_text(rewound.read_text(encoding="utf-8").splitlines(keepends=True)[0],
                   encoding="utf-8")
run("sync", str(folder))
for journal in sorted(folder.glob("*.ndjson")):
    check_lines("journal", f"journal {journal.name}", journal.read_text(encoding="utf-8"))

# 8. A prescription (docs/examples/thoracic-4-weeks.prescription.toml: Mon 2 to Sun 29 Nov,
# Monday to Saturday, twice a day) in a home of its own: `roll prescription show --json` without
# one and with one, then `roll due`, bare `roll` and `roll stats` following it on Monday 23 with
# the morning done, then a Sunday it does not prescribe, then an injury that excuses the day.
# Local noon, so that the day is the same in every zone the suite runs in.
rx = dict(home_env(tmp / "rx"), ROLL_NOW="2026-11-23T12:00:00")
check_json("prescription-show", "prescription", "show", "--json", environment=rx)
run("prescription", "add", str(source / "docs" / "examples" / "thoracic-4-weeks.prescription.toml"),
    environment=rx)
check_json("prescription-show", "prescription", "show", "--json", environment=rx)
run("history", "add", "mid-back-extension", "--at", "2026-11-23T08:00", "--minutes", "5",
    environment=rx)
run("history", "add", "bedtime", "--at", "2026-11-03T21:30", "--minutes", "5", environment=rx)
# Pain before and after in the first week and the last (5 and 5, then 4 and 3: down 30%, the
# meaningful change by the percentage), and two PSFS answers, the first of five activities.
for day, pain in (("2026-11-04", "5"), ("2026-11-05", "5"), ("2026-11-20", "4"),
                  ("2026-11-21", "3")):
    run("history", "add", "bedtime", "--at", f"{day}T21:30", "--pain-before", pain,
        "--pain-after", pain, environment=rx)
run("psfs", "--rate", "Reaching up to a high shelf=2", "--rate", "Sitting at my desk=3",
    "--rate", "Turning my head=2", "--rate", "Carrying the shopping=4", "--rate",
    "Sleeping through=4", environment=dict(rx, ROLL_NOW="2026-11-05T22:00:00"))
run("psfs", "--rate", "Reaching up to a high shelf=6", environment=rx)
document = check_due("not-done", rx)
if document.get("prescription", {}).get("today", {}).get("remaining") != 1:
    fail(f"roll due --json on a prescribed day with one session done: {document}")
check_json("today", "--json", environment=rx)
check_json("stats", "stats", "--json", environment=rx)
sunday = dict(rx, ROLL_NOW="2026-11-22T12:00:00")
check_due("not-prescribed", sunday)
run("injury", "add", "thoracic", "--hours-ago", "2", environment=rx)
check_due("excused", rx)
check_json("today", "--json", environment=rx)
check_json("stats", "stats", "--json", environment=rx)
# Ten completed sessions over 21 days: the count for a step up is met, but the prescription names
# a beginner, so bare `roll` leaves the step up to its clinician.
for day in ("2026-11-06", "2026-11-07", "2026-11-09", "2026-11-10"):
    run("history", "add", "bedtime", "--at", f"{day}T21:30", "--minutes", "5", environment=rx)
step_up = (check_json("today", "--json", environment=rx) or {}).get("step_up", {})
if not step_up.get("ask_clinician") or step_up.get("prescribed_level") != "beginner":
    fail(f"roll --json under a beginner's prescription with the count met: {step_up}")
check_lines("journal", "roll history export (prescription)",
            run("history", "export", environment=rx).stdout)
# The later PSFS answer deleted by its tombstone (imported, as one from another device arrives):
# `roll history deleted --json` names it by its kind and in words.
exported = run("history", "export", environment=rx).stdout.splitlines()
answers = [r for r in map(json.loads, exported[1:]) if r.get("kind") == "psfs"]
if len(answers) != 2:
    fail(f"roll history export (prescription) holds {len(answers)} PSFS answers, not 2")
else:
    answer = max(answers, key=lambda r: r["fields"]["at"])
    at = answer["fields"]["at"]
    tombstone = {"v": 4, "kind": "tombstone", "uid": answer["uid"], "device": answer["device"],
                 "fields": {"of": "psfs", "deleted_at": at, "version": at, "restored": False,
                            "of_device": answer["device"]}}
    deletion = tmp / "psfs-deletion.ndjson"
    deletion.write_text(exported[0] + "\n" + json.dumps(tombstone, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    run("history", "import", str(deletion), environment=rx)
    listed = check_json("history-deleted", "history", "deleted", "--json", environment=rx) or {}
    rows = [d for d in listed.get("deleted", []) if d.get("kind") == "psfs"]
    if len(rows) != 1 or not rows[0].get("what", "").startswith("the PSFS answer of "):
        fail(f"roll history deleted --json after a PSFS answer's deletion: {listed}")

# Every key every schema names was printed at least once.
for name, validator in sorted(validators.items()):
    if checked[name] == 0:
        fail(f"no document was checked against {name}.schema.json")
        continue
    for where in validator.unused():
        fail(f"{name}.schema.json names {where}, which no output above printed")

print(f"json: {sum(checked.values())} documents and lines valid against closed copies of "
      f"{len(validators)} schemas; events seen: {', '.join(sorted(seen))}; history records: "
      f"{', '.join(sorted(k for k in kinds if k))}")
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""docs/schemas/prescription.schema.json describes the prescription format exactly as roll's
loader reads it, read by a second TOML parser (python's tomllib) and jsonschema:

- the example prescriptions in docs/examples/ start with the `#:schema` directive, `prescription
  = 1` is their first key, and they validate;
- the schema's keys are the loader's keys (its "unknown key" message lists every key allowed);
- on a set of small prescriptions, the schema accepts exactly those the loader accepts.

TOML dates become "YYYY-MM-DD" strings before validation, as an editor's TOML schema support
reads them. The loader is reached through roll_prescription_tool (tests/tools) until `roll lint`
reads prescriptions.

Usage: prescription_schema_test.py PRESCRIPTION_TOOL SOURCE_DIR. Needs python3-jsonschema.
"""
import datetime
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

try:
    import jsonschema
except ImportError as e:
    print(f"SKIPPED: {e}")
    sys.exit(77)

tool, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema_path = source / "docs" / "schemas" / "prescription.schema.json"
schema = json.loads(schema_path.read_text(encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def as_json(value):
    """tomllib's values as JSON's: a date as its ISO text, a date-time as its own (with a T)."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def schema_errors(text):
    return [e.message for e in validator.iter_errors(as_json(tomllib.loads(text)))]


tmp = tempfile.TemporaryDirectory()


def loader(text):
    """(accepted, output) of the loader on the text."""
    path = pathlib.Path(tmp.name) / "p.toml"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([tool, "load", str(path)], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        fail(f"the loader failed (exit {run.returncode}): {run.stderr}")
    return run.returncode == 0, run.stdout


# 1. The examples.
examples = sorted((source / "docs" / "examples").glob("*.prescription.toml"))
if not examples:
    fail("no docs/examples/*.prescription.toml")
for path in examples:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("#:schema ../schemas/prescription.schema.json\n"):
        fail(f"{path.name} does not start with '#:schema ../schemas/prescription.schema.json'")
    if next(iter(tomllib.loads(text)), None) != "prescription":
        fail(f"{path.name}: `prescription` is not the first key")
    for message in schema_errors(text):
        fail(f"{path.name}: {message}")
    accepted, out = loader(text)
    if not accepted or out:
        fail(f"{path.name}: the loader does not accept it cleanly:\n{out}")

# 2. The keys: the loader lists them in its help for an unknown key with no close match.
BASE = ('prescription = 1\nlevel = "beginner"\nroutines = ["mid-back-extension"]\n'
        'times_per_day = 1\nfrom = 2026-11-02\nuntil = 2026-11-29\n')
accepted, out = loader(BASE + "qqqqqqqqqqqq = 1\n")
match = re.search(r"the keys allowed here are: (.*)", out)
if accepted or not match:
    fail(f"the loader did not list its keys for an unknown key:\n{out}")
else:
    loader_keys = {k.strip() for k in match.group(1).split(",")}
    if loader_keys != set(schema["properties"]):
        fail(f"loader keys {sorted(loader_keys)} != schema keys {sorted(schema['properties'])}")
if schema.get("additionalProperties") is not False:
    fail("the schema must reject unknown keys, as the loader does")
if set(schema["required"]) != {"prescription", "level", "routines", "times_per_day", "from",
                               "until"}:
    fail(f"the schema requires {schema['required']}")

# 3. The schema accepts exactly what the loader accepts. Each case replaces or adds keys.
cases = {
    "minimal": "",
    "every key": 'title = "T"\nclinician = "Dr. X"\ndays = ["mon", "sun"]\n'
                 'goals = ["a", "b", "c", "d", "e"]\nnote = "n"\n',
    "a routine file beside it": 'routines = ["my routine.toml", "bedtime"]\n',
    "a routine file elsewhere": 'routines = ["../r.toml"]\n',
    "a routine file in a folder": 'routines = ["sub/r.toml"]\n',
    "only .toml": 'routines = [".toml"]\n',
    "a name with capitals": 'routines = ["Bedtime"]\n',
    "a name with a space": 'routines = ["mid back"]\n',
    "no routines": "routines = []\n",
    "a routine twice": 'routines = ["bedtime", "bedtime"]\n',
    "17 routines": "routines = [" + ", ".join(f'"r{i}"' for i in range(17)) + "]\n",
    "16 routines": "routines = [" + ", ".join(f'"r{i}"' for i in range(16)) + "]\n",
    "a routine not a string": "routines = [1]\n",
    "a name 201 long": 'routines = ["' + "a" * 201 + '"]\n',
    "times 4": "times_per_day = 4\n",
    "times 24": "times_per_day = 24\n",
    "times 25": "times_per_day = 25\n",
    "times 0": "times_per_day = 0\n",
    "times 2.0": "times_per_day = 2.0\n",
    "times 2.5": "times_per_day = 2.5\n",
    "times as a string": 'times_per_day = "2"\n',
    "days empty": "days = []\n",
    "days all": 'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n',
    "days twice": 'days = ["mon", "mon"]\n',
    "days capitalised": 'days = ["Mon"]\n',
    "days in full": 'days = ["monday"]\n',
    "from in quotes": 'from = "2026-11-02"\n',
    "from 30 February in quotes": 'from = "2026-02-30"\n',
    "from a date-time": "from = 2026-11-02T10:00:00\n",
    "from a time": "from = 10:00:00\n",
    "from 1969": "from = 1969-12-31\n",
    "from as text": 'from = "next monday"\n',
    "until before from": "until = 2026-11-01\n",
    "goals 6": 'goals = ["a", "b", "c", "d", "e", "f"]\n',
    "goals empty list": "goals = []\n",
    "a goal empty": 'goals = [""]\n',
    "a goal twice": 'goals = ["a", "a"]\n',
    "a goal 200 x é": 'goals = ["' + "é" * 200 + '"]\n',
    "a goal 201 x é": 'goals = ["' + "é" * 201 + '"]\n',
    "note 4096": 'note = "' + "n" * 4096 + '"\n',
    "note 4097": 'note = "' + "n" * 4097 + '"\n',
    "title 201": 'title = "' + "t" * 201 + '"\n',
    "clinician a number": "clinician = 1\n",
    "level expert": 'level = "expert"\n',
    "format 2": "prescription = 2\n",
    "an unknown key": "schedule = 1\n",
    "a table": "[schedule]\ntimes = 1\n",
}
for label, body in cases.items():
    keys = {}
    tail = ""
    for line in body.splitlines(keepends=True):
        if tail or line.startswith("["):
            tail += line
        elif " = " in line:
            keys[line.split(" = ")[0]] = line
    text = ""
    for line in BASE.splitlines(keepends=True):
        key = line.split(" = ")[0]
        text += keys.pop(key, line)
    text += "".join(keys.values()) + tail
    accepted, out = loader(text)
    errors = schema_errors(text)
    if accepted != (not errors):
        fail(f"{label}: loader {'accepts' if accepted else 'rejects'} but schema "
             f"{'rejects: ' + '; '.join(errors) if errors else 'accepts'}\n{out}")
for missing in ("level", "routines", "times_per_day", "from", "until"):
    text = "".join(line for line in BASE.splitlines(keepends=True)
                   if not line.startswith(missing + " "))
    if loader(text)[0] or not schema_errors(text):
        fail(f"both should reject a prescription without `{missing}`")

print(f"prescription schema: {len(examples)} example(s), {len(cases) + 5} cases agree")
sys.exit(1 if failures else 0)

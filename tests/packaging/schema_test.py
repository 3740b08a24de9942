#!/usr/bin/env python3
"""routines/routine.schema.json describes format v1 exactly as roll's loader reads it.

- every bundled routine starts with the `#:schema ./routine.schema.json` directive and validates;
- the schema's keys at each level are the loader's keys, read back from the loader itself (its
  "unknown key" message lists every key allowed there);
- on a set of small routines, the schema accepts exactly those the loader accepts.

Usage: schema_test.py ROLL_BINARY SOURCE_DIR. Needs python3-jsonschema (Debian).
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

import jsonschema

roll, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "routines" / "routine.schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
# No "$id" that looks like a web address nobody serves (a URN would be fine).
if "$id" in schema and not schema["$id"].startswith("urn:"):
    print(f"FAIL: $id {schema['$id']} is not a URN", file=sys.stderr)
    sys.exit(1)
validator = jsonschema.Draft7Validator(schema)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def schema_errors(text):
    return [e.message for e in validator.iter_errors(tomllib.loads(text))]


tmp = tempfile.TemporaryDirectory()
env = dict(os.environ, HOME=tmp.name, XDG_CONFIG_HOME=tmp.name + "/config",
           XDG_DATA_HOME=tmp.name + "/data", XDG_STATE_HOME=tmp.name + "/state")
env.pop("NO_COLOR", None)


def loader(text, name="t"):
    """(accepted, stderr) of `roll show` on the routine text."""
    path = pathlib.Path(tmp.name) / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([roll, "show", str(path)], env=env, capture_output=True, text=True)
    return run.returncode == 0, run.stderr


# 1. Every bundled routine: the directive, and valid against the schema.
bundled = sorted((source / "routines").glob("*.toml"))
if not bundled:
    fail("no bundled routines found")
for path in bundled:
    text = path.read_text()
    if not text.startswith("#:schema ./routine.schema.json\n"):
        fail(f"{path.name} does not start with '#:schema ./routine.schema.json'")
    for message in schema_errors(text):
        fail(f"{path.name}: {message}")

# 2. The keys: the loader lists them in its help for an unknown key with no close match.
MINIMAL = 'schema = 1\nname = "t"\ntitle = "T"\n'
STEP = '[[step]]\nname = "S"\nzone = "thoracic"\nseconds = 30\n'
probes = {
    "top level": (MINIMAL + "qqqqqqqqqqqq = 1\n" + STEP, schema),
    "[lint]": (MINIMAL + "[lint]\nqqqqqqqqqqqq = 1\n" + STEP, schema["properties"]["lint"]),
    "[[step]]": (MINIMAL + STEP + "qqqqqqqqqqqq = 1\n", schema["properties"]["step"]["items"]),
    "breath": (MINIMAL + STEP + "breath = { qqqqqqqqqqqq = 1 }\n",
               schema["properties"]["step"]["items"]["properties"]["breath"]),
}
for where, (text, node) in probes.items():
    accepted, err = loader(text)
    match = re.search(r"the keys allowed here are: (.*)", err)
    if accepted or not match:
        fail(f"{where}: the loader did not list its keys for an unknown key:\n{err}")
        continue
    loader_keys = set(k.strip() for k in match.group(1).split(","))
    schema_keys = set(node["properties"])
    if loader_keys != schema_keys:
        fail(f"{where}: loader keys {sorted(loader_keys)} != schema keys {sorted(schema_keys)}")
    if node.get("additionalProperties") is not False:
        fail(f"{where}: the schema must reject unknown keys, as the loader does")

# 2b. The pose names editors complete are the poses roll draws: `roll lint` lists them all for a
#     pose with no close name.
pose_probe = pathlib.Path(tmp.name) / "t.toml"
pose_probe.write_text(MINIMAL + STEP + 'pose = "qqqqqqqqqqqqqqqqqqqq"\n', encoding="utf-8")
run = subprocess.run([roll, "lint", "--format", "json", str(pose_probe)], env=env,
                     capture_output=True, text=True)
helps = [d["help"] for d in json.loads(run.stdout or "{}").get("diagnostics", [])
         if d.get("rule") == "unknown-pose"]
pose_node = schema["properties"]["step"]["items"]["properties"]["pose"]
schema_poses = next((branch["enum"] for branch in pose_node["anyOf"] if "enum" in branch), [])
if len(helps) != 1 or not helps[0].startswith("the poses are: "):
    fail(f"roll lint did not list the poses for an unknown one: {run.stdout}{run.stderr}")
elif helps[0][len("the poses are: "):].split(", ") != schema_poses:
    fail(f"the schema's poses {schema_poses} are not roll's: {helps[0]}")

# 3. The schema accepts exactly what the loader accepts.
cases = {
    "minimal": "",
    "every key": '''summary = "s"
level = "advanced"
roller = "peanut"
purpose = "warm-up"
resume_after_injury_hours = 72
sources = ["first article"]
[lint]
allow = ["slow-tempo"]
[[step]]
name = "A"
kind = "roll"
zone = "lats"
side = "both"
reps = 12
rep_seconds = 5
positions = 2
move = "down"
along = "spine"
pose = "lat-roll"
breath = { inhale = 3, exhale = 5, hold_in = 0, hold_out = 1 }
intensity = 7
tempo = "fast"
cue = "c"
allow = ["rep-range"]
on_roller = true
''',
    "zone alias with odd case and separators": '[[step]]\nname = "A"\nzone = "Mid Back"\nseconds = 5\n',
    "zone alias lower_back": '[[step]]\nname = "A"\nkind = "movement"\nzone = "low_back"\nseconds = 5\n',
    "zone CERVICAL": '[[step]]\nname = "A"\nkind = "stretch"\nzone = "CERVICAL"\nseconds = 5\n',
    "rest without zone": '[[step]]\nname = "A"\nkind = "rest"\nseconds = 5\n',
    "unknown zone": '[[step]]\nname = "A"\nzone = "elbowz"\nseconds = 5\n',
    "no zone": '[[step]]\nname = "A"\nseconds = 5\n',
    "two timings": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\nreps = 10\n',
    "no timing": '[[step]]\nname = "A"\nzone = "lats"\n',
    "seconds 0": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 0\n',
    "seconds 3601": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 3601\n',
    "seconds 3600": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 3600\n',
    "seconds as a string": '[[step]]\nname = "A"\nzone = "lats"\nseconds = "30"\n',
    "intensity 11": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\nintensity = 11\n',
    "breaths 101": '[[step]]\nname = "A"\nzone = "lats"\nbreaths = 101\n',
    "hold_in 0, inhale 0": '[[step]]\nname = "A"\nzone = "lats"\nbreaths = 2\nbreath = { inhale = 0, exhale = 4 }\n',
    "bad kind": '[[step]]\nname = "A"\nkind = "smash"\nzone = "lats"\nseconds = 5\n',
    "bad level": 'level = "expert"\n' + STEP,
    "empty step name": '[[step]]\nname = ""\nzone = "lats"\nseconds = 5\n',
    "injury hours 0": 'resume_after_injury_hours = 0\n' + STEP,
    "sources not strings": 'sources = [1]\n' + STEP,
    "on_roller false on a stretch": '[[step]]\nname = "A"\nkind = "stretch"\nzone = "chest"\nseconds = 5\non_roller = false\n',
    "on_roller false on a rest": '[[step]]\nname = "A"\nkind = "rest"\nseconds = 5\non_roller = false\n',
    "on_roller true on a movement": '[[step]]\nname = "A"\nkind = "movement"\nzone = "chest"\nseconds = 5\non_roller = true\n',
    "on_roller false on a hold": '[[step]]\nname = "A"\nkind = "hold"\nzone = "chest"\nseconds = 5\non_roller = false\n',
    "on_roller false on a roll": '[[step]]\nname = "A"\nkind = "roll"\nzone = "chest"\nseconds = 5\non_roller = false\n',
    "on_roller false, kind hold by default": '[[step]]\nname = "A"\nzone = "chest"\nseconds = 5\non_roller = false\n',
    "move sideways": '[[step]]\nname = "A"\nzone = "glutes"\nseconds = 5\npositions = 2\nmove = "sideways"\n',
    "move across": '[[step]]\nname = "A"\nzone = "glutes"\nseconds = 5\npositions = 2\nmove = "across"\n',
    "along the side": '[[step]]\nname = "A"\nkind = "stretch"\nzone = "thoracic"\nseconds = 5\nalong = "side"\n',
    # A pose this roll does not draw loads (roll lint warns): a routine of a later roll runs.
    "pose unknown": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\npose = "lat-rol"\n',
    "pose empty": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\npose = ""\n',
    "pose a number": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\npose = 3\n',
    "pose 201 characters": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\npose = "' + "a" * 201 + '"\n',
    "on_roller as a string": '[[step]]\nname = "A"\nkind = "stretch"\nzone = "chest"\nseconds = 5\non_roller = "no"\n',
    # Lengths count characters in both (JSON Schema's maxLength does): 150 x é is 300 bytes.
    "step name 150 x é": '[[step]]\nname = "' + "é" * 150 + '"\nzone = "lats"\nseconds = 5\n',
    "step name 200 x é": '[[step]]\nname = "' + "é" * 200 + '"\nzone = "lats"\nseconds = 5\n',
    "step name 201 x é": '[[step]]\nname = "' + "é" * 201 + '"\nzone = "lats"\nseconds = 5\n',
    "step name 201 ASCII": '[[step]]\nname = "' + "a" * 201 + '"\nzone = "lats"\nseconds = 5\n',
    "cue 4096 x 🙂": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\ncue = "' + "🙂" * 4096 + '"\n',
    "cue 4097 x 🙂": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 5\ncue = "' + "🙂" * 4097 + '"\n',
    # A whole number written with a point is an integer to JSON Schema, and so to roll.
    "seconds 20.0": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 20.0\n',
    "seconds 20.5": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 20.5\n',
    "seconds 3601.0": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 3601.0\n',
    "seconds 0.0": '[[step]]\nname = "A"\nzone = "lats"\nseconds = 0.0\n',
    "seconds inf": '[[step]]\nname = "A"\nzone = "lats"\nseconds = inf\n',
}
for label, body in cases.items():
    text = MINIMAL + body
    if "[[step]]" not in body:
        text += STEP
    # Top-level keys must come before the first table.
    if body.startswith(("level", "resume", "sources")):
        text = MINIMAL + body
    accepted, err = loader(text)
    errors = schema_errors(text)
    if accepted != (not errors):
        fail(f"{label}: loader {'accepts' if accepted else 'rejects'} but schema "
             f"{'rejects: ' + '; '.join(errors) if errors else 'accepts'}\n{err}")
for bad_schema in ('schema = 2\nname = "t"\ntitle = "T"\n' + STEP,
                   'name = "t"\ntitle = "T"\n' + STEP,
                   'schema = 1\nname = "Not A Slug"\ntitle = "T"\n' + STEP,
                   'schema = 1\nname = "t"\ntitle = ""\n' + STEP):
    if loader(bad_schema)[0] or not schema_errors(bad_schema):
        fail(f"both should reject:\n{bad_schema}")

# 4. routines/README.md gives the breath's ranges as the schema does ("`inhale` and `exhale`
#    1-60, `hold_in` and `hold_out` 0-60").
readme = (source / "routines" / "README.md").read_text()
row = next((line for line in readme.splitlines() if line.startswith("| `breath` |")), "")
breath = schema["properties"]["step"]["items"]["properties"]["breath"]["properties"]
stated = {}
for keys, low, high in re.findall(r"((?:`\w+`(?: and |, )?)+) (\d+)-(\d+)", row):
    for key in re.findall(r"`(\w+)`", keys):
        stated[key] = (int(low), int(high))
for key, node in breath.items():
    if stated.get(key) != (node["minimum"], node["maximum"]):
        fail(f"routines/README.md gives breath.{key} as {stated.get(key)}, the schema "
             f"{node['minimum']}-{node['maximum']}")

print(f"schema: {len(bundled)} bundled routines, {len(probes)} key sets, {len(schema_poses)} "
      f"poses, {len(cases) + 4} cases")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""A second TOML parser (Python's tomllib) reads every routine roll ships and every TOML file roll
writes (`roll new`, `roll new --from` each bundled routine, `roll lint --fix`) as roll's own loader
does: the same name, title and steps.

Usage: toml_reader_test.py ROLL_BINARY SOURCE_DIR. Exit 77 (skipped) without tomllib
(Python 3.11 or later).
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

try:
    import tomllib
except ImportError as e:
    print(f"SKIPPED: {e}")
    sys.exit(77)

roll, source = sys.argv[1], pathlib.Path(sys.argv[2])
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"))
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def agree(path, label):
    """tomllib reads the file, and roll's plan of it has the same name, title and step count."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        fail(f"{label}: tomllib: {e}")
        return
    run = subprocess.run([roll, "show", str(path), "--json"], env=env, capture_output=True,
                         text=True)
    if run.returncode != 0:
        fail(f"{label}: roll show: {run.stderr}")
        return
    plan = json.loads(run.stdout)
    for key in ("name", "title"):
        if doc.get(key) != plan.get(key):
            fail(f"{label}: {key} is {doc.get(key)!r} to tomllib, {plan.get(key)!r} to roll")
    if len(doc.get("step", [])) != len(plan.get("steps", [])):
        fail(f"{label}: {len(doc.get('step', []))} steps to tomllib, "
             f"{len(plan.get('steps', []))} to roll")


def roll_run(*args):
    run = subprocess.run([roll, *args], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"roll {' '.join(args)}: exit {run.returncode}: {run.stderr}")
    return run


files = 0
bundled = sorted((source / "routines").glob("*.toml"))
for path in bundled:
    agree(path, f"bundled {path.name}")
    files += 1

mine = tmp / "config" / "roll" / "routines"
roll_run("new", "evening")
agree(mine / "evening.toml", "roll new evening")
files += 1
for path in bundled:
    name = "copy-" + path.stem
    roll_run("new", name, "--from", path.stem)
    agree(mine / f"{name}.toml", f"roll new {name} --from {path.stem}")
    files += 1

# --fix caps an intensity and appends a movement step.
fixable = tmp / "fixable.toml"
fixable.write_text('schema = 1\nname = "fixable"\ntitle = "Fixable"\n[[step]]\nname = "Lats"\n'
                   'zone = "lats"\nseconds = 120\nintensity = 9\n')
subprocess.run([roll, "lint", "--fix", str(fixable)], env=env, capture_output=True)
if "intensity = 9" in fixable.read_text():
    fail("roll lint --fix did not fix the test routine, so it tested nothing")
agree(fixable, "roll lint --fix")
files += 1

print(f"toml: {files} files read alike by tomllib and roll")
sys.exit(1 if failures else 0)

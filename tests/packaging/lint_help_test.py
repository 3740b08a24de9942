#!/usr/bin/python3
"""What `roll lint` suggests is something roll then accepts, whatever the file is called.

For routine files with odd names (spaces, quotes, backslashes, dots, accents, emoji, control
characters, a leading digit or dash, upper case) holding a `name` that is valid, invalid or the
file's own name: every `key = value` line a help text suggests parses with Python's tomllib, and
following the help for `name` (write the suggested line, or rename the file as told) ends, in at
most two steps, with roll saying nothing about the name: never a suggestion whose result is an
error whose help says the opposite.

Usage: lint_help_test.py ROLL_BINARY. Needs Python 3.11's tomllib.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

roll = sys.argv[1]
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           XDG_CACHE_HOME=str(tmp / "cache"))
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


def toml_string(text):
    """`text` as a TOML basic string."""
    out = '"'
    for c in text:
        if c in '"\\':
            out += "\\" + c
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out += f"\\u{ord(c):04X}"
        else:
            out += c
    return out + '"'


BODY = '''title = "Odd"
[[step]]
name = "Across the mid-back"
zone = "thoracic"
seconds = 30
[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
'''


def lint(path):
    r = subprocess.run([roll, "lint", "--format", "json", str(path)], env=env,
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        fail(f"{path.name!r}: roll lint exit {r.returncode}: {r.stderr[-400:]}")
        return []
    return json.loads(r.stdout)["diagnostics"]


SUGGESTED = re.compile(r"`([a-z_]+ = [^`]+)`")
RENAME = re.compile(r"rename the file to (.+?\.toml)(?: or |$)")

def follow(stem, text, label, depth=0):
    """Lint `text` as `stem`.toml; then follow each way the help for `name` offers (the line to
    write, the file name to take), each on its own copy."""
    global runs
    runs += 1
    folder = tmp / f"run-{runs}"
    folder.mkdir()
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    diagnostics = lint(path)
    for d in diagnostics:
        for line in SUGGESTED.findall(d["help"]):
            try:
                tomllib.loads(line)
            except tomllib.TOMLDecodeError as e:
                fail(f"{label}: the help suggests {line!r}, which is not TOML ({e})")
    about_name = [d for d in diagnostics if d.get("line") == 2]
    if not about_name:
        return
    if depth == 2:
        fail(f"{label}: still told about its name after following the help twice: "
             f"{about_name[0]['message']!r}, help {about_name[0]['help']!r}")
        return
    ways = 0
    for d in about_name:
        rename = RENAME.search(d["help"])
        if rename:
            ways += 1
            follow(rename.group(1)[:-len(".toml")], text,
                   f"{label}, renamed to {rename.group(1)!r}", depth + 1)
        for line in SUGGESTED.findall(d["help"]):
            if not line.startswith("name = "):
                continue
            try:
                tomllib.loads(line)
            except tomllib.TOMLDecodeError:
                continue  # failed above
            ways += 1
            lines = text.split("\n")
            lines[1] = line
            follow(stem, "\n".join(lines), f"{label}, then {line!r}", depth + 1)
    if ways == 0:
        fail(f"{label}: told about its name with no line to write and no file name: "
             f"{about_name[0]}")


stems = ["My Evening", 'quo"te', "back\\slash", "café", "1st", "a.b", "tab\there",
         "new\nline", "bell\x07", "-dash", "UPPER", ".hidden", "ok-name", "💥", "it's",
         "trailing ", "日本語", "x" * 120]
runs = cases = 0
for stem in stems:
    for name in (stem, "my-evening", "My Evening", "quo\"te"):
        cases += 1
        follow(stem, f"schema = 1\nname = {toml_string(name)}\n" + BODY,
               f"file {stem + '.toml'!r} with name {name!r}")

print(f"lint help: {cases} odd file names and names, {runs} lints; every suggested line is "
      f"TOML, and following the help either way ends with nothing said about the name")
sys.exit(1 if failures else 0)

#!/usr/bin/python3
"""`roll handout` and the gallery of poses read by real readers. roll writes the hand-out of every
bundled routine, and of a long routine made here (twelve steps with long cues); what each page
must say, every step's dose and cue, comes from `roll show --json` of the same routine:
  html5lib  each page parses without a single error under html5lib's strict parser (Debian's
            python3-html5lib), holds no script and one inline SVG per step, each with its pose as
            its title and the pose's words as its description, and its text holds each step's
            dose and cue; every SVG of the gallery (docs/poses) parses as XML (Python's
            ElementTree) in the SVG namespace, with a title and a description;
  pdf       headless Chromium prints each page to PDF on A4 in at most two pages (poppler's
            pdfinfo counts them; the bundled routines of up to five steps in one), and the PDF's
            text (poppler's pdftotext) holds each step's dose and cue;
  nu        the Nu Html Checker (vnu.jar, the W3C's validator) finds no error and no warning in
            any page. It is looked for as $ROLL_VNU_JAR, `vnu` on the PATH, or where
            `npm install --prefix SOURCE_DIR/.cache/npm vnu-jar` puts it, and needs java.
Each exits 77 (skipped) when its reader is absent.

Usage: handout_test.py html5lib|pdf|nu ROLL_BINARY SOURCE_DIR.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

mode, roll, source = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           ROLL_NOW="2026-11-23T21:00:00Z", TZ=roll_test.test_time_zone())
env.pop("NO_COLOR", None)


def skip(why):
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"SKIPPED: {why}")
    sys.exit(77)


def fail(why):
    print(f"FAIL: {why}", file=sys.stderr)
    sys.exit(1)


if mode == "html5lib":
    try:
        import html5lib
    except ImportError:
        skip("python3-html5lib is not installed")
elif mode == "pdf":
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        skip("chromium is not installed")
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        skip("poppler-utils (pdfinfo, pdftotext) is not installed")
elif mode == "nu":
    jar = next((c for c in (os.environ.get("ROLL_VNU_JAR"),
                            str(source / ".cache" / "npm" / "node_modules" / "vnu-jar" / "build" /
                                "dist" / "vnu.jar")) if c and pathlib.Path(c).is_file()), None)
    vnu = [shutil.which("vnu")] if shutil.which("vnu") else None
    if not vnu and jar:
        if not shutil.which("java"):
            skip("java is not installed (the Nu Html Checker is a Java program)")
        vnu = [shutil.which("java"), "-jar", jar]
    if not vnu:
        skip("the Nu Html Checker is not installed "
             "(npm install --prefix SOURCE_DIR/.cache/npm vnu-jar)")
else:
    fail(f"unknown mode {mode}")

# A long routine of twelve steps, each cue about 320 characters: the most a page is set for.
long_dir = tmp / "long"
long_dir.mkdir()
steps = []
kinds = [("hold", "thoracic", "breaths = 3\npositions = 4"), ("roll", "lats", "reps = 12\nside = \"both\""),
         ("hold", "glutes", "seconds = 60\nside = \"both\""), ("movement", "full-body", "seconds = 60")]
for i in range(12):
    kind, zone, dose = kinds[i % 4]
    cue = ("Lie back slowly and let the breath out; keep the hands behind the head, supporting it, "
           "never pulling on the neck. Stay relaxed and move with control, through a range that "
           "does not hurt. If anything is sharp or shooting, stop and come off the roller. "
           f"Step {i + 1} of twelve, said at length so that the page has to hold a long cue.")
    steps.append(f'[[step]]\nname = "Step {i + 1}"\nkind = "{kind}"\nzone = "{zone}"\n{dose}\n'
                 f'intensity = 5\ncue = "{cue}"\n' if kind != "movement" else
                 f'[[step]]\nname = "Step {i + 1}"\nkind = "{kind}"\nzone = "{zone}"\n{dose}\n'
                 f'cue = "{cue}"\n')
(long_dir / "long.toml").write_text(
    'schema = 1\nname = "long"\ntitle = "A long routine"\nlevel = "intermediate"\n'
    'roller = "medium"\n\n' + "\n".join(steps))

def run(args):
    return subprocess.run([roll, *args], env=env, capture_output=True, text=True)


def one_line(text):
    return " ".join(text.split())


pages = {}
out = tmp / "out"
out.mkdir()
routines = sorted((source / "routines").glob("*.toml")) + [long_dir / "long.toml"]
for routine in routines:
    html = out / f"{routine.stem}.html"
    r = run(["handout", str(routine), "-o", str(html)])
    if r.returncode != 0:
        fail(f"roll handout {routine.name}: exit {r.returncode}: {r.stderr}")
    if not r.stdout.startswith(f"Wrote {html} (the hand-out of {routine.stem}: "):
        fail(f"roll handout {routine.name} said: {r.stdout!r}")
    shown = run(["show", str(routine), "--json"])
    if shown.returncode != 0:
        fail(f"roll show {routine.name} --json: exit {shown.returncode}: {shown.stderr}")
    steps = json.loads(shown.stdout)["steps"]
    pages[html] = [(one_line(step["dose"]), one_line(step["cue"]), step["pose"],
                    step["pose_description"]) for step in steps]
if len(pages) < 9:
    fail(f"{len(pages)} hand-outs, expected the 8 bundled routines and the long one")


def in_order(words, phrase):
    # A phrase wrapped in its box may come out with its neighbours' words in between (two
    # columns of steps): its words in order is enough. pdftotext joins a word broken after its
    # hyphen ("mid-" "back" is "midback"), so hyphens are left out on both sides.
    rest = iter(word.replace("-", "") for word in words)
    return all(word.replace("-", "") in rest for word in phrase.split())


if mode == "html5lib":
    ns = "{http://www.w3.org/1999/xhtml}"
    svg_ns = "{http://www.w3.org/2000/svg}"
    for page, expect in pages.items():
        parser = html5lib.HTMLParser(strict=True)
        try:
            document = parser.parse(page.read_bytes())
        except Exception as e:  # html5lib raises ParseError at the first error in strict mode
            fail(f"{page.name}: html5lib (strict): {e}; errors: {parser.errors[:5]}")
        if parser.errors:
            fail(f"{page.name}: html5lib: {parser.errors[:5]}")
        if document.find(f".//{ns}script") is not None:
            fail(f"{page.name}: the page holds a script element")
        svgs = document.findall(f".//{svg_ns}svg")
        if len(svgs) != len(expect):
            fail(f"{page.name}: {len(svgs)} figures for {len(expect)} steps")
        for svg, (_, _, pose, words) in zip(svgs, expect):
            if svg.findtext(f"{svg_ns}title") != pose or svg.findtext(f"{svg_ns}desc") != words:
                fail(f"{page.name}: a figure whose title and description are not its pose "
                     f"{pose!r} and its words")
        body = document.find(f"{ns}body")
        # The figures' words are for screen readers; the text a reader sees is the rest.
        for svg in svgs:
            for child in list(svg):
                svg.remove(child)
        text = " ".join("".join(body.itertext()).split())
        for dose, cue, _, _ in expect:
            if dose not in text:
                fail(f"{page.name}: the dose {dose!r} is not on the page")
            if cue and cue not in text:
                fail(f"{page.name}: the cue {cue!r} is not on the page")
    import xml.etree.ElementTree as ET
    gallery = sorted((source / "docs" / "poses").glob("*.svg"))
    if len(gallery) < 20:
        fail(f"{len(gallery)} SVGs in docs/poses")
    for svg in gallery:
        try:
            root = ET.parse(svg).getroot()
        except ET.ParseError as e:
            fail(f"{svg.name}: not XML: {e}")
        if root.tag != f"{svg_ns}svg":
            fail(f"{svg.name}: the root is {root.tag}, not an SVG element")
        if not (root.findtext(f"{svg_ns}title") and root.findtext(f"{svg_ns}desc")):
            fail(f"{svg.name}: no title or description")
    print(f"html5lib: {len(pages)} hand-outs parse without errors, one figure per step, every "
          f"dose and cue on the page; {len(gallery)} gallery SVGs parse as XML")
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0)

if mode == "nu":
    # One run for every page: the checker starts a Java VM, which takes seconds.
    try:
        c = subprocess.run([*vnu, "--format", "json", *map(str, pages)], capture_output=True,
                           text=True, timeout=300)
    except subprocess.TimeoutExpired:
        fail("the Nu Html Checker did not finish in 300 s")
    try:
        messages = json.loads(c.stderr or c.stdout)["messages"]
    except (ValueError, KeyError):
        fail(f"the Nu Html Checker said no JSON (exit {c.returncode}): {c.stderr[-800:]}")
    # Every message but a plain note is a finding: errors, and warnings ("info" with a subType).
    found = [m for m in messages if m.get("type") != "info" or m.get("subType")]
    if found:
        fail("the Nu Html Checker: " + "; ".join(
            f"{pathlib.Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}"
            for m in found[:8]))
    print(f"nu: {len(pages)} hand-outs without an error or a warning from the Nu Html Checker "
          f"({len(messages)} notes)")
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0)

# pdf
counts = []
for page, expect in pages.items():
    pdf = page.with_suffix(".pdf")
    try:
        c = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", f"--user-data-dir={tmp / 'chromium'}",
                            "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                           capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        fail(f"{page.name}: chromium did not finish in 180 s")
    if not pdf.exists():
        fail(f"{page.name}: no PDF; chromium exit {c.returncode}: {c.stderr[-800:]}")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    n = int(fields["Pages"])
    size = fields.get("Page size", "").strip()
    if "(A4)" not in size:
        fail(f"{page.name}: the pages are {size}, not A4")
    if n > 2:
        fail(f"{page.name}: {n} A4 pages, more than 2")
    if len(expect) <= 5 and n != 1:
        fail(f"{page.name}: {len(expect)} steps on {n} pages, not one")
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split()
    for dose, cue, _, _ in expect:
        for phrase in (dose, cue):
            if phrase and not in_order(words, phrase):
                fail(f"{page.name}: the PDF does not say {phrase!r}")
    counts.append(f"{page.stem} {n}")
print(f"pdf: {len(pages)} hand-outs on A4, at most two pages each ({', '.join(counts)}), every "
      f"dose and cue in the PDF's text")
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(0)

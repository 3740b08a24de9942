#!/usr/bin/python3
"""`roll report --html` read by real readers, on a seeded eight-week history:
  html5lib  the page parses without a single error under html5lib's strict parser (Debian's
            python3-html5lib);
  chromium  headless Chromium renders it to a PNG that exists, has the window's size and is not
            blank (many distinct rows and byte values; with python3-pil, many distinct colours).
  pdf       on twelve weeks of nightly sessions instead, headless Chromium prints it to PDF on
            A4: at most two pages (poppler's pdfinfo counts them), and the first page holds what a
            physiotherapist reads first (poppler's pdftotext reads it): the sessions done, the
            days with a completed session out of the days so far, the pain stops, the pressure
            readings above 7 and the before and after ratings.
  pdf-prescription  the same twelve weeks with the example prescription on top (added with `roll
            prescription add`), its adherence per week, and the pain and PSFS trends with their
            flags (four weekly answers from `roll psfs --rate`): still at most two A4 pages, and
            the first holds the prescription, the adherence and the trends as well.
Each exits 77 (skipped) when its reader is absent.

Usage: report_test.py html5lib|chromium|pdf|pdf-prescription ROLL_BINARY SEED_BINARY [PNG_OR_PDF_OUT].
"""
import os
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
import roll_test  # noqa: E402

mode, roll, seeder = sys.argv[1], sys.argv[2], sys.argv[3]
png_out = pathlib.Path(sys.argv[4]) if len(sys.argv) > 4 else None
tmp = pathlib.Path(tempfile.mkdtemp())
env = dict(os.environ, HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
           XDG_DATA_HOME=str(tmp / "data"), XDG_STATE_HOME=str(tmp / "state"),
           ROLL_NOW=roll_test.utc_of_local("2026-11-23T21:00"),
           TZ=roll_test.test_time_zone())


def skip(why):
    shutil.rmtree(tmp, ignore_errors=True)
    roll_test.skip(why)


def fail(why):
    print(f"FAIL: {why}", file=sys.stderr)
    sys.exit(1)


def seed_nightly():
    """Twelve weeks of nightly sessions up to the report's day, rated (the older scale and pain,
    some flagged), with pressure readings (some above 7), a partial now and then, and two pain
    stops."""
    import datetime
    lines = []
    first = datetime.date(2026, 9, 7)  # the Monday twelve weeks before the report's week
    for i in range(78):  # every night to Monday 2026-11-23, the report's day
        day = first + datetime.timedelta(days=i)
        status = "pain-stop" if i in (20, 61) else "partial" if i % 11 == 5 else "completed"
        seconds = 150 if status != "completed" else 300 + (i % 3) * 60
        name = ("bedtime", "thoracic", "lats")[i % 3]
        at = roll_test.utc_of_local(f"{day.isoformat()}T20:30")
        lines.append(f"{name} {at} {status} {seconds} "
                     f"thoracic={seconds // 2} lats={seconds // 4} "
                     f"glutes={seconds - seconds // 2 - seconds // 4} "
                     f"before={3 + i % 4} after={5 + i % 4} "
                     f"pain_before={2 + i % 3} pain_after={1 + i % 4} "
                     f"pressure=thoracic:{4 + i % 5} pressure=lats:{5 + i % 4} "
                     f"pressure=glutes:{3 + i % 3}")
    db = tmp / "data" / "roll" / "history.sqlite3"
    subprocess.run([seeder, str(db)], input="\n".join(lines) + "\n", text=True, check=True)


def seed():
    """Eight weeks of evenings with ratings, pressures, partials, a pain stop and a hostile name."""
    lines = []
    start = 0
    import datetime
    first = datetime.date(2026, 9, 29)
    for i in range(56):
        if i % 9 == 8:
            continue
        day = first + datetime.timedelta(days=i)
        status = "partial" if i % 7 == 3 else "pain-stop" if i == 40 else "completed"
        seconds = 120 if i % 7 == 3 else 300 + (i % 4) * 120
        name = "bedtime" if i % 2 else "thoracic"
        at = roll_test.utc_of_local(f"{day.isoformat()}T20:30")
        lines.append(f"{name} {at} {status} {seconds} "
                     f"thoracic={seconds // 2} lats={seconds // 4} "
                     f"glutes={seconds - seconds // 2 - seconds // 4} "
                     f"before={3 + i % 3} after={5 + i % 4} "
                     f"pressure=thoracic:{5 + i % 4} pressure=lats:{4 + i % 3}")
        start += 1
    lines.append("<script>alert(1)</script> 2026-11-22T08:00:00Z completed 300 thoracic=300")
    db = tmp / "data" / "roll" / "history.sqlite3"
    subprocess.run([seeder, str(db)], input="\n".join(lines) + "\n", text=True, check=True,
                   env=env)


if mode == "html5lib":
    try:
        import html5lib
    except ImportError:
        skip("python3-html5lib is not installed")
elif mode in ("chromium", "pdf", "pdf-prescription"):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        skip("chromium is not installed")
    if mode != "chromium" and not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        skip("poppler-utils (pdfinfo, pdftotext) is not installed")
else:
    fail(f"unknown mode {mode}")

if mode.startswith("pdf"):
    seed_nightly()
else:
    seed()
if mode == "pdf-prescription":
    example = pathlib.Path(__file__).resolve().parent.parent.parent / "docs" / "examples" / \
        "thoracic-4-weeks.prescription.toml"
    steps = [(roll_test.utc_of_local("2026-11-01T18:00"), ["prescription", "add", str(example)])]
    goals = ["Reaching up to a high shelf", "Sitting at my desk for an hour",
             "Turning to look over my shoulder when driving"]
    for day, scores in (("2026-10-26", (2, 3, 2)), ("2026-11-02", (3, 4, 2)),
                        ("2026-11-09", (4, 4, 3)), ("2026-11-16", (5, 6, 4)),
                        ("2026-11-23", (6, 6, 5))):
        rates = [arg for goal, score in zip(goals, scores) for arg in ("--rate", f"{goal}={score}")]
        steps.append((roll_test.utc_of_local(f"{day}T20:45"), ["psfs", *rates]))
    for now, args in steps:
        r = subprocess.run([roll, *args], env=dict(env, ROLL_NOW=now), capture_output=True,
                           text=True)
        if r.returncode != 0:
            fail(f"roll {' '.join(args[:2])}: exit {r.returncode}: {r.stderr}")
page = tmp / "report.html"
weeks = ["--weeks", "12"] if mode.startswith("pdf") else []
r = subprocess.run([roll, "report", "--html", str(page), *weeks], env=env, capture_output=True,
                   text=True)
if r.returncode != 0:
    fail(f"roll report: exit {r.returncode}: {r.stderr}")
html = page.read_bytes()

if mode == "html5lib":
    parser = html5lib.HTMLParser(strict=True)
    try:
        document = parser.parse(html)
    except Exception as e:  # html5lib raises ParseError at the first error in strict mode
        fail(f"html5lib (strict): {e}; errors: {parser.errors[:5]}")
    if parser.errors:
        fail(f"html5lib: {parser.errors[:5]}")
    ns = "{http://www.w3.org/1999/xhtml}"
    if document.find(f".//{ns}script") is not None:
        fail("the page holds a script element")
    svgs = document.findall(".//{http://www.w3.org/2000/svg}svg")
    if len(svgs) < 3:
        fail(f"{len(svgs)} inline SVG charts, expected the calendar, the zones and the trend")
    print(f"html5lib: {len(html)} bytes parse without errors, {len(svgs)} inline SVGs")
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0)

if mode.startswith("pdf"):
    pdf = tmp / "report.pdf"
    try:
        c = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", f"--user-data-dir={tmp / 'chromium'}",
                            "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                           capture_output=True, text=True, timeout=180, env=env)
    except subprocess.TimeoutExpired:
        fail("chromium did not finish in 180 s")
    if not pdf.exists():
        fail(f"no PDF; chromium exit {c.returncode}: {c.stderr[-800:]}")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields["Pages"])
    size = fields.get("Page size", "").strip()
    if "(A4)" not in size:  # pdfinfo names the paper size it recognises
        fail(f"the pages are {size}, not A4")
    if pages > 2:
        fail(f"twelve weeks print on {pages} A4 pages, more than 2")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = " ".join(first.split())

    def in_order(phrase):
        # pdftotext reads a row of boxes line by line across them, so a phrase wrapped in its
        # box comes out with the neighbours' words in between: its words in order is enough.
        rest = iter(words.split())
        return all(word in rest for word in phrase.split())

    # With a prescription on top, the older scale's chart ("Before and after") goes to the second
    # page; what the issue lists for the first stays: the prescription, adherence, the pain and
    # PSFS trends, the pain stops, pressures above 7 and the sessions with more pain after.
    first_page = ["sessions", "days with a completed session", "pain stops",
                  "pressure readings above 7", "before and after", "Pain stops",
                  "Pressure readings"]
    if mode == "pdf":
        first_page.append("Before and after")
    else:
        first_page += ["Prescription", "Four weeks of thoracic", "Adherence:",
                       "By week", "Since the first rating", "pain before sessions",
                       "PSFS", "a meaningful", "Pain before and after", "more pain after"]
    for wanted in first_page:
        if not in_order(wanted):
            fail(f"the first page does not say {wanted!r}:\n{words[:1500]}")
    # The figures themselves: 78 sessions over the 78 days so far, 2 of them pain stops.
    for figure in ("78 sessions", "of 78 days", "2 pain stops"):
        if figure not in words:
            fail(f"the first page does not say {figure!r}:\n{words[:1500]}")
    if png_out:
        shutil.copyfile(pdf, png_out)
    print(f"{mode}: twelve weeks on {pages} A4 page{'s' if pages != 1 else ''} ({size}); the first "
          f"holds the sessions, days, pain stops, pressures above 7 and the ratings")
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(0)

# chromium
shot = tmp / "report.png"
try:
    c = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={tmp / 'chromium'}", f"--screenshot={shot}",
                        "--window-size=1200,1600", page.as_uri()],
                       capture_output=True, text=True, timeout=180, env=env)
except subprocess.TimeoutExpired:
    fail("chromium did not finish in 180 s")
if not shot.exists():
    fail(f"no screenshot; chromium exit {c.returncode}: {c.stderr[-800:]}")
data = shot.read_bytes()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    fail("the screenshot is not a PNG")
width, height = struct.unpack(">II", data[16:24])
if (width, height) != (1200, 1600):
    fail(f"the screenshot is {width}x{height}, not 1200x1600")
# The image's rows, still filtered: a blank page is one row repeated and a handful of byte values.
idat, at = b"", 8
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    if kind == b"IDAT":
        idat += data[at + 8:at + 8 + length]
    at += 12 + length
raw = zlib.decompress(idat)
stride = len(raw) // height
rows = {raw[i * stride + 1:(i + 1) * stride] for i in range(height)}
values = len(set(raw))
if len(rows) < 200 or values < 64:
    fail(f"the screenshot looks blank: {len(rows)} distinct rows, {values} byte values")
colours = None
try:
    from PIL import Image
    with Image.open(shot) as im:
        colours = len(im.convert("RGB").getcolors(maxcolors=1 << 20) or [])
    if colours < 16:
        fail(f"the screenshot has {colours} colours")
except ImportError:
    pass
if png_out:
    shutil.copyfile(shot, png_out)
print(f"chromium: {width}x{height} PNG, {len(data)} bytes, {len(rows)} distinct rows, "
      f"{values} byte values" + (f", {colours} colours" if colours else ""))
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(0)

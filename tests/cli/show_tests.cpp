// `roll show`, in process: timing, JSON, bad routines, and routine files from anywhere (bad
// bytes, odd files, text that tries to take over the terminal): a clear error with a position and
// a non-zero exit, never a crash, and nothing from the file reaches the output raw.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::run_cli;
using roll::test::TempDir;

namespace {

const std::string& kUserRoutine = roll::test::kEveningRoutine;

const std::string& kValid = roll::test::kFineRoutine;

bool no_escape_bytes(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
  }
  return true;
}

// Exits 2 (input error), says where, and does not crash.
void expect_input_error(const roll::test::Result& r, const std::string& needle) {
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(needle) != std::string::npos);
  CHECK(no_escape_bytes(r.err));
}

}  // namespace

TEST_CASE("bytes that are not UTF-8 get a positioned error") {
  TempDir home;
  auto path = home.write("latin1.toml", "schema = 1\nname = \"caf\xe9\"\n");
  auto r = run_cli(home, {"show", path.string()});
  expect_input_error(r, "latin1.toml:2:");
}

TEST_CASE("a NUL byte gets a positioned error") {
  TempDir home;
  auto path = home.write("nul.toml", std::string("schema = 1\nname = \"a\0b\"\n", 22));
  auto r = run_cli(home, {"show", path.string()});
  expect_input_error(r, "nul.toml:2:");
}

TEST_CASE("a UTF-8 byte-order mark is accepted, as TOML allows") {
  TempDir home;
  auto path = home.write("bom.toml", "\xEF\xBB\xBF" + kValid);
  auto r = run_cli(home, {"show", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Fine") != std::string::npos);
}

TEST_CASE("an empty file reports the missing keys") {
  TempDir home;
  auto path = home.write("empty.toml", "");
  auto r = run_cli(home, {"show", path.string()});
  expect_input_error(r, "empty.toml:1:1:");
  CHECK(r.err.find("schema") != std::string::npos);
}

TEST_CASE("a binary file is refused without garbage on the terminal") {
  TempDir home;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 131) % 256));
  auto path = home.write("binary.toml", bytes);
  auto r = run_cli(home, {"show", path.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("binary.toml:") != std::string::npos);
  CHECK(no_escape_bytes(r.err));
}

TEST_CASE("a directory given as a routine file is an input error") {
  TempDir home;
  home.write("dir.toml/inside.txt", "x");
  auto r = run_cli(home, {"show", (home.path() / "dir.toml").string()});
  expect_input_error(r, "is a directory");
}

TEST_CASE("a file over the size cap is refused before it is parsed") {
  TempDir home;
  auto path = home.write("huge.toml", kValid + "# " + std::string(1024 * 1024, 'x') + "\n");
  auto r = run_cli(home, {"show", path.string()});
  expect_input_error(r, "limited to");
}

TEST_CASE("deep nesting and long dotted keys are stopped before the parser") {
  TempDir home;
  auto deep = home.write("deep.toml", "a = " + std::string(100000, '['));
  expect_input_error(run_cli(home, {"show", deep.string()}), "deep.toml:1:");
  std::string dotted;
  for (int i = 0; i < 10000; ++i) dotted += "a.";
  auto keys = home.write("dotted.toml", dotted + "b = 1\n");
  expect_input_error(run_cli(home, {"show", keys.string()}), "dotted.toml:1:");
}

TEST_CASE("titles and cues that try to drive the terminal are shown as harmless text") {
  TempDir home;
  // Clear screen, set the window title, write the clipboard (OSC 52), DCS, C1 CSI, reverse text.
  auto path = home.write("evil.toml", R"(schema = 1
name = "evil"
title = "\u001b[2J\u001b]0;pwned\u0007 title"
summary = "\u001b]52;c;cm0gLXJmIH4=\u0007 clip \u001bP1$qm\u001b\\ dcs \u009b31m c1"

[[step]]
name = "\u202eesrever"
zone = "mid-back"
seconds = 30
cue = "line\rover\u0008write \u2066isolate\u2069 \u007f"

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
)");
  auto r = run_cli(home, {"show", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(no_escape_bytes(r.out));
  CHECK(r.out.find("\xE2\x80\xAE") == std::string::npos);  // U+202E
  CHECK(r.out.find("\xC2\x9B") == std::string::npos);      // C1 CSI
  CHECK(r.out.find("title") != std::string::npos);
  CHECK(r.out.find("esrever") != std::string::npos);

  // JSON keeps the original text, properly escaped.
  auto json = run_cli(home, {"show", path.string(), "--json"});
  CHECK(json.exit_code == 0);
  CHECK(no_escape_bytes(json.out));
  CHECK(json.out.find("\\u001B[2J") != std::string::npos);
}

TEST_CASE("with NO_COLOR or a pipe, no escape sequence is ever written") {
  TempDir home;
  auto r = roll::test::run_roll(home, {{"list"}, {{"NO_COLOR", "1"}}, {}});
  CHECK(r.exit_code == 0);
  CHECK(no_escape_bytes(r.out));
  auto bad = home.write("bad.toml", "schema = 2\n");
  auto e = roll::test::run_roll(home, {{"show", bad.string()}, {{"NO_COLOR", "1"}}, {}});
  CHECK(e.exit_code == 2);
  CHECK(no_escape_bytes(e.err));
}

TEST_CASE("roll show prints every step with zone, timing and the total") {
  TempDir home;
  auto path = home.write("evening.toml", kUserRoutine);
  auto r = run_cli(home, {"show", path.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Mid-back hold") != std::string::npos);
  CHECK(r.out.find("thoracic") != std::string::npos);  // the alias, resolved
  CHECK(r.out.find("1 min at each of 2 positions = 2:00") != std::string::npos);
  // 180 s of work + 5 s before each step + 3 s between the two positions
  CHECK(r.out.find("Total 3:13") != std::string::npos);
}

TEST_CASE("roll show --json has name, title, total_seconds and steps with their timing") {
  TempDir home;
  auto path = home.write("evening.toml", kUserRoutine);
  auto r = run_cli(home, {"show", path.string(), "--json"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"total_seconds\" : 193") != std::string::npos);
  CHECK(r.out.find("\"work_seconds\" : 180") != std::string::npos);
  CHECK(r.out.find("\"seconds\" : 120") != std::string::npos);
  CHECK(r.out.find("\"zone\" : \"thoracic\"") != std::string::npos);
  CHECK(r.out.find("\"kind\" : \"movement\"") != std::string::npos);
}

TEST_CASE("roll show thoracic works on the bundled routine, text and JSON") {
  TempDir home;
  auto text = run_cli(home, {"show", "thoracic"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Total ") != std::string::npos);
  auto json = run_cli(home, {"show", "thoracic", "--json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"steps\"") != std::string::npos);
}

TEST_CASE("an unknown routine exits 2 and suggests the nearest name") {
  TempDir home;
  auto r = run_cli(home, {"show", "thorasic"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean `thoracic`?") != std::string::npos);
}

TEST_CASE("a bad routine reports every error with file:line:col and exits 2") {
  TempDir home;
  auto path = home.write("bad.toml", R"(schema = 1
name = "bad"
title = "Bad"

[[step]]
name = "Lower back"
zone = "lower bak"
seconds = "thirty"

[[step]]
name = "Typo"
zone = "glutes"
secnds = 30
)");
  auto r = run_cli(home, {"show", path.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(path.string() + ":7:8: error[unknown-zone]") != std::string::npos);
  CHECK(r.err.find(path.string() + ":8:11: error[schema]") != std::string::npos);
  CHECK(r.err.find(path.string() + ":13:1: error[schema]") != std::string::npos);
}

TEST_CASE("every bundled routine loads without a single diagnostic and cites an article") {
  TempDir home;
  for (const auto& entry :
       std::filesystem::directory_iterator(roll::test::source_path("routines"))) {
    if (entry.path().extension() != ".toml") continue;
    CAPTURE(entry.path());
    auto r = run_cli(home, {"show", entry.path().string(), "--json"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("article") != std::string::npos);
  }
}

namespace {

bool has_byte_above_7f(const std::string& text) {
  for (unsigned char c : text) {
    if (c > 0x7f) return true;
  }
  return false;
}

// U+2800-U+28FF: E2 A0-A3 xx.
bool has_braille(const std::string& text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xE2 &&
        (static_cast<unsigned char>(text[i + 1]) & 0xFC) == 0xA0) {
      return true;
    }
  }
  return false;
}

roll::test::Result show(const TempDir& home, std::vector<std::string> args,
                        const std::string& locale) {
  return roll::test::run_roll(home, {std::move(args), {{"LC_ALL", locale}}, ""});
}

}  // namespace

TEST_CASE("roll show draws each step's figure: braille on UTF-8, ASCII elsewhere, every byte") {
  TempDir home;
  auto utf8 = show(home, {"show", "thoracic"}, "C.UTF-8");
  REQUIRE(utf8.exit_code == 0);
  CHECK(has_braille(utf8.out));
  CHECK(utf8.out.find(" \xC2\xB7 ") != std::string::npos);  // the separators
  auto ascii = show(home, {"show", "thoracic"}, "C");
  REQUIRE(ascii.exit_code == 0);
  CHECK_FALSE(has_byte_above_7f(ascii.out));
  CHECK_FALSE(has_byte_above_7f(ascii.err));
  CHECK(ascii.out.find("intermediate - medium roller - release") != std::string::npos);
  for (const auto* out : {&utf8.out, &ascii.out}) {
    // Each step's pose under its figure, the cue beside it.
    for (const char* pose : {"thoracic-extension", "rib-roll", "lat-release", "glute-figure-four",
                             "thread-the-needle", "cat-cow"}) {
      CAPTURE(pose);
      CHECK(out->find(std::string("    ") + pose) != std::string::npos);
    }
    CHECK(out->find("Roller across your back at the base") != std::string::npos);
    // A listing still: within 76 columns, figures and cues alike.
    for (const auto& line : roll::test::lines_of(*out)) {
      CAPTURE(line);
      std::size_t columns = 0;
      for (unsigned char c : line) columns += (c & 0xC0) != 0x80 ? 1 : 0;
      CHECK(columns <= 78);
    }
  }
  // The same words either way: only the drawing and the separators differ.
  CHECK(ascii.out.find("Total 14:39") != std::string::npos);
}

TEST_CASE("LC_ALL=C roll show: every line ASCII, the routine's own text included") {
  TempDir home;
  auto path = home.write("accents.toml", R"(schema = 1
name = "accents"
title = "Caf\u00e9 \u2014 mid-back"
[[step]]
name = "Extension \u00b7 one"
zone = "thoracic"
seconds = 30
positions = 4
move = "up"
cue = "Lean back \u2026 breathe \u201cout\u201d."
[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 180
)");
  auto r = show(home, {"show", path.string()}, "C");
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(has_byte_above_7f(r.out));
  CHECK(r.out.find("Caf? - mid-back") != std::string::npos);
  CHECK(r.out.find("Lean back ... breathe \"out\".") != std::string::npos);
  auto none = show(home, {"show", path.string(), "--no-figures"}, "C");
  CHECK_FALSE(has_byte_above_7f(none.out));
  // The help too: the session's key list is separated by middle dots on UTF-8.
  auto help = show(home, {"session", "--help"}, "C");
  CHECK(help.exit_code == 0);
  CHECK_FALSE(has_byte_above_7f(help.out));
  CHECK(help.out.find("space pause/resume - n next step") != std::string::npos);
}

TEST_CASE("roll show --no-figures leaves the figures out and keeps the rest") {
  TempDir home;
  auto with = show(home, {"show", "upper-back"}, "C.UTF-8");
  auto without = show(home, {"show", "upper-back", "--no-figures"}, "C.UTF-8");
  REQUIRE(with.exit_code == 0);
  REQUIRE(without.exit_code == 0);
  CHECK(has_braille(with.out));
  CHECK_FALSE(has_braille(without.out));
  CHECK(with.out.find("    kneeling-lat-roll") != std::string::npos);
  // The drawing's words instead, for a screen reader.
  CHECK(without.out.find("    Figure (kneeling-lat-roll): Kneeling,") != std::string::npos);
  CHECK(with.out.find("Figure (") == std::string::npos);
  for (const char* kept :
       {"Lat rolls", "12 reps of 5 s", "Kneel with the roller at your side", "Total "}) {
    CAPTURE(kept);
    CHECK(without.out.find(kept) != std::string::npos);
  }
  CHECK(roll::test::lines_of(without.out).size() < roll::test::lines_of(with.out).size());
}

TEST_CASE("roll show --json gives each step's pose, its words and its dose") {
  TempDir home;
  auto r = run_cli(home, {"show", "beginner", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"pose\" : \"lie-across\"") != std::string::npos);
  CHECK(r.out.find("\"pose_description\" : \"Lying back across the roller at the mid-back") !=
        std::string::npos);
  CHECK(r.out.find("\"dose\" : \"25 s at each of 5 spots, one inch apart, going up; 2 min 5 s in "
                   "all\"") != std::string::npos);
  // A step naming a pose this roll does not draw: the figure drawn is the default one.
  auto path = home.write("later.toml", R"(schema = 1
name = "later"
title = "From a later roll"
[[step]]
name = "Hold"
zone = "thoracic"
seconds = 30
pose = "hover-board"
)");
  auto later = run_cli(home, {"show", path.string(), "--json"});
  REQUIRE(later.exit_code == 0);
  CHECK(later.out.find("\"pose\" : \"thoracic-extension\"") != std::string::npos);
}

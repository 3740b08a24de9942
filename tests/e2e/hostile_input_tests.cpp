// Routine files from anywhere, through the built binary: bad bytes, odd files and text that tries
// to take over the terminal. Each gets a clear error with a position and a non-zero exit, never a
// crash; nothing from the file reaches the output raw.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "run_roll.hpp"

using roll::test::run_cli;
using roll::test::TempDir;

namespace {

const std::string kValid = R"(schema = 1
name = "ok"
title = "Fine"

[[step]]
name = "Mid-back hold"
zone = "mid-back"
seconds = 30

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
)";

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

// ---- Issue 17, item 3: every byte that reaches a terminal passes the one sanitizer. ----

namespace {

bool has_raw_escape(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

void seed_history(const TempDir& home, const std::string& lines) {
  auto input = home.write("seed.txt", lines);
  auto db = home.path() / "data" / "roll" / "history.sqlite3";
  std::string cmd = "'" ROLL_SEED_BINARY "' '" + db.string() + "' < '" + input.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

constexpr const char* kOsc52 = "\x1b]52;c;ZXZpbA==\x07";

}  // namespace

TEST_CASE(
    "history --csv and --json show a hostile title harmlessly on a terminal, exactly in a pipe") {
  TempDir home;
  seed_history(home, std::string("evil") + kOsc52 + " 2026-11-23T10:00:00Z completed 60\n");
  for (const char* format : {"--csv", "--json"}) {
    CAPTURE(format);
    auto tty = roll::test::run_roll_on_terminal(home, {{"history", format}, {}, {}});
    CHECK(tty.exit_code == 0);
    CHECK_FALSE(has_raw_escape(tty.out));
    CHECK(tty.out.find("52;c;ZXZpbA==") != std::string::npos);  // shown, not obeyed
  }
  auto piped = run_cli(home, {"history", "--csv"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find(kOsc52) != std::string::npos);  // data kept exact for the program reading it
  CHECK(piped.out.find("\r\n") != std::string::npos);
}

TEST_CASE("a routine file named with an escape sequence is suggested harmlessly") {
  TempDir home;
  home.write(
      "config/roll/routines/evening\x1b"
      "c.toml",
      kValid);
  auto r = run_cli(home, {"session", "evening"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean") != std::string::npos);
  CHECK_FALSE(has_raw_escape(r.err));
  auto tty = roll::test::run_roll_on_terminal(home, {{"show", "evening"}, {}, {}});
  CHECK(tty.exit_code == 2);
  CHECK_FALSE(has_raw_escape(tty.out));
}

TEST_CASE("--format github names a hostile file harmlessly") {
  TempDir home;
  home.write("dir/bad\x1b]0;pwned\x07.toml", "schema = 2\n");
  auto r = run_cli(home, {"lint", "--format", "github", (home.path() / "dir").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=") != std::string::npos);
  CHECK_FALSE(has_raw_escape(r.out));
}

TEST_CASE("option values echoed in errors, CLI11's own included, are shown harmlessly") {
  TempDir home;
  const std::string evil = "\x1b[2J\x1b]0;pwned\x07";
  for (std::vector<std::string> args : {std::vector<std::string>{"history", "--since", evil},
                                        {"lint", "--format", evil},
                                        {"injury", "clear", evil},
                                        {"session", "--speed", evil, "x"},
                                        {"completion", evil},
                                        {"list", "--color", evil},
                                        {"lint", evil}}) {
    CAPTURE(args[0]);
    CAPTURE(args.size());
    auto r = run_cli(home, args);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(has_raw_escape(r.err));
    CHECK_FALSE(has_raw_escape(r.out));
    CHECK((r.err + r.out).find("\\x1b") != std::string::npos);  // shown, not obeyed
  }
}

// ---- Issue 17, item 4: names and paths that go into a generated routine cannot add lines. ----

TEST_CASE("roll new --from a path holding newlines writes no line of its own into the routine") {
  TempDir home;
  auto source = home.write("x\nlevel = \"advanced\"\n#.toml", kValid);
  auto r = run_cli(home, {"new", "mine", "--from", source.string()});
  REQUIRE(r.exit_code == 0);
  std::ifstream in(home.path() / "config/roll/routines/mine.toml", std::ios::binary);
  std::string line;
  while (std::getline(in, line)) CHECK_FALSE(line.starts_with("level"));
  auto lint = run_cli(home, {"lint", "mine"});  // a second `level` would be an error
  CHECK(lint.exit_code == 0);
  CHECK(lint.out.find("advanced") == std::string::npos);
}

// Hostile text on a real pseudo-terminal, through the built binary (issue 17, item 3): every byte
// that reaches a terminal passes the one sanitizer, while a pipe gets the data exactly. The rest
// of the hostile input runs in process: tests/cli/show_tests.cpp, lint_tests.cpp, app_tests.cpp,
// new_tests.cpp.
#include <doctest/doctest.h>

#include <string>

#include "run_roll.hpp"
#include "sample_routines.hpp"

using roll::test::has_raw_escape;
using roll::test::run_cli;
using roll::test::seed_history;
using roll::test::TempDir;

namespace {

const std::string& kValid = roll::test::kFineRoutine;
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

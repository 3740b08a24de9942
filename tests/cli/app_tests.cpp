// What every command does the same way, through cli::run (src/cli/app.cpp and the conventions):
// usage errors and their words, numbers out of range, --color, examples in every --help, and
// option values echoed harmlessly.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::has_raw_escape;
using roll::test::run_cli;
using roll::test::run_roll;
using roll::test::TempDir;

namespace {

bool has_escape(const std::string& text) {
  return text.find('\x1b') != std::string::npos;
}

}  // namespace

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

TEST_CASE("usage errors exit 2, --version and --help exit 0") {
  TempDir home;
  CHECK(run_cli(home, {"frobnicate"}).exit_code == 2);
  CHECK(run_cli(home, {"show"}).exit_code == 2);
  // Bare `roll` is the today view (issue 18): exit 0, not a usage error.
  CHECK(run_cli(home, {}).exit_code == 0);
  auto version = run_cli(home, {"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("roll ") != std::string::npos);
  auto help = run_cli(home, {"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Examples:") != std::string::npos);
  auto show_help = run_cli(home, {"show", "--help"});
  CHECK(show_help.exit_code == 0);
  CHECK(show_help.out.find("roll show thoracic") != std::string::npos);
}

TEST_CASE("a misspelt command is named, with the nearest command, exit 2") {
  TempDir home;
  auto r = run_cli(home, {"lis"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("roll: unknown command 'lis'; did you mean 'roll list'?") != std::string::npos);
  r = run_cli(home, {"stat", "--json"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean 'roll stats'?") != std::string::npos);
  // Nothing close: the list of commands instead.
  r = run_cli(home, {"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("roll: unknown command 'frobnicate'") != std::string::npos);
  CHECK(r.err.find("roll --help") != std::string::npos);
  // A misspelt option: the house style and the nearest option, not CLI11's own words.
  r = run_cli(home, {"list", "--jsn"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "roll: unknown option '--jsn' for 'roll list'; did you mean '--json'?\n");
  r = run_cli(home, {"injury", "add", "neck", "--hors-ago", "3"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("roll: unknown option '--hors-ago' for 'roll injury add'; did you mean "
                   "'--hours-ago'?") != std::string::npos);
  r = run_cli(home, {"list", "--frobnicate-everything"});
  CHECK(r.err.find("roll: unknown option '--frobnicate-everything' for 'roll list'; run `roll "
                   "list --help`") != std::string::npos);
  CHECK(r.err.find("The following argument") == std::string::npos);
  // A rule's word finds the rule.
  r = run_cli(home, {"explain", "lumbar"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean `no-lumbar`?") != std::string::npos);
  // Words after an option are its values, not commands.
  CHECK(run_cli(home, {"--color", "never", "list"}).exit_code == 0);
}

TEST_CASE("a did-you-mean names only an option the command takes, never the one it refused") {
  TempDir home;
  // --json is roll's own (the today view), not roll completion's.
  auto r = run_cli(home, {"completion", "--json"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "roll: unknown option '--json' for 'roll completion'; run `roll completion "
        "--help` for the options\n");
  // A parent's option is refused below it too, so it is not offered there.
  r = run_cli(home, {"history", "delete", "x", "--limit", "3"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean") == std::string::npos);
  r = run_cli(home, {"history", "add", "bedtime", "--at", "2026-11-23T07:00", "--jsn"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("did you mean '--json'") == std::string::npos);
  // The command's own options are still offered, --color included.
  r = run_cli(home, {"due", "--quite"});
  CHECK(r.err == "roll: unknown option '--quite' for 'roll due'; did you mean '--quiet'?\n");
  r = run_cli(home, {"due", "--colour", "never"});
  CHECK(r.err.find("did you mean '--color'?") != std::string::npos);
}

TEST_CASE("a number out of range names its bounds as a person writes them") {
  TempDir home;
  auto r = run_cli(home, {"history", "--limit", "-3"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--limit: -3 is not 0 or more") != std::string::npos);
  r = run_cli(home, {"session", "thoracic", "--speed", "0"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--speed: 0 is not between 0.01 and 1000") != std::string::npos);
  r = run_cli(home, {"stats", "--weeks", "600"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--weeks: 600 is not between 1 and 520") != std::string::npos);
  r = run_cli(home, {"injury", "add", "lumbar", "--hours-ago", "-1"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--hours-ago: -1 is not 0 or more") != std::string::npos);
  r = run_cli(home, {"stats", "--weeks", "many"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--weeks: \"many\" is not a number") != std::string::npos);
}

TEST_CASE("--color: always and never win, NO_COLOR beats CLICOLOR_FORCE, auto is off in a pipe") {
  TempDir home;
  CHECK_FALSE(has_escape(run_cli(home, {"show", "thoracic"}).out));
  CHECK(has_escape(run_cli(home, {"show", "thoracic", "--color", "always"}).out));
  CHECK(has_escape(run_cli(home, {"--color=always", "show", "thoracic"}).out));
  CHECK_FALSE(has_escape(run_cli(home, {"show", "thoracic", "--color", "never"}).out));
  CHECK(has_escape(run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "1"}}, {}}).out));
  CHECK_FALSE(
      has_escape(run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "0"}}, {}}).out));
  CHECK_FALSE(has_escape(
      run_roll(home, {{"show", "thoracic"}, {{"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "1"}}, {}})
          .out));
  CHECK(has_escape(
      run_roll(home, {{"show", "thoracic", "--color", "always"}, {{"NO_COLOR", "1"}}, {}}).out));
  CHECK_FALSE(has_escape(
      run_roll(home, {{"show", "thoracic", "--color", "never"}, {{"CLICOLOR_FORCE", "1"}}, {}})
          .out));
  auto bad = run_cli(home, {"list", "--color", "sometimes"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("every command's --help has examples") {
  TempDir home;
  auto top = run_cli(home, {"--help"});
  REQUIRE(top.exit_code == 0);
  CHECK(top.out.find("Examples:") != std::string::npos);
  // The command names, from the generated completion (which walks the command tree).
  auto script = run_cli(home, {"completion", "bash"}).out;
  auto at = script.find("    '') echo '");
  REQUIRE(at != std::string::npos);
  at += std::string("    '') echo '").size();
  std::istringstream names(script.substr(at, script.find('\'', at) - at));
  std::string name;
  int seen = 0;
  while (names >> name) {
    CAPTURE(name);
    auto r = run_cli(home, {name, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Examples:") != std::string::npos);
    ++seen;
  }
  CHECK(seen >= 4);
}

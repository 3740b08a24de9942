// `roll list` and `roll show` through the built binary, with XDG_* in a temporary directory.
#include <doctest/doctest.h>

#include <filesystem>

#include "run_roll.hpp"

using roll::test::run_cli;
using roll::test::TempDir;

namespace {

const char* kUserRoutine = R"(schema = 1
name = "evening"
title = "My evening routine"

[[step]]
name = "Mid-back hold"
zone = "mid-back"
seconds = 60
positions = 2

[[step]]
name = "Cat-cow"
kind = "movement"
zone = "full-body"
seconds = 60
)";

}  // namespace

TEST_CASE("roll list shows the eight bundled routines") {
  TempDir home;
  auto r = run_cli(home, {"list"});
  CHECK(r.exit_code == 0);
  for (const char* name : {"thoracic", "upper-back", "mid-back-extension", "lats", "glutes",
                           "bedtime", "beginner", "warm-up"}) {
    CAPTURE(name);
    CHECK(r.out.find(std::string("\n") + name + " ") != std::string::npos);
  }
  CHECK(r.out.find("bundled") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);  // not a terminal: no escape sequences
}

TEST_CASE("roll list --json lists routines with name, title, total_seconds, zones and origin") {
  TempDir home;
  auto r = run_cli(home, {"list", "--json"});
  CHECK(r.exit_code == 0);
  REQUIRE(r.out.starts_with("{"));
  CHECK(r.out.find("\"version\" : 1") != std::string::npos);
  CHECK(r.out.find("\"routines\" : [") != std::string::npos);
  CHECK(r.out.find("\"lint_errors\" : 0") != std::string::npos);
  for (const char* key :
       {"\"name\"", "\"title\"", "\"total_seconds\"", "\"zones\"", "\"origin\""}) {
    CAPTURE(key);
    CHECK(r.out.find(key) != std::string::npos);
  }
  CHECK(r.out.find("\"thoracic\"") != std::string::npos);
}

TEST_CASE("roll list fits titles to the width it is given and marks routines that fail lint") {
  TempDir home;
  std::string title(90, 't');
  home.write("config/roll/routines/long.toml",
             "schema = 1\nname = \"long\"\ntitle = \"" + title +
                 "\"\n[[step]]\nname = \"S\"\nzone = \"lats\"\nseconds = 120\n"
                 "[[step]]\nname = \"M\"\nkind = \"movement\"\nzone = \"full-body\"\n"
                 "seconds = 60\n");
  // Loads, but presses 9/10: `roll session` would refuse it.
  home.write("config/roll/routines/hard.toml",
             "schema = 1\nname = \"hard\"\ntitle = \"Hard\"\n[[step]]\nname = \"S\"\n"
             "zone = \"lats\"\nseconds = 120\nintensity = 9\n");
  using roll::test::run_roll;
  auto wide = run_roll(home, {{"list"}, {{"COLUMNS", "250"}}, ""});
  CHECK(wide.exit_code == 0);
  CHECK(wide.out.find(title + "  ") != std::string::npos);  // whole, not cut at 40
  auto narrow = run_roll(home, {{"list"}, {{"COLUMNS", "100"}}, ""});
  CHECK(narrow.out.find(title) == std::string::npos);
  CHECK(narrow.out.find(std::string(12, 't')) != std::string::npos);
  CHECK(narrow.out.find("t~") != std::string::npos);
  auto hard = narrow.out.find("\nhard ");
  REQUIRE(hard != std::string::npos);
  auto line = narrow.out.substr(hard + 1, narrow.out.find('\n', hard + 1) - hard - 1);
  CHECK(line.find("fails lint: run `roll lint hard`") != std::string::npos);
  CHECK(wide.out.find("fails lint: run `roll lint thoracic`") == std::string::npos);
  auto json = run_cli(home, {"list", "--json"});
  CHECK(json.out.find("\"lint_errors\" : 1") != std::string::npos);
}

TEST_CASE("a user routine appears in the list, and wins over a bundled one of the same name") {
  TempDir home;
  home.write("config/roll/routines/evening.toml", kUserRoutine);
  std::string shadow = kUserRoutine;
  shadow.replace(shadow.find("evening"), 7, "thoracic");
  home.write("config/roll/routines/thoracic.toml", shadow);
  auto r = run_cli(home, {"list"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("My evening routine") != std::string::npos);
  auto show = run_cli(home, {"show", "thoracic"});
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("My evening routine") != std::string::npos);
  CHECK(show.out.find("user") != std::string::npos);
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

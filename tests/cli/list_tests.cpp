// `roll list`, in process, with XDG_* in a temporary directory.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::has;
using roll::test::run_cli;
using roll::test::TempDir;

namespace {

const std::string& kUserRoutine = roll::test::kEveningRoutine;

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

TEST_CASE("roll list --no-cache is still accepted, changes nothing and says it will go") {
  TempDir home;
  home.write("config/roll/routines/evening.toml", kUserRoutine);
  auto plain = run_cli(home, {"list", "--json"});
  auto r = run_cli(home, {"list", "--json", "--no-cache"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == plain.out);
  CHECK(r.err == "roll: --no-cache does nothing now (roll keeps no cache) and will be removed\n");
  CHECK(has(run_cli(home, {"list", "--help"}).out, "Deprecated"));
  CHECK_FALSE(std::filesystem::exists(home.path() / "cache"));
}

TEST_CASE("a routine that fails lint is listed as failing on every run") {
  TempDir home;
  home.write("config/roll/routines/hard.toml",
             "schema = 1\nname = \"hard\"\ntitle = \"Hard\"\n[[step]]\nname = \"S\"\n"
             "zone = \"lats\"\nseconds = 120\nintensity = 9\n");
  for (int run = 0; run < 2; ++run) {
    CAPTURE(run);
    CHECK(has(run_cli(home, {"list"}).out, "fails lint: run `roll lint hard`"));
  }
}

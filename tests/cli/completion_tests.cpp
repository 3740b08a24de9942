// `roll completion`, in process.
#include <doctest/doctest.h>

#include "run_in_process.hpp"

using roll::test::run_cli;
using roll::test::TempDir;

TEST_CASE("roll completion prints the three scripts and the names they look up") {
  TempDir home;
  home.write("config/roll/routines/evening.toml", "schema = 1\n");
  home.write("config/roll/routines/has space.toml", "schema = 1\n");
  auto routines = run_cli(home, {"completion", "--routines"});
  CHECK(routines.exit_code == 0);
  CHECK(routines.out.find("thoracic\n") != std::string::npos);
  CHECK(routines.out.find("evening\n") != std::string::npos);
  CHECK(routines.out.find("space") == std::string::npos);

  auto rules = run_cli(home, {"completion", "--rules"});
  CHECK(rules.out.find("no-lumbar\n") != std::string::npos);
  for (const char* rule : {"pressure-zone\n", "name-zone\n", "beginner-length\n"}) {
    CHECK(rules.out.find(rule) != std::string::npos);
  }

  CHECK(run_cli(home, {"completion", "bash"}).out.find("complete -F _roll roll") !=
        std::string::npos);
  CHECK(run_cli(home, {"completion", "zsh"}).out.starts_with("#compdef roll"));
  CHECK(run_cli(home, {"completion", "fish"}).out.find("complete -c roll") != std::string::npos);
  CHECK(run_cli(home, {"completion", "tcsh"}).exit_code == 2);
  CHECK(run_cli(home, {"completion"}).exit_code == 2);
}

// `roll new`, in process: the commented template, --from, names, and paths that cannot add lines.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fixtures.hpp"
#include "run_in_process.hpp"
#include "sample_routines.hpp"

using roll::test::run_cli;
using roll::test::slurp;
using roll::test::TempDir;

namespace {

const std::string& kValid = roll::test::kFineRoutine;

}  // namespace

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

TEST_CASE("roll new writes a commented routine that loads cleanly, and never overwrites") {
  TempDir home;
  auto r = run_cli(home, {"new", "evening"});
  CHECK(r.exit_code == 0);
  auto path = home.path() / "config/roll/routines/evening.toml";
  REQUIRE(std::filesystem::exists(path));
  std::string text = slurp(path);
  // This binary runs from a build tree, whose path would go stale in the user's file: no
  // `#:schema` line (install_test.sh checks the installed binary writes one).
  CHECK(text.find("#:schema") == std::string::npos);
  CHECK(text.find(ROLL_SOURCE_DIR) == std::string::npos);
  CHECK(text.find("name = \"evening\"") != std::string::npos);
  // Each step names its figure.
  CHECK(text.find("pose = \"thoracic-extension\"") != std::string::npos);
  CHECK(text.find("pose = \"cat-cow\"") != std::string::npos);

  auto shown = run_cli(home, {"show", "evening"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.err == "");  // no warnings either
  CHECK(shown.out.find("(evening, user)") != std::string::npos);

  // The safety linter must accept it as written (once `roll lint` is part of the build).
  if (run_cli(home, {"lint", "--help"}).out.find("Usage: roll lint") != std::string::npos) {
    auto lint = run_cli(home, {"lint", "--strict", "evening"});
    CAPTURE(lint.out);
    CAPTURE(lint.err);
    CHECK(lint.exit_code == 0);
  }

  home.write("config/roll/routines/evening.toml", "# mine\n");
  auto again = run_cli(home, {"new", "evening"});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already exists") != std::string::npos);
  CHECK(slurp(path) == "# mine\n");
}

TEST_CASE("roll new --from copies a routine under the new name") {
  TempDir home;
  auto r = run_cli(home, {"new", "my-thoracic", "--from", "thoracic"});
  CHECK(r.exit_code == 0);
  std::string text = slurp(home.path() / "config/roll/routines/my-thoracic.toml");
  CHECK(text.find("name = \"my-thoracic\"") != std::string::npos);
  CHECK(text.find("name = \"thoracic\"") == std::string::npos);
  CHECK(text.find("#:schema ./") == std::string::npos);  // relative to the bundled folder
  auto shown = run_cli(home, {"show", "my-thoracic"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.err == "");
  CHECK(shown.out.find("(my-thoracic, user)") != std::string::npos);

  CHECK(run_cli(home, {"new", "x", "--from", "no-such-routine"}).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(home.path() / "config/roll/routines/x.toml"));
}

TEST_CASE("roll new --from gives the copy a title of its own, and roll list tells them apart") {
  TempDir home;
  auto r = run_cli(home, {"new", "evening", "--from", "bedtime"});
  REQUIRE(r.exit_code == 0);
  std::string text = slurp(home.path() / "config/roll/routines/evening.toml");
  CHECK(text.find("title = \"Evening\"") != std::string::npos);
  CHECK(text.find("Before bed, every night\"") == std::string::npos);
  auto list = run_cli(home, {"list"});
  REQUIRE(list.exit_code == 0);
  int titled = 0;
  for (std::size_t at = 0; (at = list.out.find("Before bed, every night", at)) != std::string::npos;
       ++at) {
    ++titled;
  }
  CHECK(titled == 1);
  CHECK(list.out.find("Evening") != std::string::npos);
}

TEST_CASE("roll new refuses a name that is not a routine name") {
  TempDir home;
  for (const char* name : {"Evening", "my routine", "-x", "../escape", "a_b"}) {
    CAPTURE(name);
    CHECK(run_cli(home, {"new", name}).exit_code == 2);
  }
  CHECK_FALSE(std::filesystem::exists(home.path() / "config/roll/routines"));
}

TEST_CASE("roll new's template says which way to move and what the articles leave to the user") {
  TempDir home;
  REQUIRE(run_cli(home, {"new", "evening"}).exit_code == 0);
  std::string text = slurp(home.path() / "config/roll/routines/evening.toml");
  CHECK(text.find("move = \"up\"") != std::string::npos);
  CHECK(text.find("base of the rib cage") != std::string::npos);
  CHECK(text.find("not the goal") != std::string::npos);  // pops are gas (first)
  CHECK(text.find("in its gap") != std::string::npos);    // the peanut (first)
  CHECK(text.find("6-inch") != std::string::npos);        // the upper back (second)
  CHECK(text.find("10-15 minutes 1-4 times a\n# day") != std::string::npos);  // the second's dose
  CHECK(text.find("five minutes of slow work every night") != std::string::npos);  // the first's
  CHECK(text.find("hot and") != std::string::npos);         // adjuncts (second)
  CHECK(text.find("never the cues") != std::string::npos);  // what the linter reads
  CHECK(run_cli(home, {"lint", "--strict", "evening"}).exit_code == 0);
}

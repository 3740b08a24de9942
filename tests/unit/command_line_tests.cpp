// A command line as data (src/cli/command_line.cpp): names as the user writes them, the field an
// option fills, and the builder's details. app.cpp's use of it is tested through cli::run
// (tests/cli/app_tests.cpp); the completion scripts through the shells (tests/packaging).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.hpp"

using roll::cli::CommandSpec;
using roll::cli::Completion;
using roll::cli::OptionSpec;

TEST_CASE("an option's names are read as the user writes them, in either order") {
  CommandSpec roll;
  bool quiet = false, yes = false;
  std::string routine;
  std::vector<std::string> paths;
  roll.flag("-q,--quiet", quiet, "Print nothing");
  roll.flag("--yes,-y", yes, "Yes");
  roll.option("routine", routine, "A routine");
  roll.option("path", paths, "Paths");
  roll.flag("--no-cache", "Does nothing");
  std::vector<const OptionSpec*> o;
  for (const auto& spec : roll.options) o.push_back(&spec);
  REQUIRE(o.size() == 5);
  CHECK(o[0]->long_name == "quiet");
  CHECK(o[0]->short_name == "q");
  CHECK(o[0]->name() == "--quiet");
  CHECK(o[1]->long_name == "yes");
  CHECK(o[1]->short_name == "y");
  CHECK(o[2]->positional);
  CHECK(o[2]->name() == "routine");
  CHECK(std::get<std::string*>(o[2]->target) == &routine);
  CHECK(std::get<std::vector<std::string>*>(o[3]->target) == &paths);
  // A flag takes no value; a positional or an option with a field other than bool does.
  CHECK(o[0]->is_flag());
  CHECK(o[4]->is_flag());
  CHECK_FALSE(o[2]->is_flag());
  CHECK_FALSE(o[3]->is_flag());
}

TEST_CASE("the builder sets each detail, and a subcommand is found by name") {
  CommandSpec roll;
  auto& stats = roll.command("stats", "Streaks");
  int weeks = 12;
  std::optional<int> minutes;
  bool given = false;
  stats.option("--weeks", weeks, "How many weeks")
      .show_default()
      .between(1, 520)
      .value_name("N")
      .excludes("--all")
      .needs("--json")
      .completes(Completion::file)
      .given(given)
      .deprecated("going")
      .hidden()
      .required();
  stats.option("--minutes", minutes, "Minutes").zero_or_more().choices({"1", "2"});
  REQUIRE(roll.find("stats") == &stats);
  CHECK(roll.find("stat") == nullptr);
  const OptionSpec& w = stats.options.front();
  CHECK(w.show_default);
  REQUIRE(w.range);
  CHECK(w.range->min == 1);
  CHECK(w.range->max == 520);
  CHECK(w.value_name == "N");
  CHECK(w.excludes == std::vector<std::string>{"--all"});
  CHECK(w.needs == std::vector<std::string>{"--json"});
  CHECK(w.completion == Completion::file);
  CHECK(w.given == &given);
  CHECK(w.deprecation == "going");
  CHECK(w.hidden);
  CHECK(w.required);
  const OptionSpec& m = stats.options.back();
  REQUIRE(m.range);
  CHECK(m.range->min == 0);
  CHECK_FALSE(m.range->max);
  CHECK(m.choices == std::vector<std::string>{"1", "2"});
  CHECK(std::get<std::optional<int>*>(m.target) == &minutes);
}

#include <doctest/doctest.h>

#include <string>

#include "roll/load.hpp"
#include "roll/profile.hpp"

using namespace roll;

TEST_CASE(
    "profile diagnostics are capped like a routine's: 100 shown, then one line for the rest") {
  std::string profile;
  std::string routine = "schema = 1\n";
  for (int i = 0; i < 150; ++i) {
    profile += "bad_key_" + std::to_string(i) + " = 1\n";
    routine += "bad_key_" + std::to_string(i) + " = 1\n";
  }
  auto p = load_profile(profile, "config.toml");
  auto r = load_routine(routine, "r.toml");
  CHECK_FALSE(p.profile);
  REQUIRE(p.diagnostics.size() == 101);
  REQUIRE(r.diagnostics.size() == 101);
  CHECK(p.diagnostics.back().message == "50 more problems not shown");
  CHECK(p.diagnostics.back().message.find("more problems not shown") != std::string::npos);
  CHECK(p.diagnostics.back().file == "config.toml");
}

TEST_CASE("profile: valid, cleared, and every problem at its line:col") {
  auto ok = load_profile(
      "level = \"beginner\"\nroller = \"soft\"\nday_start = \"05:00\"\nspeech = \"espeak-ng\"\n"
      "[conditions]\nosteoporosis = true\nrecent_surgery = \"cleared\"\nmuscle-guarding = false\n",
      "config.toml");
  REQUIRE(ok.profile);
  CHECK(ok.profile->day_start_hour == 5);
  CHECK(ok.profile->speech == "espeak-ng");
  REQUIRE(ok.profile->conditions.size() == 2);
  CHECK(ok.profile->blocking() == std::vector<Condition>{Condition::osteoporosis});

  auto bad = load_profile(
      "levle = \"beginner\"\nday_start = \"25:00\"\n[conditions]\nosteoperosis = true\n"
      "recent-trauma = \"yes\"\n",
      "config.toml");
  CHECK_FALSE(bad.profile);
  REQUIRE(bad.diagnostics.size() == 4);
  CHECK(bad.diagnostics[0].where.line == 1);
  CHECK(bad.diagnostics[0].where.column == 1);
  CHECK(bad.diagnostics[0].help == "did you mean `level`?");
  CHECK(bad.diagnostics[1].where.line == 2);
  CHECK(bad.diagnostics[1].where.column == 13);
  CHECK(bad.diagnostics[2].where.line == 4);
  CHECK(bad.diagnostics[2].help == "did you mean `osteoporosis`?");
  CHECK(bad.diagnostics[3].where.line == 5);
  CHECK(bad.diagnostics[3].where.column == 17);

  auto syntax = load_profile("level = \n", "config.toml");
  REQUIRE(syntax.diagnostics.size() == 1);
  CHECK(syntax.diagnostics[0].where.line == 1);
  CHECK(syntax.diagnostics[0].rule == "syntax");
}

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

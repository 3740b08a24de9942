// The inputs in tests/fuzz/regressions/ (crashers found by the fuzzers and pathological files)
// through the same pipeline as tests/fuzz/fuzz_routine.cpp, in the ordinary test suite.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "roll/lint.hpp"
#include "roll/load.hpp"
#include "roll/plan.hpp"
#include "roll/text.hpp"

TEST_CASE("every fuzz regression input ends in diagnostics or a valid plan, and sanitizes clean") {
  const auto dir = std::filesystem::path(ROLL_SOURCE_DIR) / "tests/fuzz/regressions";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().filename().string());
    auto loaded = roll::load_routine(text, entry.path().filename().string());
    CHECK(loaded.routine.has_value() == !roll::has_errors(loaded.diagnostics));
    if (loaded.routine) {
      (void)roll::lint_routine(*loaded.routine, "regression.toml");
      auto plan = roll::make_plan(*loaded.routine);
      CHECK(roll::moment_at(plan, plan.total).finished);
      for (const auto& step : loaded.routine->steps) {
        for (unsigned char c : roll::sanitize(step.name)) CHECK(c >= 0x20);
      }
      for (unsigned char c : roll::sanitize(loaded.routine->title)) CHECK(c >= 0x20);
    } else {
      for (const auto& d : loaded.diagnostics) {
        if (d.rule != "io") CHECK(d.where.known());
      }
    }
    ++seen;
  }
  CHECK(seen >= 4);
}

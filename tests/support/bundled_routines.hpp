#pragma once
// The bundled routines as the repository holds them, each loaded, for the unit tests that compose
// or choose from them (a test fails if one does not load).
#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "fixtures.hpp"
#include "roll/load.hpp"

namespace roll::test {

inline std::vector<Routine> bundled_routines() {
  std::vector<Routine> out;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(ROLL_SOURCE_DIR) / "routines")) {
    if (entry.path().extension() != ".toml") continue;
    auto loaded = load_routine(slurp(entry.path()), entry.path().string());
    REQUIRE(loaded.routine);
    out.push_back(*loaded.routine);
  }
  return out;
}

}  // namespace roll::test

#pragma once
// Small things many tests need: a file's bytes and a temporary history database. Header-only,
// so the unit and the end-to-end tests can both include it.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace roll::test {

// The whole file, byte for byte; empty when it cannot be read.
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh directory under $TMPDIR with a history database path in it (not created), removed with
// everything in it when the object dies.
struct TempDb {
  std::filesystem::path dir;
  std::filesystem::path file;
  explicit TempDb(const char* prefix = "roll-db") {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    file = dir / "roll" / "history.sqlite3";
  }
  ~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
};

}  // namespace roll::test

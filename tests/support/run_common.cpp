#include "run_common.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "test_zone.hpp"

#ifndef ROLL_SOURCE_DIR
#define ROLL_SOURCE_DIR "."
#endif
#ifndef ROLL_SEED_BINARY
#define ROLL_SEED_BINARY "roll_seed_history"
#endif

extern char** environ;

namespace roll::test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/roll-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& relative, const std::string& text) const {
  auto full = path_ / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << text;
  return full;
}

std::map<std::string, std::string> isolated_variables(
    const std::filesystem::path& home, const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    std::string key = entry.substr(0, eq);
    if (key.starts_with("XDG_") || key == "NO_COLOR" || key == "HOME" || key == "CLICOLOR_FORCE")
      continue;
    env[key] = entry.substr(eq + 1);
  }
  env["HOME"] = home.string();
  env["XDG_CONFIG_HOME"] = (home / "config").string();
  env["XDG_DATA_HOME"] = (home / "data").string();
  env["XDG_STATE_HOME"] = (home / "state").string();
  env["XDG_CACHE_HOME"] = (home / "cache").string();
  env["TZ"] = test_time_zone();
  for (const auto& [k, v] : extra) env[k] = v;
  return env;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(ROLL_SOURCE_DIR) / relative;
}

void seed_history(const TempDir& home, const std::string& lines, const std::string& tz) {
  auto input = home.write("seed.txt", lines);
  auto db = home.path() / "data" / "roll" / "history.sqlite3";
  std::string cmd = "TZ='" + (tz.empty() ? test_time_zone() : tz) + "' '" +
                    std::string(ROLL_SEED_BINARY) + "' '" + db.string() + "' < '" + input.string() +
                    "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

}  // namespace roll::test

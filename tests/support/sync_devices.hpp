#pragma once
// Devices for the sync tests, in process (tests/cli) or as child processes (tests/e2e): each
// with its own XDG directories under home/<name>, all at one fixed "now".
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_common.hpp"

namespace roll::test {

struct Device {
  const TempDir& home;
  std::string name;
  [[nodiscard]] std::map<std::string, std::string> env() const {
    auto base = home.path() / name;
    return {{"XDG_DATA_HOME", (base / "data").string()},
            {"XDG_STATE_HOME", (base / "state").string()},
            {"XDG_CONFIG_HOME", (base / "config").string()},
            {"ROLL_NOW", "2026-11-23T21:00:00Z"}};
  }
  [[nodiscard]] Result roll(std::vector<std::string> args) const {
    return run_roll(home, {std::move(args), env(), ""});
  }
  // The same device at another "now" (an ISO 8601 time, as ROLL_NOW takes it).
  [[nodiscard]] Result roll_at(const std::string& now, std::vector<std::string> args) const {
    auto e = env();
    e["ROLL_NOW"] = now;
    return run_roll(home, {std::move(args), e, ""});
  }
  [[nodiscard]] std::string id() const {
    auto text = slurp(home.path() / name / "state" / "roll" / "device-id");
    return text.substr(0, text.find('\n'));
  }
};

// home/shared, made.
inline std::string sync_dir(const TempDir& home) {
  auto dir = home.path() / "shared";
  std::filesystem::create_directories(dir);
  return dir.string();
}

// Three sessions logged by hand and an injury.
inline void some_history(const Device& d) {
  REQUIRE(d.roll({"history", "add", "bedtime", "--at", "2026-11-20 21:30"}).exit_code == 0);
  REQUIRE(d.roll({"history", "add", "thoracic", "--at", "2026-11-21 07:15", "--minutes", "1"})
              .exit_code == 0);
  REQUIRE(d.roll({"history", "add", "bedtime", "--at", "2026-11-22 21:30"}).exit_code == 0);
  REQUIRE(d.roll({"injury", "add", "lower-back"}).exit_code == 0);
}

}  // namespace roll::test

#pragma once
// What both ways of running roll in a test share: a temporary home, a run's arguments, variables
// and input, and what came back. run_roll.hpp runs the built binary as a child process;
// run_in_process.hpp calls cli::run inside the test. Each of their libraries defines run_roll.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roll::test {

// A fresh directory under $TMPDIR, removed (with everything in it) when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `text` to path()/relative (creating directories) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

struct Result {
  int exit_code = -1;  // 128 + signal if killed
  std::string out;
  std::string err;
};

struct Run {
  std::vector<std::string> args;
  std::map<std::string, std::string> env;  // added to (or replacing) the isolated environment
  std::string input;                       // fed to stdin
};

// The variables a run sees: the test process's, without XDG_*, HOME, NO_COLOR and
// CLICOLOR_FORCE, with HOME and XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_STATE_HOME /
// XDG_CACHE_HOME under `home`, TZ the suite's zone (ROLL_TEST_TZ, default UTC: test_zone.hpp),
// then `extra`.
[[nodiscard]] std::map<std::string, std::string> isolated_variables(
    const std::filesystem::path& home, const std::map<std::string, std::string>& extra = {});

// roll with the variables above, stdin from `run.input`, and stdout and stderr captured (neither
// a terminal): as a child process or in process, by the library linked.
[[nodiscard]] Result run_roll(const TempDir& home, const Run& run);

// Shorthand: run_roll(home, {{args...}}).
[[nodiscard]] inline Result run_cli(const TempDir& home, std::vector<std::string> args) {
  return run_roll(home, Run{std::move(args), {}, {}});
}

// run_roll at a fixed "now" (ROLL_NOW), with `env` added, and no input.
[[nodiscard]] inline Result roll_at(const TempDir& home, const std::string& now,
                                    std::vector<std::string> args,
                                    std::map<std::string, std::string> env = {}) {
  env["ROLL_NOW"] = now;
  return run_roll(home, Run{std::move(args), std::move(env), ""});
}

// The suites' usual "now": a Monday evening.
inline constexpr const char* kNow = "2026-11-23T21:00:00Z";
// The same evening as local time in the run's zone: for tests of roll days and times of day, so
// that they mean the same in every zone the suite runs in (ROLL_TEST_TZ).
inline constexpr const char* kLocalNow = "2026-11-23T21:00:00";

// roll_at kNow.
[[nodiscard]] inline Result roll_now(const TempDir& home, std::vector<std::string> args,
                                     std::map<std::string, std::string> env = {}) {
  return roll_at(home, kNow, std::move(args), std::move(env));
}

[[nodiscard]] inline bool has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The lines of `text`, without their newlines.
[[nodiscard]] std::vector<std::string> lines_of(const std::string& text);

// Path of a file in the source tree (ROLL_SOURCE_DIR).
[[nodiscard]] std::filesystem::path source_path(const std::string& relative);

// Writes sessions into home's history database through the real store (roll_seed_history; one
// line per session, as that tool's header says), with the UTC offsets of `tz` (empty: the
// suite's zone, as roll's runs have).
void seed_history(const TempDir& home, const std::string& lines, const std::string& tz = "");

}  // namespace roll::test

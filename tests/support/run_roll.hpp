#pragma once
// Runs the built `roll` binary as a user would, with its own XDG_* directories under a temporary
// directory, and captures what it printed and how it exited. Used by every end-to-end test.
#include <filesystem>
#include <map>
#include <string>
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

// The binary under test (ROLL_BINARY) with HOME and XDG_CONFIG_HOME / XDG_DATA_HOME /
// XDG_STATE_HOME / XDG_CACHE_HOME under `home`, NO_COLOR unset and TZ=UTC unless `run.env` says
// otherwise. stdin, stdout and stderr are not terminals.
[[nodiscard]] Result run_roll(const TempDir& home, const Run& run);

// Like run_roll, but stdout and stderr are one pseudo-terminal (so `out` holds both, with the
// terminal's "\r\n" line ends) and stdin is empty: what a person at a terminal would see.
[[nodiscard]] Result run_roll_on_terminal(const TempDir& home, const Run& run);

// Shorthand: run_roll(home, {{args...}}).
[[nodiscard]] Result run_cli(const TempDir& home, std::vector<std::string> args);

// Path of a file in the source tree (ROLL_SOURCE_DIR).
[[nodiscard]] std::filesystem::path source_path(const std::string& relative);

}  // namespace roll::test

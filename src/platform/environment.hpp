#pragma once
// What roll reads from the process environment, read once at start-up and then passed around, so
// that tests can point every path at a temporary directory through XDG_* variables.
#include <filesystem>

namespace roll::platform {

struct Environment {
  std::filesystem::path config_home;  // $XDG_CONFIG_HOME or ~/.config
  std::filesystem::path data_home;    // $XDG_DATA_HOME or ~/.local/share
  std::filesystem::path state_home;   // $XDG_STATE_HOME or ~/.local/state
  std::filesystem::path exe_dir;      // directory of the running binary
  bool no_color = false;              // NO_COLOR set (to anything non-empty)
  bool clicolor_force = false;        // CLICOLOR_FORCE set to anything but "" or "0"
  bool stdout_is_terminal = false;
  bool stdin_is_terminal = false;
  int columns = 0;  // $COLUMNS, else the width of the terminal on stdout; 0 when neither says

  // <config>/roll/routines: user routines, which win over bundled ones.
  [[nodiscard]] std::filesystem::path user_routines_dir() const;
  // <exe_dir>/../share/roll/routines: the same relative path in the build tree and after install.
  [[nodiscard]] std::filesystem::path bundled_routines_dir() const;
  // <data>/roll: the history database.
  [[nodiscard]] std::filesystem::path data_dir() const;

  [[nodiscard]] static Environment from_process();
};

}  // namespace roll::platform

#pragma once
// What roll reads from the process environment, read once at start-up and then passed around, so
// that tests can point every path at a temporary directory through XDG_* variables.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roll::platform {

// What the process says about its streams, besides its variables: asked of the real descriptors by
// from_process, given by a test that runs commands in process.
struct TerminalFacts {
  bool stdout_is_terminal = false;
  bool input_is_terminal = false;
  int stdout_columns = 0;  // the width of the terminal on stdout; 0 when not a terminal
};

// A variable's value, or nullptr when it is unset (std::getenv's contract).
using VariableLookup = std::function<const char*(const char*)>;

struct Environment {
  std::filesystem::path config_home;  // $XDG_CONFIG_HOME or ~/.config
  std::filesystem::path data_home;    // $XDG_DATA_HOME or ~/.local/share
  std::filesystem::path state_home;   // $XDG_STATE_HOME or ~/.local/state
  std::filesystem::path exe_dir;      // directory of the running binary
  bool no_color = false;              // NO_COLOR set (to anything non-empty)
  bool clicolor_force = false;        // CLICOLOR_FORCE set to anything but "" or "0"
  bool stdout_is_terminal = false;
  bool input_is_terminal = false;
  int columns = 0;  // $COLUMNS, else the width of the terminal on stdout; 0 when neither says
  // $TERM names a terminal that takes escape sequences (not "dumb", not empty, known to terminfo
  // or one of the ANSI families); when false the session falls back to plain lines.
  bool terminal_can_draw = false;
  bool utf8 = false;  // the locale (LC_ALL, else LC_CTYPE, else LANG) is UTF-8
  // $PATH, for the one program roll looks up (the voice's speech program); unset is not empty:
  // find_program then searches /usr/bin:/bin as execvp does.
  std::optional<std::string> path;

  // <config>/roll/routines: user routines, which win over bundled ones.
  [[nodiscard]] std::filesystem::path user_routines_dir() const;
  // <exe_dir>/../share/roll/routines: the same relative path in the build tree and after install.
  [[nodiscard]] std::filesystem::path bundled_routines_dir() const;
  // <data>/roll: the history database.
  [[nodiscard]] std::filesystem::path data_dir() const;

  // Everything above from the variables `lookup` gives and the terminal facts; no other input, so
  // a test builds exactly what main builds, from a map instead of the process.
  [[nodiscard]] static Environment from_variables(const VariableLookup& lookup,
                                                  const TerminalFacts& facts,
                                                  std::filesystem::path exe_dir);
  // from_variables over getenv, isatty and the terminal's size, with the running binary's
  // directory (/proc/self/exe).
  [[nodiscard]] static Environment from_process();
};

// LC_ALL wins over LC_CTYPE, which wins over LANG (the first set and non-empty); a locale is UTF-8
// when its codeset says so ("en_US.UTF-8", "C.utf8"). Unset, "C" and "POSIX" are not.
[[nodiscard]] bool locale_is_utf8(const char* lc_all, const char* lc_ctype, const char* lang);

// Whether `term` takes escape sequences: not empty or "dumb", and either found in one of the
// terminfo directories (<dir>/<first letter>/<name>, or the hex spelling of that letter) or a
// member of a family every such terminal speaks ANSI in (xterm, screen, tmux, vt100, linux, ...).
[[nodiscard]] bool terminal_can_draw(std::string_view term,
                                     const std::vector<std::filesystem::path>& terminfo_dirs);

}  // namespace roll::platform

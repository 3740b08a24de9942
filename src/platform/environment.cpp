#include "platform/environment.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace roll::platform {

namespace {

std::filesystem::path env_path(const VariableLookup& lookup, const char* name) {
  const char* value = lookup(name);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (value == nullptr || *value == '\0' || value[0] != '/') return {};
  return value;
}

std::filesystem::path xdg(const VariableLookup& lookup, const char* name,
                          const std::filesystem::path& fallback_under_home) {
  if (auto p = env_path(lookup, name); !p.empty()) return p;
  std::filesystem::path home = env_path(lookup, "HOME");
  if (home.empty()) home = "/tmp";
  return home / fallback_under_home;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::filesystem::current_path(ec);
  return exe.parent_path();
}

std::vector<std::filesystem::path> terminfo_dirs(const VariableLookup& lookup) {
  // ncurses' search order: $TERMINFO, ~/.terminfo, $TERMINFO_DIRS, then the system directories.
  std::vector<std::filesystem::path> dirs;
  if (const char* t = lookup("TERMINFO"); t && *t) dirs.emplace_back(t);
  if (auto home = env_path(lookup, "HOME"); !home.empty()) dirs.push_back(home / ".terminfo");
  if (const char* list = lookup("TERMINFO_DIRS"); list && *list) {
    std::string_view rest(list);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      auto dir = rest.substr(0, colon);
      if (!dir.empty()) dirs.emplace_back(std::string(dir));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const char* d : {"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"})
    dirs.emplace_back(d);
  return dirs;
}

}  // namespace

bool locale_is_utf8(const char* lc_all, const char* lc_ctype, const char* lang) {
  const char* chosen = nullptr;
  for (const char* v : {lc_all, lc_ctype, lang}) {
    if (v != nullptr && *v != '\0') {
      chosen = v;
      break;
    }
  }
  if (chosen == nullptr) return false;
  std::string lower;
  for (const char* p = chosen; *p; ++p) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != '-') lower += c;
  }
  return lower.find("utf8") != std::string::npos;
}

bool terminal_can_draw(std::string_view term,
                       const std::vector<std::filesystem::path>& terminfo_dirs) {
  if (term.empty() || term == "dumb" || term.find('/') != std::string_view::npos) return false;
  // roll only uses the few sequences every one of these has (cursor home, erase, the alternate
  // screen, SGR), so a missing terminfo entry for one of them is no reason to fall back.
  for (std::string_view family :
       {"xterm", "screen", "tmux", "vt100", "vt102", "vt220", "linux", "rxvt", "alacritty", "foot",
        "kitty", "wezterm", "konsole", "gnome", "st-", "putty", "iterm", "ansi"}) {
    if (term.starts_with(family)) return true;
  }
  std::string name(term);
  std::error_code ec;
  for (const auto& dir : terminfo_dirs) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(name[0]));
    if (std::filesystem::exists(dir / name.substr(0, 1) / name, ec) ||
        std::filesystem::exists(dir / hex / name, ec)) {
      return true;
    }
  }
  return false;
}

std::filesystem::path Environment::user_routines_dir() const {
  return config_home / "roll" / "routines";
}

std::filesystem::path Environment::bundled_routines_dir() const {
  return (exe_dir / ".." / "share" / "roll" / "routines").lexically_normal();
}

std::filesystem::path Environment::data_dir() const {
  return data_home / "roll";
}

Environment Environment::from_variables(const VariableLookup& lookup, const TerminalFacts& facts,
                                        std::filesystem::path exe_dir) {
  Environment env;
  env.config_home = xdg(lookup, "XDG_CONFIG_HOME", ".config");
  env.data_home = xdg(lookup, "XDG_DATA_HOME", ".local/share");
  env.state_home = xdg(lookup, "XDG_STATE_HOME", ".local/state");
  env.exe_dir = std::move(exe_dir);
  const char* no_color = lookup("NO_COLOR");
  env.no_color = no_color != nullptr && *no_color != '\0';
  const char* force = lookup("CLICOLOR_FORCE");
  env.clicolor_force = force != nullptr && *force != '\0' && std::string_view(force) != "0";
  env.stdout_is_terminal = facts.stdout_is_terminal;
  env.input_is_terminal = facts.input_is_terminal;
  // $COLUMNS first, as ls and man read it: it lets a pipe ask for a width too.
  if (const char* columns = lookup("COLUMNS"); columns != nullptr) {
    env.columns = std::clamp(std::atoi(columns), 0, 10000);
  }
  if (env.columns == 0 && env.stdout_is_terminal) env.columns = facts.stdout_columns;
  // Only a terminal on stdout is ever drawn on; `roll due` in a pipe or from cron skips the
  // terminfo look-ups.
  if (env.stdout_is_terminal) {
    const char* term = lookup("TERM");
    env.terminal_can_draw = platform::terminal_can_draw(term ? term : "", terminfo_dirs(lookup));
  }
  env.utf8 = locale_is_utf8(lookup("LC_ALL"), lookup("LC_CTYPE"), lookup("LANG"));
  if (const char* path = lookup("PATH"); path != nullptr) env.path = path;
  return env;
}

Environment Environment::from_process() {
  TerminalFacts facts;
  facts.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  facts.input_is_terminal = ::isatty(STDIN_FILENO) == 1;
  if (facts.stdout_is_terminal) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) facts.stdout_columns = ws.ws_col;
  }
  return from_variables([](const char* name) { return std::getenv(name); }, facts,
                        executable_dir());
}

}  // namespace roll::platform

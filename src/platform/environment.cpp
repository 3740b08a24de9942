#include "platform/environment.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

namespace roll::platform {

namespace {

std::filesystem::path env_path(const char* name) {
  const char* value = std::getenv(name);
  // The XDG spec says relative paths are invalid and must be ignored.
  if (value == nullptr || *value == '\0' || value[0] != '/') return {};
  return value;
}

std::filesystem::path xdg(const char* name, const std::filesystem::path& fallback_under_home) {
  if (auto p = env_path(name); !p.empty()) return p;
  std::filesystem::path home = env_path("HOME");
  if (home.empty()) home = "/tmp";
  return home / fallback_under_home;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::filesystem::current_path(ec);
  return exe.parent_path();
}

}  // namespace

std::filesystem::path Environment::user_routines_dir() const {
  return config_home / "roll" / "routines";
}

std::filesystem::path Environment::bundled_routines_dir() const {
  return (exe_dir / ".." / "share" / "roll" / "routines").lexically_normal();
}

std::filesystem::path Environment::data_dir() const {
  return data_home / "roll";
}

Environment Environment::from_process() {
  Environment env;
  env.config_home = xdg("XDG_CONFIG_HOME", ".config");
  env.data_home = xdg("XDG_DATA_HOME", ".local/share");
  env.state_home = xdg("XDG_STATE_HOME", ".local/state");
  env.exe_dir = executable_dir();
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && *no_color != '\0';
  const char* force = std::getenv("CLICOLOR_FORCE");
  env.clicolor_force = force != nullptr && *force != '\0' && std::string_view(force) != "0";
  env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  env.stdin_is_terminal = ::isatty(STDIN_FILENO) == 1;
  // $COLUMNS first, as ls and man read it: it lets a pipe ask for a width too.
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    env.columns = std::clamp(std::atoi(columns), 0, 10000);
  }
  if (env.columns == 0 && env.stdout_is_terminal) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) env.columns = ws.ws_col;
  }
  return env;
}

}  // namespace roll::platform

#include "platform/programs.hpp"

#include <unistd.h>

#include <filesystem>

namespace roll::platform {

std::string find_program(std::string_view name, const char* path_env) {
  if (name.empty()) return {};
  std::string program(name);
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0 ? program : std::string();
  }
  std::string_view rest = path_env != nullptr ? path_env : "/usr/bin:/bin";
  for (;;) {
    auto colon = rest.find(':');
    std::string_view dir = rest.substr(0, colon);
    auto full = (dir.empty() ? std::filesystem::path(".") : std::filesystem::path(dir)) / program;
    if (::access(full.c_str(), X_OK) == 0) return full.string();
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace roll::platform

#include "platform/profile_file.hpp"

#include <system_error>

#include "platform/atomic_file.hpp"

namespace roll::platform {

std::filesystem::path profile_path(const Environment& env) {
  return env.config_home / "roll" / "config.toml";
}

ProfileResult read_profile(const Environment& env) {
  auto path = profile_path(env);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return ProfileResult{Profile{}, {}};
  try {
    return load_profile(read_text_file(path, 64 * 1024), path.string());
  } catch (const FileError& e) {
    ProfileResult r;
    r.diagnostics.push_back(
        Diagnostic{path.string(),
                   {1, 1, 1, 1},
                   Severity::error,
                   "profile",
                   e.what(),
                   "the profile must be a readable TOML file of at most 64 KiB"});
    return r;
  }
}

}  // namespace roll::platform

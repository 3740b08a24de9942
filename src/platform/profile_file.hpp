#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/environment.hpp"
#include "roll/profile.hpp"

namespace roll::platform {

// <config>/roll/config.toml
[[nodiscard]] std::filesystem::path profile_path(const Environment& env);

// A missing file is the default profile with no diagnostics; an unreadable one is a diagnostic.
[[nodiscard]] ProfileResult read_profile(const Environment& env);

// config.toml as text, for roll to change a line of it (roll/profile_edit.hpp).
struct ProfileText {
  std::string text;  // empty when there is no file
  bool exists = false;
};
// Throws FileError when the file is there and cannot be read (or is over 64 KiB).
[[nodiscard]] ProfileText read_profile_text(const Environment& env);
// Writes `text` as config.toml atomically (its directory made first), refused with FileError when
// the file is no longer what `before` read: an edit made meanwhile, in an editor, is never lost.
void write_profile_text(const Environment& env, const ProfileText& before, std::string_view text);

}  // namespace roll::platform

#pragma once
// What `roll new` needs from the system: create a file that must not exist yet, and hand it to the
// user's editor.
#include <filesystem>
#include <string_view>

namespace roll::platform {

enum class CreateResult { created, exists, failed };

// Creates `path` (and its directory) with `text`, atomically refusing if it already exists, so a
// routine is never overwritten even by a race.
[[nodiscard]] CreateResult create_new_file(const std::filesystem::path& path,
                                           std::string_view text);

// Runs $VISUAL, else $EDITOR, else Debian's `editor`, else vi, on `path`, with the terminal, and
// returns the editor's exit status (127 when none could be started).
int open_in_editor(const std::filesystem::path& path);

}  // namespace roll::platform

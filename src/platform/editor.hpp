#pragma once
// Handing a file to the user's editor, for `roll new --edit`.
#include <filesystem>

namespace roll::platform {

// Runs $VISUAL, else $EDITOR, else Debian's `editor`, else vi, on `path`, with the terminal, and
// returns the editor's exit status (127 when none could be started).
int open_in_editor(const std::filesystem::path& path);

}  // namespace roll::platform

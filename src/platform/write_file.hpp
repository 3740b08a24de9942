#pragma once
#include <filesystem>
#include <string_view>

#include "platform/files.hpp"

namespace roll::platform {

// Replaces the file's contents atomically (a temporary file beside it, then rename), keeping its
// permissions, so an interrupted `roll lint --fix` never leaves half a routine. Throws FileError.
void replace_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace roll::platform

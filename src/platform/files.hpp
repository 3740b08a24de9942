#pragma once
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace roll::platform {

// A file that cannot be read as a routine: missing, a directory, unreadable, or over the cap.
struct FileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads a whole regular file, refusing anything larger than `max_bytes` before reading it.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace roll::platform

#include "platform/files.hpp"

#include <fmt/core.h>
#include <fmt/std.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace roll::platform {

std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    throw FileError(fmt::format("{}: no such file", path.string()));
  }
  if (std::filesystem::is_directory(status)) {
    throw FileError(fmt::format("{}: is a directory, not a routine file", path.string()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw FileError(fmt::format("{}: not a regular file", path.string()));
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    throw FileError(fmt::format("{}: file is {} bytes; routines are limited to {} bytes",
                                path.string(), size, max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw FileError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  // Read at most one byte past the cap, in case the file grew after the size check.
  std::istreambuf_iterator<char> it(in), end;
  for (; it != end && text.size() <= max_bytes; ++it) text.push_back(*it);
  if (text.size() > max_bytes) {
    throw FileError(fmt::format("{}: file is larger than the {} byte limit for routines",
                                path.string(), max_bytes));
  }
  return text;
}

}  // namespace roll::platform

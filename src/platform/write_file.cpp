#include "platform/write_file.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace roll::platform {

void replace_text_file(const std::filesystem::path& path, std::string_view text) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // Through a symlink, the routine it points to is replaced, not the link.
  fs::path target = fs::canonical(path, ec);
  if (ec) target = path;
  auto perms = fs::status(target, ec).permissions();
  fs::path temp = target;
  temp += fmt::format(".roll-fix-{}", ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      throw FileError(fmt::format("{}: cannot write: {}", temp.string(), std::strerror(errno)));
    }
  }
  if (!ec) fs::permissions(temp, perms, ec);
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw FileError(fmt::format("{}: cannot replace: {}", path.string(), ec.message()));
  }
}

}  // namespace roll::platform

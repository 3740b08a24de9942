#include "cli/page_file.hpp"

#include <fmt/core.h>

#include "cli/context.hpp"
#include "platform/atomic_file.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

// Far above any page roll writes (a year of nightly sessions is well under a megabyte); a larger
// file is not one of roll's, and is not read to find out.
constexpr std::size_t kMaxPageBytes = 16 * 1024 * 1024;

}  // namespace

void write_page(const std::filesystem::path& path, const std::string& page, const PageKind& kind) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto link = fs::symlink_status(path, ec);
  if (ec || !fs::exists(link)) {
    platform::write_text_file(path, page);
    return;
  }
  auto target = fs::status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(target)) {
    throw Failure(exit_usage, fmt::format("{} is a symbolic link to nothing; not written",
                                          sanitize(path.string())));
  }
  if (!fs::is_regular_file(target)) {
    throw Failure(exit_usage,
                  fmt::format("{} exists and is not a regular file; not written (name a file)",
                              sanitize(path.string())));
  }
  std::string old;
  bool readable = true;
  try {
    old = platform::read_text_file(path, kMaxPageBytes);
  } catch (const platform::FileError&) {
    readable = false;
  }
  if (!readable || (!old.empty() && !kind.is_ours(old))) {
    throw Failure(exit_usage, fmt::format("{} exists and is not {}; not overwritten (remove it "
                                          "or name another file)",
                                          sanitize(path.string()), kind.words));
  }
  platform::write_text_file(path, page, old);
}

}  // namespace roll::cli

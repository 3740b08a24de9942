#pragma once
// Writing a page roll made (the report, the hand-out) to the file the user named: replaced only
// when it is empty or a page of the same kind roll wrote, so a slip of the hand (`--html
// notes.txt`) never costs the user a file; the atomic writer then refuses anything but a regular
// file, through a symlink as well, and keeps the old file's mode and owner.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace roll::cli {

struct PageKind {
  std::string_view words;                         // "a report roll wrote", in the refusal
  std::function<bool(std::string_view)> is_ours;  // whether a file's text is such a page
};

// Throws Failure (exit 2) for a file it will not replace, platform::FileError for one it cannot
// write.
void write_page(const std::filesystem::path& path, const std::string& page, const PageKind& kind);

}  // namespace roll::cli

#pragma once
// Every file roll reads or writes for a command goes through here: routines read with a size cap,
// `roll new`'s routine, `roll lint --fix`'s replacement, `remind --install`'s units and the notes
// of what roll has told the user once.
//
// The directory a routine sits in may be writable by others (a shared repository, a CI
// workspace), so a write never follows a name someone could have planted: the temporary file is
// created fresh with O_EXCL and O_NOFOLLOW beside the target under an unpredictable name, given
// the original's mode and owner, fsync'd, then renamed over the target (and the directory fsync'd),
// so a reader sees the old file or the new one, never half of one. The temporary file is removed
// on every failure.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace roll::platform {

// A file that cannot be read or written: missing, a directory, unreadable, over the cap, or a
// replacement refused (read-only, hard-linked, changed since it was read). The message names the
// file and says why.
struct FileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads a whole regular file, refusing anything larger than `max_bytes` before reading it.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path, std::size_t max_bytes);

enum class CreateResult { created, exists, failed };

// Creates `path` (and its directory) holding `text`, refusing if it already exists, even by a
// race: the new file appears whole or not at all. On `failed`, errno says why.
[[nodiscard]] CreateResult create_new_file(const std::filesystem::path& path,
                                           std::string_view text);

// Writes `text` to `path`, creating it (mode 0644) or replacing it atomically. Through a symlink
// at `path` the file it points to is replaced, not the link. An existing file is refused, not
// replaced, when it lacks its owner's write bit (judged by the mode, since root may write
// anything), when it has more than one hard link (replacing would silently split them), or when
// `expected` is given and the file no longer holds exactly that text (someone changed it since it
// was read). The replacement keeps the original's mode and owner. Throws FileError.
void write_text_file(const std::filesystem::path& path, std::string_view text,
                     std::optional<std::string_view> expected = std::nullopt);

// write_text_file for a file that was read as `expected`: what `roll lint --fix` does.
inline void replace_text_file(const std::filesystem::path& path, std::string_view text,
                              std::string_view expected) {
  write_text_file(path, text, expected);
}

// A file only roll writes and can do without (the note of what it has told the user once): written
// whole under a fresh temporary name (mode 0600, in a directory created 0700) and renamed over
// `path`, so a reader sees the old file or the new one; not fsync'd, since losing it costs only a
// notice said again. False when it could not be written; nothing is left behind.
[[nodiscard]] bool write_private_file(const std::filesystem::path& path, std::string_view bytes);

// Such a file, when it is one this user could have written and nobody else: a regular file (not
// through a symlink) owned by the effective user, writable by no one else, at most `max_bytes`.
// Otherwise, or when it cannot be read, nullopt.
[[nodiscard]] std::optional<std::string> read_private_file(const std::filesystem::path& path,
                                                           std::size_t max_bytes);

}  // namespace roll::platform

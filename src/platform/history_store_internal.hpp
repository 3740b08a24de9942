#pragma once
// What the files of the history store share (history_checks.cpp: the checks at open;
// history_schema.cpp: the schema and its migrations; history_writes.cpp; history_reads.cpp;
// history_deletions.cpp; history_store_sync.cpp): times as the database keeps them, the wording
// of the errors that name the file, and how every write is guarded. The class
// itself is platform/history_store.hpp. Private to the store.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "platform/history_store.hpp"
#include "platform/wall_clock.hpp"
#include "roll/history.hpp"

namespace roll::platform::history_detail {

// Times are whole Unix seconds, UTC offsets seconds east of UTC.
inline std::int64_t unix_seconds(SysSeconds t) {
  return t.time_since_epoch().count();
}
inline SysSeconds from_unix(std::int64_t s) {
  return SysSeconds{std::chrono::seconds{s}};
}

// The offset of this machine's zone at `t`: the best guess for a row stored without one.
inline std::int64_t offset_at(SysSeconds t) {
  return (to_local(t).time_since_epoch() - t.time_since_epoch()).count();
}

inline bool valid_offset(std::int64_t s) {
  return s >= -kMaxUtcOffset.count() && s <= kMaxUtcOffset.count();
}

// How to move a damaged database aside with its -wal and -shm (history_checks.cpp).
[[nodiscard]] std::string remedy(const std::filesystem::path& file);

// What the user can check about an error SQLite reports only as "disk I/O error" and the like.
[[nodiscard]] std::string hint(int code, const std::filesystem::path& file);

}  // namespace roll::platform::history_detail

namespace roll::platform {

template <class Write>
auto HistoryStore::writing(Write&& write) {
  // The -wal and -shm outlive each run (configure()), so SQLite itself no longer notices a data
  // directory made read-only: it would write into the files already there. Asked once, with the
  // effective ids, as SQLite's own create would have been.
  if (!directory_checked_) {
    if (::faccessat(AT_FDCWD, file_.parent_path().c_str(), W_OK, AT_EACCESS) != 0) {
      throw HistoryError(fmt::format(
          "cannot write to the history database {}: its directory is read-only (is {} or the "
          "file read-only?); what it held before is unchanged",
          file_.string(), file_.parent_path().string()));
    }
    directory_checked_ = true;
  }
  try {
    add_outbox_triggers();
    return write();
  } catch (const sqlite::SqliteError& e) {
    // The transaction has rolled back: whatever was stored before is still there as it was.
    throw HistoryError(fmt::format(
        "cannot write to the history database {}: {}{}; what it held before is unchanged",
        file_.string(), e.what(), history_detail::hint(e.code, file_)));
  }
}

}  // namespace roll::platform

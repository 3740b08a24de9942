#pragma once
// What the four files of the history store share (history_checks.cpp: the checks at open;
// history_schema.cpp: the schema and its migrations; history_writes.cpp; history_reads.cpp):
// times as the database keeps them, and the wording of the errors that name the file. The class
// itself is platform/history_store.hpp. Private to the store.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

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

#pragma once
// `roll sync` through a folder another program syncs (Syncthing, a git repository...): this
// device appends its new records to <dir>/<device-id>.ndjson, which no other device writes, then
// merges what is new in every other device's journal. Idempotent and order-independent by the
// rules of roll/sync_merge.hpp.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/history_store.hpp"

namespace roll::platform {

// The sync could not run at all (no folder, a read-only one, no device id): nothing was
// changed, in the history or the folder.
struct SyncError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SyncRequest {
  std::filesystem::path dir;
  std::filesystem::path data_dir;    // holds the lock that serializes two syncs on one device
  std::filesystem::path state_home;  // holds the device id
  SysSeconds now{};
};

struct SyncReport {
  std::string device;         // this device's id, after the sync
  std::string device_change;  // a sentence when this device took a new id, else empty
  std::size_t appended = 0;   // records appended to this device's journal
  std::size_t journals = 0;   // other devices' journals read
  MergeCounts merged;
  std::vector<std::string> problems;  // "file:line: why", each journal's rest still merged
};

[[nodiscard]] SyncReport sync_folder(HistoryStore& store, const SyncRequest& request);

struct JournalState {
  std::string device;
  bool self = false;
  std::optional<SysSeconds> written;  // the file's modification time
  std::int64_t bytes = 0;
  std::int64_t unread_bytes = 0;  // beyond what this history has merged (others' journals)
};

struct SyncStatus {
  std::string device;
  std::size_t pending = 0;  // records not yet in this device's journal
  std::optional<SysSeconds> last_sync;
  std::vector<JournalState> journals;  // by device id
};

[[nodiscard]] SyncStatus sync_status(HistoryStore& store, const std::filesystem::path& dir,
                                     const std::filesystem::path& state_home);

struct ImportReport {
  MergeCounts merged;
  std::vector<std::string> problems;
};

// `roll history import`: the lines of an export (or a journal) merged, and then pending for
// this device's journal. Throws SyncError when the file cannot be read or is from a newer roll.
[[nodiscard]] ImportReport import_file(HistoryStore& store, const std::filesystem::path& file);

}  // namespace roll::platform

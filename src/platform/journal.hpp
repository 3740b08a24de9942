#pragma once
// `roll sync` through a folder another program syncs (Syncthing, a git repository...): this
// device appends its new records to <dir>/<device-id>.ndjson, which no other device writes, then
// merges what is new in every other device's journal. Idempotent and order-independent by the
// rules of roll/sync_merge.hpp.
//
// Whoever can write to the folder can write anything there, so its files are untrusted: a name
// is never followed through a symbolic link, only regular files are read, this device's journal
// is only ever appended to when it is exactly what this device wrote, and a journal is read line
// by line (never whole: memory does not grow with it), each line checked, each record carried
// only by its own device's journal.
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

// Adds what one merge did to what the merges before it did.
void add_counts(MergeCounts& total, MergeCounts&& more);

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
  std::size_t restored = 0;  // with ImportRequest::restore
};

struct ImportRequest {
  std::filesystem::path file;
  SysSeconds now{};
  std::string own_device;  // a clearing or deletion this device made needs no confirmation
  // Records the file holds that are deleted here come back (`roll history import --restore`):
  // how an export taken before a deletion undoes it.
  bool restore = false;
};

// `roll history import`: the lines of an export (or a journal) merged, and then pending for
// this device's journal. Throws SyncError when the file cannot be read or is from a newer roll
// (then nothing is imported).
[[nodiscard]] ImportReport import_file(HistoryStore& store, const ImportRequest& request);

}  // namespace roll::platform

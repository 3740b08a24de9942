#pragma once
// The history's rows as sync records (roll/sync_record.hpp), table by table, and the statements
// that store them, hide them when they are deleted and bring them back when they are restored:
// what the merge (history_store_sync.cpp) and this device's own deletions and restorations
// (history_deletions.cpp) share. Private to the store.
//
// A deleted record is kept: its line (as a journal writes it) moves to deleted_records, with the
// records that hang on it, and its tombstone says who deleted it and when. A restoration puts
// them back. Every reader of the live tables is unchanged by it.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "platform/sqlite.hpp"
#include "roll/sync_record.hpp"

namespace roll::platform::history_detail {

struct KindSql {
  sync::Kind kind;
  const char* table;
  // uid, device, then the kind's fields in order (a child's session as its uid).
  const char* select;
  const char* key;         // the uid column in `select`
  const char* key_device;  // the device of the record in `select` (a tombstone's: of_device)
  const char* time;        // what --since compares
  const char* order;       // insertion order, so that an import reads back in the same order
  const char* parent_key;  // the parent's uid in `select`, for a kind that hangs on one
  // The parent's device in `select` (NULL on a clearing from before format 4: any injury of
  // that uid).
  const char* parent_device;
};

[[nodiscard]] std::span<const KindSql> all_kind_sql();
[[nodiscard]] const KindSql& sql_of(sync::Kind kind);
// Kinds in the order they are written and applied (sync::apply_rank).
[[nodiscard]] std::vector<const KindSql*> in_apply_order();
[[nodiscard]] sync::Record read_record(sync::Kind kind, sqlite::Statement& st);

// The uid of the record `r` hangs on (its session or injury), or "".
[[nodiscard]] const std::string& parent_uid(const sync::Record& r);

// A record: its kind, its uid and the device that made it. (A tombstone's key is the key of the
// record it is about, with "" as the device for one from before format 4: every device.)
struct RecordKey {
  sync::Kind kind = sync::Kind::session;
  std::string uid;
  std::string device;
  friend bool operator==(const RecordKey&, const RecordKey&) = default;
};

// What becomes of a hidden record asked to come back.
enum class Unhidden { done, not_hidden, parent_away };

// The statements of one transaction over the records: prepared once, used record by record.
// A record is its kind, its uid and its device: two devices' records of one uid are two records.
class Records {
 public:
  explicit Records(sqlite::Database& db);

  // The live record held under r's key (a check-in's day, every other kind's uid and device).
  [[nodiscard]] std::optional<sync::Record> live(const sync::Record& r);
  [[nodiscard]] std::optional<sync::Record> live(sync::Kind kind, const std::string& uid,
                                                 const std::string& device);
  // The devices whose live record of `kind` has this uid.
  [[nodiscard]] std::vector<std::string> live_devices(sync::Kind kind, const std::string& uid);
  [[nodiscard]] std::optional<std::int64_t> session_row(const std::string& uid,
                                                        const std::string& device);
  // Stores a record in its live table; `parent_row` is the session row a zone, pressure, skip or
  // hold change hangs on.
  void insert(const sync::Record& r, std::optional<std::int64_t> parent_row);
  void update(const sync::Record& r, std::optional<std::int64_t> parent_row);
  // Makes the live record under r's uid and device what `r` says, never-changing fields too:
  // a provisional record corrected by its own device's journal. A session keeps its row, so
  // what hangs on it stays with it; an injury stays cleared if it was.
  void correct(const sync::Record& r, std::optional<std::int64_t> parent_row);

  // A tombstone deletes the record of the kind it names (its `of`) made by its `of_device`, so
  // that however the records and tombstones of one uid arrive, every device ends the same. A
  // tombstone without `of_device` (from before format 4) is about every device's record of that
  // uid and kind. The tombstone of a record that stands is the later (sync::supersedes) of its
  // own and such an old one: it says whether and by whom it is deleted, and its version.
  [[nodiscard]] std::optional<sync::Record> tombstone(const std::string& uid, sync::Kind kind,
                                                      const std::string& device);
  // The tombstone stored under exactly this key ("" for an old one about every device).
  [[nodiscard]] std::optional<sync::Record> tombstone_row(const std::string& uid, sync::Kind kind,
                                                          const std::string& of_device);
  [[nodiscard]] bool deleted(const std::string& uid, sync::Kind kind, const std::string& device);
  [[nodiscard]] bool purged(const std::string& uid, sync::Kind kind, const std::string& device);
  void put_tombstone(const sync::Record& tombstone);
  void mark_purged(const std::string& uid, sync::Kind kind, const std::string& device);
  // The version a change of a record's tombstone made here now takes: above every version seen,
  // and at least the time, so that the later of two changes wins wherever both arrive.
  [[nodiscard]] std::int64_t next_version(const std::string& uid, sync::Kind kind,
                                          const std::string& device, std::int64_t now);

  // A record kept hidden, as its line decodes.
  [[nodiscard]] std::optional<sync::Record> hidden(const std::string& uid, sync::Kind kind,
                                                   const std::string& device);
  [[nodiscard]] bool is_hidden(const std::string& uid, sync::Kind kind, const std::string& device);
  // The devices whose record of `kind` with this uid is kept hidden.
  [[nodiscard]] std::vector<std::string> hidden_devices(sync::Kind kind, const std::string& uid);
  void put_hidden(const sync::Record& r);
  // Moves a live record of `kind`, and what hangs on it, to the hidden ones. Returns the kinds
  // moved (empty when it was not live).
  std::vector<sync::Kind> hide(sync::Kind kind, const std::string& uid, const std::string& device);
  // Moves a hidden record back, and what hangs on it that is not deleted itself; each record
  // moved is added to `moved` when given.
  Unhidden unhide(const std::string& uid, sync::Kind kind, const std::string& device,
                  std::vector<sync::Record>* moved = nullptr);
  // Forgets a hidden record and what hangs on it, for good.
  void drop_hidden(const std::string& uid, sync::Kind kind, const std::string& device);
  // The hidden records that hang on the record `uid` of `kind` made by `device`.
  [[nodiscard]] std::vector<RecordKey> hidden_children(const std::string& uid, sync::Kind kind,
                                                       const std::string& device);
  // The live records that hang on it (a session's zones, an injury's clearings).
  [[nodiscard]] std::vector<RecordKey> live_children(sync::Kind kind, const std::string& uid,
                                                     const std::string& device);
  // Whether the record `r` hangs on is away (deleted, or kept hidden): then `r` is kept hidden
  // too. A clearing from before format 4 hangs on every injury of its uid: away when none of
  // them stands and one is away.
  [[nodiscard]] bool parent_away(const sync::Record& r);
  // Whether the live injury is deleted on another device and still guards here until confirmed.
  [[nodiscard]] bool is_held(const std::string& uid, const std::string& device);

 private:
  sqlite::Database& db_;
  static constexpr std::size_t kKindCount = 12;
  std::array<std::optional<sqlite::Statement>, kKindCount> live_;
  std::array<std::optional<sqlite::Statement>, kKindCount> live_devices_;
  std::array<std::optional<sqlite::Statement>, kKindCount> children_;
  std::array<std::optional<sqlite::Statement>, kKindCount> remove_;
  std::array<std::optional<sqlite::Statement>, kKindCount> insert_;
  std::array<std::optional<sqlite::Statement>, kKindCount> update_;
  sqlite::Statement check_in_of_day_;
  sqlite::Statement session_id_;
  sqlite::Statement tombstones_;
  sqlite::Statement tombstone_row_;
  sqlite::Statement put_tombstone_;
  sqlite::Statement hidden_;
  sqlite::Statement hidden_devices_;
  sqlite::Statement put_hidden_;
  sqlite::Statement drop_hidden_;
  sqlite::Statement hidden_children_;
};

}  // namespace roll::platform::history_detail

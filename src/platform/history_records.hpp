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
  const char* time;        // what --since compares
  const char* order;       // insertion order, so that an import reads back in the same order
  const char* parent_key;  // the parent's uid in `select`, for a kind that hangs on one
};

[[nodiscard]] std::span<const KindSql> all_kind_sql();
[[nodiscard]] const KindSql& sql_of(sync::Kind kind);
// Kinds in the order they are written and applied (sync::apply_rank).
[[nodiscard]] std::vector<const KindSql*> in_apply_order();
[[nodiscard]] sync::Record read_record(sync::Kind kind, sqlite::Statement& st);

// The uid of the record `r` hangs on (its session or injury), or "".
[[nodiscard]] const std::string& parent_uid(const sync::Record& r);

// What becomes of a hidden record asked to come back.
enum class Unhidden { done, not_hidden, parent_away };

// The statements of one transaction over the records: prepared once, used record by record.
class Records {
 public:
  explicit Records(sqlite::Database& db);

  // The live record held under r's key (a check-in's day, every other kind's uid).
  [[nodiscard]] std::optional<sync::Record> live(const sync::Record& r);
  [[nodiscard]] std::optional<sync::Record> live(sync::Kind kind, const std::string& uid);
  [[nodiscard]] std::optional<std::int64_t> session_row(const std::string& uid);
  // Stores a record in its live table; `parent_row` is the session row a zone, pressure, skip or
  // hold change hangs on.
  void insert(const sync::Record& r, std::optional<std::int64_t> parent_row);
  void update(const sync::Record& r, std::optional<std::int64_t> parent_row);

  // A record is its uid and its kind: a tombstone deletes the record of the kind it names (its
  // `of`), so that however the records and tombstones of one uid arrive, every device ends the
  // same. The tombstone of a record says whether and by whom it is deleted, and its version.
  [[nodiscard]] std::optional<sync::Record> tombstone(const std::string& uid, sync::Kind kind);
  [[nodiscard]] bool deleted(const std::string& uid, sync::Kind kind);
  [[nodiscard]] bool purged(const std::string& uid, sync::Kind kind);
  void put_tombstone(const sync::Record& tombstone);
  void mark_purged(const std::string& uid, sync::Kind kind);
  // The version a change of a record's tombstone made here now takes: above every version seen,
  // and at least the time, so that the later of two changes wins wherever both arrive.
  [[nodiscard]] std::int64_t next_version(const std::string& uid, sync::Kind kind,
                                          std::int64_t now);

  // A record kept hidden, as its line decodes.
  [[nodiscard]] std::optional<sync::Record> hidden(const std::string& uid, sync::Kind kind);
  [[nodiscard]] bool is_hidden(const std::string& uid, sync::Kind kind);
  void put_hidden(const sync::Record& r);
  // Moves a live record of `kind`, and what hangs on it, to the hidden ones. Returns the kinds
  // moved (empty when it was not live).
  std::vector<sync::Kind> hide(sync::Kind kind, const std::string& uid);
  // Moves a hidden record back, and what hangs on it that is not deleted itself; each record
  // moved is added to `moved` when given.
  Unhidden unhide(const std::string& uid, sync::Kind kind,
                  std::vector<sync::Record>* moved = nullptr);
  // Forgets a hidden record and what hangs on it, for good.
  void drop_hidden(const std::string& uid, sync::Kind kind);
  // The hidden records that hang on the record `uid` of `kind`: their uids and kinds.
  [[nodiscard]] std::vector<std::pair<std::string, sync::Kind>> hidden_children(
      const std::string& uid, sync::Kind kind);
  // The uids of the live records that hang on `uid` (a session's zones, an injury's clearings).
  [[nodiscard]] std::vector<std::string> live_children(sync::Kind kind, const std::string& uid);

 private:
  sqlite::Database& db_;
  static constexpr std::size_t kKindCount = 12;
  std::array<std::optional<sqlite::Statement>, kKindCount> live_;
  std::array<std::optional<sqlite::Statement>, kKindCount> children_;
  std::array<std::optional<sqlite::Statement>, kKindCount> remove_;
  std::array<std::optional<sqlite::Statement>, kKindCount> insert_;
  std::array<std::optional<sqlite::Statement>, kKindCount> update_;
  sqlite::Statement check_in_of_day_;
  sqlite::Statement session_id_;
  sqlite::Statement tombstone_;
  sqlite::Statement put_tombstone_;
  sqlite::Statement hidden_;
  sqlite::Statement put_hidden_;
  sqlite::Statement drop_hidden_;
  sqlite::Statement hidden_children_;
};

}  // namespace roll::platform::history_detail

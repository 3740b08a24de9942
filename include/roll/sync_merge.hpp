#pragma once
// The rules by which records from several devices merge into one history, whatever order they
// arrive in and however often: pure, so that every rule is tested without a database.
//
// - A record is its device and its uid (for a check-in, the day: one question a day): two
//   devices' records of one uid are two records, so that none can keep another's out.
// - A record's tombstone says whether it is deleted: deletions and restorations each have a
//   version, and the highest stands (a tie goes to the greater device id), whatever order they
//   arrive in. A deleted record is kept, hidden, so that a restoration brings it back.
// - A record that changes (a session while it runs, its zones, an injury being cleared, a
//   second check-in on the same day) has versions in one total order, and the greatest stays:
//   so two devices that have seen the same versions keep the same one.
#include <optional>
#include <string_view>

#include "roll/sync_record.hpp"

namespace roll::sync {

enum class Action {
  ignore,   // known already (or a newer version is), or deleted
  insert,   // new
  replace,  // a newer version of a record held
};

// `existing`: the record held under the same key, if any. `tombstoned`: `incoming` is deleted
// (never true for a tombstone itself: its uid is the deleted record's).
[[nodiscard]] Action decide(const Record& incoming, const Record* existing, bool tombstoned);

// Whether version `a` of a record goes after version `b` (a total order: for two different
// versions exactly one of supersedes(a, b) and supersedes(b, a) holds).
[[nodiscard]] bool supersedes(const Record& a, const Record& b);

// Within one batch, what is applied first: tombstones, then sessions and injuries, then what
// hangs on them, so that a child finds its parent and a deleted record is never re-created.
[[nodiscard]] int apply_rank(Kind kind);

// The kind of the records a kind hangs on: a zone, pressure, skip, hold change or pain stop on
// a session; a clearing on an injury. Empty for the others.
[[nodiscard]] std::optional<Kind> parent_kind(Kind kind);
[[nodiscard]] std::string_view parent_field(Kind kind);  // "session", "injury" or ""

}  // namespace roll::sync

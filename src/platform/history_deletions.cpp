// This device's deletions and restorations (platform/history_store.hpp): a deletion hides the
// record with what hangs on it and writes its tombstone; a restoration writes the tombstone's
// next version and puts the record back; a purge forgets the kept copy. Each tombstone travels
// by the outbox like any record. Also the confirmation here of what another device did to an
// injury, and the notices a bare `roll` shows once.
#include <fmt/format.h>

#include "platform/history_records.hpp"
#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "platform/ids.hpp"
#include "roll/sync_merge.hpp"

namespace roll::platform {

using namespace history_detail;
using sync::Kind;
using sync::Record;

namespace {

// The kinds a uid may be live as, parents first.
constexpr Kind kLiveKinds[] = {Kind::session,      Kind::injury,    Kind::check_in,
                               Kind::session_zone, Kind::pressure,  Kind::skipped_step,
                               Kind::hold_change,  Kind::pain_stop, Kind::injury_clearing,
                               Kind::prescription, Kind::psfs};

std::optional<Kind> live_kind(Records& w, const std::string& uid) {
  for (Kind k : kLiveKinds)
    if (w.live(k, uid)) return k;
  return std::nullopt;
}

Record tombstone(Records& w, Kind of, const std::string& uid, const std::string& device,
                 std::int64_t now, bool restored) {
  Record t = Record::make(Kind::tombstone, uid, device);
  t.set("of", std::string(sync::kind_name(of)))
      .set("deleted_at", now)
      .set("version", w.next_version(uid, of, now))
      .set("restored", restored);
  return t;
}

// While it lives, what is written is not queued for this device's journal: the records a
// restoration puts back are in journals already; only their tombstones travel.
class Quiet {
 public:
  explicit Quiet(sqlite::Database& db) : db_(db) {
    db_.exec("UPDATE sync_state SET merging = 1 WHERE id = 1");
  }
  ~Quiet() {
    try {
      db_.exec("UPDATE sync_state SET merging = 0 WHERE id = 1");
    } catch (const sqlite::SqliteError&) {
      // The transaction rolls back, and the flag with it.
    }
  }
  Quiet(const Quiet&) = delete;
  Quiet& operator=(const Quiet&) = delete;

 private:
  sqlite::Database& db_;
};

std::string lifted_of(sqlite::Database& db, const std::string& uid) {
  auto st = db.prepare("SELECT lifted FROM injuries WHERE uid = ?");
  st.bind(1, std::string_view{uid});
  return st.step() && !st.is_null(0) ? st.text(0) : std::string();
}

void unlift(sqlite::Database& db, const std::string& uid) {
  db.prepare("UPDATE injuries SET lifted = NULL, lifted_by = NULL WHERE uid = ?")
      .bind(1, std::string_view{uid})
      .run();
}

}  // namespace

bool HistoryStore::delete_session(const std::string& uid, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    if (!w.live(Kind::session, uid)) return false;
    w.put_tombstone(tombstone(w, Kind::session, uid, device(), unix_seconds(now), false));
    (void)w.hide(Kind::session, uid);
    tx.commit();
    return true;
  });
}

bool HistoryStore::delete_injury(long long id, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT uid, lifted FROM injuries WHERE id = ?");
    find.bind(1, id);
    if (!find.step()) return false;
    std::string uid = find.text(0);
    bool held = !find.is_null(1) && find.text(1) == "deleted";
    Records w(db_);
    // Deleted on another device already: deleting it here is confirming that.
    if (!held) w.put_tombstone(tombstone(w, Kind::injury, uid, device(), unix_seconds(now), false));
    unlift(db_, uid);
    (void)w.hide(Kind::injury, uid);
    tx.commit();
    return true;
  });
}

RestoreResult HistoryStore::restore(const std::string& uid, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    // The kinds this uid is deleted as (one, unless another device reused the uid).
    std::vector<Kind> kinds;
    {
      auto st = db_.prepare(
          "SELECT kind FROM tombstones WHERE uid = ? AND coalesce(restored, 0) = 0 AND purged = 0 "
          "ORDER BY kind");
      st.bind(1, std::string_view{uid});
      while (st.step())
        if (auto k = sync::find_kind(st.text(0))) kinds.push_back(*k);
    }
    if (kinds.empty()) {
      return live_kind(w, uid) ? RestoreResult::not_deleted : RestoreResult::unknown;
    }
    for (Kind of : kinds) {
      if (auto kept = w.hidden(uid, of)) {
        auto pk = sync::parent_kind(of);
        const auto& parent = parent_uid(*kept);
        if (pk && (w.deleted(parent, *pk) || w.is_hidden(parent, *pk)))
          return RestoreResult::parent_deleted;
      }
    }
    auto at = unix_seconds(now);
    std::vector<Record> moved;
    for (Kind of : kinds) {
      // What hangs on it and was deleted with it (or on its own, by the same hand) comes back
      // too.
      std::vector<std::pair<std::string, Kind>> children;
      for (const auto& [child, kind] : w.hidden_children(uid, of)) {
        if (w.deleted(child, kind)) children.emplace_back(child, kind);
      }
      w.put_tombstone(tombstone(w, of, uid, device(), at, true));
      for (const auto& [child, kind] : children)
        w.put_tombstone(tombstone(w, kind, child, device(), at, true));
      Quiet quiet(db_);
      if (of == Kind::injury && lifted_of(db_, uid) == "deleted") {
        unlift(db_, uid);
        for (const auto& [child, kind] : w.hidden_children(uid, of))
          if (!w.deleted(child, kind)) (void)w.unhide(child, kind, &moved);
      } else {
        (void)w.unhide(uid, of, &moved);
      }
    }
    // Another device's records are in its own journal already; this device's may never have
    // reached its journal (deleted before a sync), so they travel again.
    auto queue = db_.prepare("INSERT OR IGNORE INTO sync_outbox (kind, uid) VALUES (?, ?)");
    for (const auto& r : moved) {
      if (r.device != device()) continue;
      queue.reset();
      queue.bind(1, sync::kind_name(r.kind)).bind(2, std::string_view{r.uid}).run();
    }
    tx.commit();
    return RestoreResult::restored;
  });
}

bool HistoryStore::purge(const std::string& uid, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    std::vector<Kind> kinds;
    if (auto kind = live_kind(w, uid)) {
      bool held = *kind == Kind::injury && lifted_of(db_, uid) == "deleted";
      if (!w.deleted(uid, *kind) && !held) {
        w.put_tombstone(tombstone(w, *kind, uid, device(), unix_seconds(now), false));
      }
      unlift(db_, uid);
      (void)w.hide(*kind, uid);
      kinds.push_back(*kind);
    }
    {
      auto st = db_.prepare("SELECT kind FROM tombstones WHERE uid = ?");
      st.bind(1, std::string_view{uid});
      while (st.step())
        if (auto k = sync::find_kind(st.text(0))) kinds.push_back(*k);
    }
    if (kinds.empty()) return false;
    for (Kind kind : kinds) {
      for (const auto& [child, child_kind] : w.hidden_children(uid, kind))
        w.mark_purged(child, child_kind);
      w.drop_hidden(uid, kind);
      w.mark_purged(uid, kind);
    }
    tx.commit();
    return true;
  });
}

void HistoryStore::visit_deleted(const std::function<void(const DeletedRecord&)>& visit) {
  auto st = db_.prepare(
      "SELECT t.uid, t.kind, t.device, t.deleted_at, d.line FROM tombstones t LEFT JOIN "
      "deleted_records d ON d.uid = t.uid AND d.kind = t.kind WHERE coalesce(t.restored, 0) = 0 "
      "AND t.purged = 0 ORDER BY coalesce(t.version, t.deleted_at) DESC, t.uid");
  auto held = db_.prepare(
      fmt::format("{} WHERE i.uid = ? AND i.lifted = 'deleted'", sql_of(Kind::injury).select));
  Records w(db_);
  while (st.step()) {
    DeletedRecord d;
    d.uid = st.text(0);
    auto kind = sync::find_kind(st.text(1));
    if (!kind) continue;
    d.kind = *kind;
    d.deleted_by = st.text(2);
    d.deleted_at = from_unix(st.int64(3));
    if (!st.is_null(4)) {
      if (auto decoded = sync::decode(st.text(4)); decoded.record) d.record = *decoded.record;
    } else if (d.kind == Kind::injury) {
      held.reset();
      held.bind(1, std::string_view{d.uid});
      if (held.step()) {
        d.record = read_record(Kind::injury, held);
        d.held = true;
      }
    }
    // What hangs on a deleted record is counted with it, not listed.
    if (d.record) {
      const auto& parent = parent_uid(*d.record);
      auto pk = sync::parent_kind(d.kind);
      if (pk && (w.deleted(parent, *pk) || w.is_hidden(parent, *pk))) continue;
    }
    d.children = w.hidden_children(d.uid, d.kind).size();
    visit(d);
  }
}

ClearResult HistoryStore::clear_injury(long long id, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT uid, cleared, lifted FROM injuries WHERE id = ?");
    find.bind(1, id);
    if (!find.step()) return ClearResult::not_open;
    std::string uid = find.text(0);
    bool cleared = find.int64(1) != 0;
    std::string lifted = find.is_null(2) ? std::string() : find.text(2);
    ClearResult result = ClearResult::cleared;
    if (lifted == "deleted") {
      unlift(db_, uid);
      Records w(db_);
      (void)w.hide(Kind::injury, uid);
      result = ClearResult::confirmed_deletion;
    } else if (!lifted.empty()) {
      unlift(db_, uid);
      result = ClearResult::confirmed_clearing;
    } else if (cleared) {
      return ClearResult::not_open;
    } else {
      {
        // The clearing travels; the injury's own record stays its maker's to send.
        Quiet quiet(db_);
        db_.prepare("UPDATE injuries SET cleared = 1 WHERE id = ?").bind(1, id).run();
      }
      db_.prepare("INSERT INTO injury_clearings (uid, device, injury_uid, at) VALUES (?, ?, ?, ?)")
          .bind(1, new_uuid_v7(now))
          .bind(2, device())
          .bind(3, uid)
          .bind(4, unix_seconds(now))
          .run();
    }
    tx.commit();
    return result;
  });
}

std::vector<StoredNotice> HistoryStore::unseen_notices() {
  auto st = db_.prepare(
      "SELECT id, device, change, kind, uid, subject, subject_at FROM sync_notices WHERE shown = 0 "
      "ORDER BY id");
  std::vector<StoredNotice> out;
  while (st.step()) {
    StoredNotice n;
    n.id = st.int64(0);
    n.notice.device = st.text(1);
    n.notice.change = st.text(2);
    n.notice.kind = sync::find_kind(st.text(3)).value_or(Kind::session);
    n.notice.uid = st.text(4);
    n.notice.subject = st.text(5);
    if (!st.is_null(6) && valid_unix_seconds(st.int64(6)))
      n.notice.subject_at = from_unix(st.int64(6));
    n.notice.safety = true;
    out.push_back(std::move(n));
  }
  return out;
}

void HistoryStore::mark_notices_seen(long long up_to_id) {
  writing([&] {
    db_.prepare("UPDATE sync_notices SET shown = 1 WHERE id <= ?").bind(1, up_to_id).run();
  });
}

}  // namespace roll::platform

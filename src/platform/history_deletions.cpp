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
                               Kind::hold_change,  Kind::pain_stop, Kind::injury_clearing};

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
      .set("version", w.next_version(uid, now))
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
    auto t = w.tombstone(uid);
    if (!t) return live_kind(w, uid) ? RestoreResult::not_deleted : RestoreResult::unknown;
    if (sync::tombstone_restores(*t)) return RestoreResult::not_deleted;
    Kind of = sync::find_kind(t->text("of")).value_or(Kind::session);
    if (auto kept = w.hidden(uid)) {
      const auto& parent = parent_uid(*kept);
      if (!parent.empty() && (w.deleted(parent) || w.is_hidden(parent)))
        return RestoreResult::parent_deleted;
    }
    auto at = unix_seconds(now);
    // What hangs on it and was deleted with it (or on its own, by the same hand) comes back too.
    std::vector<std::pair<std::string, Kind>> children;
    for (const auto& child : w.hidden_children(uid)) {
      if (auto ct = w.tombstone(child); ct && !sync::tombstone_restores(*ct))
        children.emplace_back(child, sync::find_kind(ct->text("of")).value_or(Kind::session));
    }
    w.put_tombstone(tombstone(w, of, uid, device(), at, true));
    for (const auto& [child, kind] : children)
      w.put_tombstone(tombstone(w, kind, child, device(), at, true));
    std::vector<Record> moved;
    {
      Quiet quiet(db_);
      if (lifted_of(db_, uid) == "deleted") {
        unlift(db_, uid);
        for (const auto& child : w.hidden_children(uid))
          if (!w.deleted(child)) (void)w.unhide(child, &moved);
      } else {
        (void)w.unhide(uid, &moved);
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
    auto kind = live_kind(w, uid);
    if (!kind && !w.tombstone(uid)) return false;
    if (kind) {
      bool held = *kind == Kind::injury && lifted_of(db_, uid) == "deleted";
      if (!w.deleted(uid) && !held) {
        w.put_tombstone(tombstone(w, *kind, uid, device(), unix_seconds(now), false));
      }
      (void)w.hide(*kind, uid);
    }
    for (const auto& child : w.hidden_children(uid)) w.mark_purged(child);
    w.drop_hidden(uid);
    w.mark_purged(uid);
    tx.commit();
    return true;
  });
}

void HistoryStore::visit_deleted(const std::function<void(const DeletedRecord&)>& visit) {
  auto st = db_.prepare(
      "SELECT t.uid, t.kind, t.device, t.deleted_at, d.line FROM tombstones t LEFT JOIN "
      "deleted_records d ON d.uid = t.uid WHERE coalesce(t.restored, 0) = 0 AND t.purged = 0 "
      "ORDER BY coalesce(t.version, t.deleted_at) DESC, t.uid");
  auto count = db_.prepare("SELECT count(*) FROM deleted_records WHERE parent = ?");
  auto held = db_.prepare(
      fmt::format("{} WHERE i.uid = ? AND i.lifted = 'deleted'", sql_of(Kind::injury).select));
  Records w(db_);
  while (st.step()) {
    DeletedRecord d;
    d.uid = st.text(0);
    d.kind = sync::find_kind(st.text(1)).value_or(Kind::session);
    d.deleted_by = st.text(2);
    d.deleted_at = from_unix(st.int64(3));
    if (!st.is_null(4)) {
      if (auto decoded = sync::decode(st.text(4)); decoded.record) d.record = *decoded.record;
    } else {
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
      if (!parent.empty() && (w.deleted(parent) || w.is_hidden(parent))) continue;
    }
    count.reset();
    count.bind(1, std::string_view{d.uid});
    if (count.step()) d.children = static_cast<std::size_t>(count.int64(0));
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

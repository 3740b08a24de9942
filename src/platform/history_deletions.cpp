// This device's deletions and restorations (platform/history_store.hpp): a deletion hides the
// record with what hangs on it and writes its tombstone; a restoration writes the tombstone's
// next version and puts the record back; a purge forgets the kept copy. Each tombstone travels
// by the outbox like any record. Also the confirmation here of what another device did to an
// injury, and the notices a bare `roll` shows once.
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

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
    if (!w.live_devices(k, uid).empty()) return k;
  return std::nullopt;
}

// A deletion or restoration of the record of `of` with `uid` made by `of_device` ("" only for a
// record that no device's copy here names: then every device's, as a tombstone from before
// format 4 was).
Record tombstone(Records& w, Kind of, const std::string& uid, const std::string& of_device,
                 const std::string& device, std::int64_t now, bool restored) {
  Record t = Record::make(Kind::tombstone, uid, device);
  t.set("of", std::string(sync::kind_name(of)))
      .set("deleted_at", now)
      .set("version", w.next_version(uid, of, of_device, now))
      .set("restored", restored);
  if (!of_device.empty()) t.set("of_device", of_device);
  return t;
}

void add_once(std::vector<RecordKey>& keys, RecordKey key) {
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
}

// The records with this uid deleted here (and not purged), each with its kind and device: from
// their tombstones, one from before format 4 standing for every device's copy kept here (or, with
// none kept, for the one that never arrived, as device "").
std::vector<RecordKey> deleted_keys(sqlite::Database& db, Records& w, const std::string& uid) {
  std::vector<RecordKey> out;
  auto st = db.prepare("SELECT kind, of_device FROM tombstones WHERE uid = ? ORDER BY kind");
  st.bind(1, std::string_view{uid});
  std::vector<RecordKey> named;
  while (st.step()) {
    auto kind = sync::find_kind(st.text(0));
    if (!kind) continue;
    std::string of_device = st.text(1);
    if (!of_device.empty()) {
      add_once(named, {*kind, uid, of_device});
      continue;
    }
    auto devices = w.hidden_devices(*kind, uid);
    for (const auto& d : w.live_devices(*kind, uid)) devices.push_back(d);
    if (devices.empty()) add_once(named, {*kind, uid, ""});
    for (const auto& d : devices) add_once(named, {*kind, uid, d});
  }
  for (auto& key : named) {
    if (!w.deleted(key.uid, key.kind, key.device) || w.purged(key.uid, key.kind, key.device))
      continue;
    // A live record is deleted only while it is an injury still guarding here.
    if (!key.device.empty() && w.live(key.kind, key.uid, key.device) &&
        !(key.kind == Kind::injury && w.is_held(key.uid, key.device)))
      continue;
    out.push_back(std::move(key));
  }
  return out;
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

std::string lifted_of(sqlite::Database& db, const std::string& uid, const std::string& device) {
  auto st = db.prepare("SELECT lifted FROM injuries WHERE uid = ? AND device = ?");
  st.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
  return st.step() && !st.is_null(0) ? st.text(0) : std::string();
}

void unlift(sqlite::Database& db, const std::string& uid, const std::string& device) {
  db.prepare("UPDATE injuries SET lifted = NULL, lifted_by = NULL WHERE uid = ? AND device = ?")
      .bind(1, std::string_view{uid})
      .bind(2, std::string_view{device})
      .run();
}

std::vector<std::string> unique(std::vector<RecordKey> keys) {
  std::vector<std::string> out;
  for (auto& k : keys)
    if (std::find(out.begin(), out.end(), k.device) == out.end()) out.push_back(k.device);
  return out;
}

}  // namespace

std::vector<std::string> HistoryStore::session_devices(const std::string& uid) {
  Records w(db_);
  return w.live_devices(Kind::session, uid);
}

std::vector<std::string> HistoryStore::deleted_devices(const std::string& uid) {
  Records w(db_);
  return unique(deleted_keys(db_, w, uid));
}

std::vector<std::string> HistoryStore::record_devices(const std::string& uid) {
  Records w(db_);
  std::vector<RecordKey> keys = deleted_keys(db_, w, uid);
  for (Kind k : kLiveKinds)
    for (const auto& d : w.live_devices(k, uid)) add_once(keys, {k, uid, d});
  return unique(std::move(keys));
}

bool HistoryStore::delete_session(const std::string& uid, const std::string& device,
                                  SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    if (!w.live(Kind::session, uid, device)) return false;
    w.put_tombstone(
        tombstone(w, Kind::session, uid, device, this->device(), unix_seconds(now), false));
    (void)w.hide(Kind::session, uid, device);
    tx.commit();
    return true;
  });
}

bool HistoryStore::delete_session(const std::string& uid, SysSeconds now) {
  auto devices = session_devices(uid);
  return devices.size() == 1 && delete_session(uid, devices.front(), now);
}

bool HistoryStore::delete_injury(long long id, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT uid, device, lifted FROM injuries WHERE id = ?");
    find.bind(1, id);
    if (!find.step()) return false;
    std::string uid = find.text(0);
    std::string made_by = find.text(1);
    bool held = !find.is_null(2) && find.text(2) == "deleted";
    Records w(db_);
    // Deleted on another device already: deleting it here is confirming that.
    if (!held)
      w.put_tombstone(tombstone(w, Kind::injury, uid, made_by, device(), unix_seconds(now), false));
    unlift(db_, uid, made_by);
    (void)w.hide(Kind::injury, uid, made_by);
    tx.commit();
    return true;
  });
}

RestoreResult HistoryStore::restore(const std::string& uid, SysSeconds now,
                                    const std::string& which) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    // The records of this uid deleted here (one, unless another device made one of this uid too).
    std::vector<RecordKey> keys;
    for (auto& key : deleted_keys(db_, w, uid))
      if (which.empty() || key.device == which) keys.push_back(std::move(key));
    if (keys.empty()) {
      return live_kind(w, uid) ? RestoreResult::not_deleted : RestoreResult::unknown;
    }
    if (unique(keys).size() > 1) return RestoreResult::ambiguous;
    for (const auto& key : keys) {
      if (auto kept = w.hidden(uid, key.kind, key.device); kept && w.parent_away(*kept))
        return RestoreResult::parent_deleted;
    }
    auto at = unix_seconds(now);
    std::vector<Record> moved;
    for (const auto& key : keys) {
      // What hangs on it and was deleted with it (or on its own, by the same hand) comes back
      // too.
      std::vector<RecordKey> children;
      for (const auto& child : w.hidden_children(uid, key.kind, key.device)) {
        if (w.deleted(child.uid, child.kind, child.device)) children.push_back(child);
      }
      w.put_tombstone(tombstone(w, key.kind, uid, key.device, device(), at, true));
      for (const auto& child : children)
        w.put_tombstone(tombstone(w, child.kind, child.uid, child.device, device(), at, true));
      Quiet quiet(db_);
      if (key.kind == Kind::injury && lifted_of(db_, uid, key.device) == "deleted") {
        unlift(db_, uid, key.device);
        for (const auto& child : w.hidden_children(uid, key.kind, key.device))
          if (!w.deleted(child.uid, child.kind, child.device))
            (void)w.unhide(child.uid, child.kind, child.device, &moved);
      } else {
        (void)w.unhide(uid, key.kind, key.device, &moved);
      }
    }
    // Another device's records are in its own journal already; this device's may never have
    // reached its journal (deleted before a sync), so they travel again.
    auto queue =
        db_.prepare("INSERT OR IGNORE INTO sync_outbox (kind, uid, device) VALUES (?, ?, ?)");
    for (const auto& r : moved) {
      if (r.device != device()) continue;
      queue.reset();
      queue.bind(1, sync::kind_name(r.kind))
          .bind(2, std::string_view{r.uid})
          .bind(3, std::string_view{r.device})
          .run();
    }
    tx.commit();
    return RestoreResult::restored;
  });
}

bool HistoryStore::purge(const std::string& uid, SysSeconds now, const std::string& which) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records w(db_);
    std::vector<RecordKey> keys;
    for (Kind k : kLiveKinds) {
      for (const auto& d : w.live_devices(k, uid)) {
        if (!which.empty() && d != which) continue;
        bool held = k == Kind::injury && lifted_of(db_, uid, d) == "deleted";
        if (!w.deleted(uid, k, d) && !held)
          w.put_tombstone(tombstone(w, k, uid, d, device(), unix_seconds(now), false));
        unlift(db_, uid, d);
        (void)w.hide(k, uid, d);
        add_once(keys, {k, uid, d});
      }
    }
    for (auto& key : deleted_keys(db_, w, uid))
      if (which.empty() || key.device == which) add_once(keys, std::move(key));
    if (keys.empty()) return false;
    for (const auto& key : keys) {
      // Purged is kept on the record's own tombstone, which a deletion from before format 4
      // does not give it.
      if (!key.device.empty() && !w.tombstone_row(uid, key.kind, key.device))
        w.put_tombstone(
            tombstone(w, key.kind, uid, key.device, device(), unix_seconds(now), false));
      for (const auto& child : w.hidden_children(uid, key.kind, key.device))
        w.mark_purged(child.uid, child.kind, child.device);
      w.drop_hidden(uid, key.kind, key.device);
      w.mark_purged(uid, key.kind, key.device);
    }
    tx.commit();
    return true;
  });
}

void HistoryStore::visit_deleted(const std::function<void(const DeletedRecord&)>& visit) {
  auto st = db_.prepare(
      "SELECT t.uid FROM tombstones t WHERE coalesce(t.restored, 0) = 0 AND t.purged = 0 "
      "ORDER BY coalesce(t.version, t.deleted_at) DESC, t.uid");
  auto held = db_.prepare(fmt::format(
      "{} WHERE i.uid = ? AND i.device = ? AND i.lifted = 'deleted'", sql_of(Kind::injury).select));
  Records w(db_);
  std::vector<std::pair<std::int64_t, DeletedRecord>> all;
  std::vector<std::string> uids;
  while (st.step()) {
    auto uid = st.text(0);
    if (std::find(uids.begin(), uids.end(), uid) == uids.end()) uids.push_back(uid);
  }
  for (const auto& uid : uids) {
    for (const auto& key : deleted_keys(db_, w, uid)) {
      auto t = w.tombstone(uid, key.kind, key.device);
      if (!t) continue;
      DeletedRecord d;
      d.uid = uid;
      d.kind = key.kind;
      d.device = key.device;
      d.deleted_by = t->device;
      d.deleted_at = from_unix(t->integer("deleted_at"));
      if (!key.device.empty()) {
        if (auto kept = w.hidden(uid, key.kind, key.device)) {
          d.record = *kept;
        } else if (key.kind == Kind::injury) {
          held.reset();
          held.bind(1, std::string_view{uid}).bind(2, std::string_view{key.device});
          if (held.step()) {
            d.record = read_record(Kind::injury, held);
            d.held = true;
          }
        }
      }
      // What hangs on a deleted record is counted with it, not listed.
      if (d.record && w.parent_away(*d.record)) continue;
      d.children = w.hidden_children(uid, key.kind, key.device).size();
      all.emplace_back(sync::tombstone_version(*t), std::move(d));
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [version, d] : all) visit(d);
}

ClearResult HistoryStore::clear_injury(long long id, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT uid, device, cleared, lifted FROM injuries WHERE id = ?");
    find.bind(1, id);
    if (!find.step()) return ClearResult::not_open;
    std::string uid = find.text(0);
    std::string made_by = find.text(1);
    bool cleared = find.int64(2) != 0;
    std::string lifted = find.is_null(3) ? std::string() : find.text(3);
    ClearResult result = ClearResult::cleared;
    if (lifted == "deleted") {
      unlift(db_, uid, made_by);
      Records w(db_);
      (void)w.hide(Kind::injury, uid, made_by);
      result = ClearResult::confirmed_deletion;
    } else if (!lifted.empty()) {
      unlift(db_, uid, made_by);
      result = ClearResult::confirmed_clearing;
    } else if (cleared) {
      return ClearResult::not_open;
    } else {
      {
        // The clearing travels; the injury's own record stays its maker's to send.
        Quiet quiet(db_);
        db_.prepare("UPDATE injuries SET cleared = 1 WHERE id = ?").bind(1, id).run();
      }
      db_.prepare(
             "INSERT INTO injury_clearings (uid, device, injury_uid, at, injury_device) VALUES (?, "
             "?, ?, ?, ?)")
          .bind(1, new_uuid_v7(now))
          .bind(2, device())
          .bind(3, uid)
          .bind(4, unix_seconds(now))
          .bind(5, made_by)
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

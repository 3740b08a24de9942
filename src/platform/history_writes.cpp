// Everything the history store writes (platform/history_store.hpp): a session at its start, at
// every step boundary and at its end, ratings, deletions with their tombstones, injuries and their
// clearing, the daily check-in. Each write is one transaction through writing(), which turns an
// SQLite error into a HistoryError that names the file and says nothing stored was lost.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <string_view>
#include <vector>

#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "platform/ids.hpp"
#include "roll/progress.hpp"
#include "roll/zone.hpp"

namespace roll::platform {

using namespace history_detail;
using std::chrono::seconds;

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
        file_.string(), e.what(), hint(e.code, file_)));
  }
}

const std::string& HistoryStore::device() {
  if (!device_) {
    try {
      device_ = device_source_ ? device_source_() : std::string();
    } catch (const std::exception& e) {
      throw HistoryError(e.what());
    }
  }
  return *device_;
}

long long HistoryStore::begin_session(const SessionProgress& p) {
  return writing([&] { return begin_session_unguarded(p); });
}
void HistoryStore::update_session(long long id, const SessionProgress& p) {
  writing([&] { update_session_unguarded(id, p); });
}

void HistoryStore::set_ratings(long long id, std::optional<int> before, std::optional<int> after) {
  writing([&] {
    auto set = [&](const char* column, std::optional<int> value) {
      if (!value || !valid_rating(*value)) return;
      db_.prepare(fmt::format("UPDATE sessions SET {} = ? WHERE id = ?", column))
          .bind(1, *value)
          .bind(2, id)
          .run();
    };
    set("rating_before", before);
    set("rating_after", after);
  });
}

long long HistoryStore::begin_session_unguarded(const SessionProgress& p) {
  sqlite::Transaction tx(db_);
  auto started = std::chrono::floor<seconds>(p.started_at);
  db_.prepare(
         "INSERT INTO sessions (uid, device, routine, title, started_at, ended_at, "
         "planned_seconds, completed_seconds, status, utc_offset, origin) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)")
      .bind(1, new_uuid_v7(p.started_at))
      .bind(2, device())
      .bind(3, p.routine_name)
      .bind(4, p.routine_title)
      .bind(5, unix_seconds(started))
      .bind(6, unix_seconds(started))
      .bind(7, p.planned_seconds)
      .bind(8, p.completed_seconds)
      .bind(9, offset_at(started))
      .bind(10, origin_name(p.origin))
      .run();
  long long id = db_.last_insert_id();
  tx.commit();
  if (p.completed_seconds > 0 || !p.zone_seconds.empty() || p.status != SessionStatus::running)
    update_session_unguarded(id, p);
  return id;
}

void HistoryStore::update_session_unguarded(long long id, const SessionProgress& p) {
  sqlite::Transaction tx(db_);
  auto now = std::chrono::system_clock::now();
  db_.prepare(
         "UPDATE sessions SET ended_at = ?, planned_seconds = ?, completed_seconds = ?, status = ? "
         "WHERE id = ?")
      .bind(1, unix_seconds(std::chrono::floor<seconds>(p.ended_at)))
      .bind(2, p.planned_seconds)
      .bind(3, p.completed_seconds)
      .bind(4, status_name(p.status))
      .bind(5, id)
      .run();
  // Updated in place, so a zone's record keeps its uid from the first step to the last.
  auto zone = db_.prepare(
      "INSERT INTO session_zones (session_id, zone, seconds, uid, device) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (session_id, zone) DO UPDATE SET seconds = excluded.seconds");
  for (const auto& [name, secs] : p.zone_seconds) {
    zone.reset();
    zone.bind(1, id).bind(2, name).bind(3, secs).bind(4, new_uuid_v7(now)).bind(5, device()).run();
  }
  // Readings and skips only ever grow during a session: store the new ones.
  auto stored = [&](const char* table) {
    auto st = db_.prepare(fmt::format("SELECT count(*) FROM {} WHERE session_id = ?", table));
    st.bind(1, id);
    return st.step() ? static_cast<std::size_t>(st.int64(0)) : 0;
  };
  auto pressure = db_.prepare(
      "INSERT INTO pressures (session_id, at_seconds, value, zone, uid, device) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = stored("pressures"); i < p.pressures.size(); ++i) {
    const auto& r = p.pressures[i];
    pressure.reset();
    pressure.bind(1, id).bind(2, r.at_seconds).bind(3, r.value).bind(4, r.zone);
    pressure.bind(5, new_uuid_v7(now)).bind(6, device()).run();
  }
  auto skip = db_.prepare(
      "INSERT INTO skipped_steps (uid, device, session_id, step, name, at_seconds) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = stored("skipped_steps"); i < p.skipped.size(); ++i) {
    const auto& s = p.skipped[i];
    skip.reset();
    skip.bind(1, new_uuid_v7(now)).bind(2, device()).bind(3, id).bind(4, s.step);
    skip.bind(5, s.name).bind(6, s.at_seconds).run();
  }
  auto hold = db_.prepare(
      "INSERT INTO hold_changes (uid, device, session_id, step, at_seconds, delta_seconds) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = stored("hold_changes"); i < p.hold_changes.size(); ++i) {
    const auto& h = p.hold_changes[i];
    hold.reset();
    hold.bind(1, new_uuid_v7(now)).bind(2, device()).bind(3, id).bind(4, h.step - 1);
    hold.bind(5, h.at_seconds).bind(6, h.seconds).run();
  }
  if (p.status == SessionStatus::pain_stop && p.pain_zone) {
    auto uid = db_.prepare("SELECT uid FROM sessions WHERE id = ?");
    uid.bind(1, id);
    if (uid.step()) {
      std::string session_uid = uid.text(0);
      auto exists = db_.prepare("SELECT 1 FROM pain_stops WHERE session_uid = ?");
      exists.bind(1, session_uid);
      if (!exists.step()) {
        auto at = std::chrono::floor<seconds>(p.ended_at);
        db_.prepare(
               "INSERT INTO pain_stops (uid, device, session_uid, at, utc_offset, zone) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, new_uuid_v7(p.ended_at))
            .bind(2, device())
            .bind(3, session_uid)
            .bind(4, unix_seconds(at))
            .bind(5, offset_at(at))
            .bind(6, *p.pain_zone)
            .run();
      }
    }
  }
  tx.commit();
}

bool HistoryStore::delete_session(const std::string& uid, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT id FROM sessions WHERE uid = ?");
    find.bind(1, uid);
    if (!find.step()) return false;
    auto id = find.int64(0);
    auto tomb = db_.prepare(
        "INSERT OR IGNORE INTO tombstones (uid, kind, device, deleted_at) VALUES (?, ?, ?, ?)");
    auto bury = [&](const std::string& dead, const char* kind) {
      tomb.reset();
      tomb.bind(1, dead).bind(2, kind).bind(3, device()).bind(4, unix_seconds(now)).run();
    };
    bury(uid, "session");
    auto remove_children = [&](const char* table, const char* kind, const char* key, auto value) {
      auto children = db_.prepare(fmt::format("SELECT uid FROM {} WHERE {} = ?", table, key));
      children.bind(1, value);
      std::vector<std::string> uids;
      while (children.step()) uids.push_back(children.text(0));
      for (const auto& u : uids)
        if (!u.empty()) bury(u, kind);
      db_.prepare(fmt::format("DELETE FROM {} WHERE {} = ?", table, key)).bind(1, value).run();
    };
    remove_children("session_zones", "session_zone", "session_id", id);
    remove_children("pressures", "pressure", "session_id", id);
    remove_children("skipped_steps", "skipped_step", "session_id", id);
    remove_children("hold_changes", "hold_change", "session_id", id);
    remove_children("pain_stops", "pain_stop", "session_uid", std::string_view{uid});
    db_.prepare("DELETE FROM sessions WHERE id = ?").bind(1, id).run();
    tx.commit();
    return true;
  });
}

long long HistoryStore::add_injury(const Injury& injury) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "INSERT INTO injuries (zone, at, note, cleared, uid, device) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, zone_name(injury.zone))
        .bind(2, unix_seconds(injury.at))
        .bind(3, injury.note)
        .bind(4, injury.cleared ? 1 : 0)
        .bind(5, new_uuid_v7(injury.at))
        .bind(6, device())
        .run();
    long long id = db_.last_insert_id();
    tx.commit();
    return id;
  });
}

bool HistoryStore::clear_injury(long long id, SysSeconds now) {
  return writing([&] {
    sqlite::Transaction tx(db_);
    auto find = db_.prepare("SELECT uid FROM injuries WHERE id = ? AND cleared = 0");
    find.bind(1, id);
    if (!find.step()) return false;
    std::string uid = find.text(0);
    db_.prepare("UPDATE injuries SET cleared = 1 WHERE id = ?").bind(1, id).run();
    db_.prepare("INSERT INTO injury_clearings (uid, device, injury_uid, at) VALUES (?, ?, ?, ?)")
        .bind(1, new_uuid_v7(now))
        .bind(2, device())
        .bind(3, uid)
        .bind(4, unix_seconds(now))
        .run();
    tx.commit();
    return true;
  });
}

int HistoryStore::clear_all_injuries(SysSeconds now) {
  std::vector<long long> ids;
  auto st = db_.prepare("SELECT id FROM injuries WHERE cleared = 0");
  while (st.step()) ids.push_back(st.int64(0));
  int n = 0;
  for (auto id : ids) n += clear_injury(id, now) ? 1 : 0;
  return n;
}

void HistoryStore::record_check_in(const std::string& day, bool answer, SysSeconds now) {
  writing([&] {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "INSERT OR REPLACE INTO check_ins (day, answer, uid, device, at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, day)
        .bind(2, answer ? 1 : 0)
        .bind(3, new_uuid_v7(now))
        .bind(4, device())
        .bind(5, unix_seconds(now))
        .run();
    tx.commit();
  });
}

void SqliteSessionLog::begin(const SessionProgress& progress) {
  id_ = store_->begin_session(progress);
  if (before_) store_->set_ratings(id_, before_, std::nullopt);
}

void SqliteSessionLog::update(const SessionProgress& progress) {
  if (id_ == 0) {
    begin(progress);
    return;
  }
  store_->update_session(id_, progress);
}

void SqliteSessionLog::end(const SessionProgress& progress) {
  SessionProgress final_progress = progress;
  // end() with a still-running status would leave the row looking killed; record what was said.
  if (final_progress.status == SessionStatus::running)
    final_progress.status = SessionStatus::interrupted;
  update(final_progress);
}

}  // namespace roll::platform

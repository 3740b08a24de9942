// Everything the history store writes (platform/history_store.hpp): a session at its start, at
// every step boundary and at its end, ratings, injuries, the daily check-in. (Deletions,
// restorations and clearings: history_deletions.cpp.) Each write is one transaction through
// writing(), which turns an SQLite error into a HistoryError that names the file and says nothing
// stored was lost.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <string_view>
#include <vector>

#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "platform/ids.hpp"
#include "roll/pain.hpp"
#include "roll/progress.hpp"
#include "roll/zone.hpp"

namespace roll::platform {

using namespace history_detail;
using std::chrono::seconds;

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

void HistoryStore::set_pain(long long id, std::optional<int> before, std::optional<int> after) {
  writing([&] {
    auto set = [&](const char* column, std::optional<int> value) {
      if (!value || !valid_pain(*value)) return;
      db_.prepare(fmt::format("UPDATE sessions SET {} = ? WHERE id = ?", column))
          .bind(1, *value)
          .bind(2, id)
          .run();
    };
    set("pain_before", before);
    set("pain_after", after);
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
  // What hangs on a session is made by the device that made the session (a child names its
  // session by uid, and its own device is its session's), even if this device's id changed since.
  std::string session_uid;
  std::string maker = device();
  {
    auto st = db_.prepare("SELECT uid, device FROM sessions WHERE id = ?");
    st.bind(1, id);
    if (st.step() && !st.is_null(0) && !st.is_null(1)) {
      session_uid = st.text(0);
      maker = st.text(1);
    }
  }
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
      "INSERT INTO session_zones (session_id, zone, seconds, uid, device, roller_seconds) VALUES "
      "(?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, zone) DO UPDATE SET seconds = "
      "excluded.seconds, roller_seconds = excluded.roller_seconds");
  for (const auto& [name, secs] : p.zone_seconds) {
    zone.reset();
    zone.bind(1, id).bind(2, name).bind(3, secs).bind(4, new_uuid_v7(now)).bind(5, maker);
    // Not recorded (NULL) where the caller does not know it: a session logged by hand.
    if (auto it = p.roller_seconds.find(name); it != p.roller_seconds.end()) {
      zone.bind(6, it->second);
    } else {
      zone.bind_null(6);
    }
    zone.run();
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
    pressure.bind(5, new_uuid_v7(now)).bind(6, maker).run();
  }
  auto skip = db_.prepare(
      "INSERT INTO skipped_steps (uid, device, session_id, step, name, at_seconds) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = stored("skipped_steps"); i < p.skipped.size(); ++i) {
    const auto& s = p.skipped[i];
    skip.reset();
    skip.bind(1, new_uuid_v7(now)).bind(2, maker).bind(3, id).bind(4, s.step);
    skip.bind(5, s.name).bind(6, s.at_seconds).run();
  }
  auto hold = db_.prepare(
      "INSERT INTO hold_changes (uid, device, session_id, step, at_seconds, delta_seconds) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = stored("hold_changes"); i < p.hold_changes.size(); ++i) {
    const auto& h = p.hold_changes[i];
    hold.reset();
    hold.bind(1, new_uuid_v7(now)).bind(2, maker).bind(3, id).bind(4, h.step - 1);
    hold.bind(5, h.at_seconds).bind(6, h.seconds).run();
  }
  if (p.status == SessionStatus::pain_stop && p.pain_zone) {
    if (!session_uid.empty()) {
      auto exists = db_.prepare("SELECT 1 FROM pain_stops WHERE session_uid = ? AND device = ?");
      exists.bind(1, session_uid).bind(2, maker);
      if (!exists.step()) {
        auto at = std::chrono::floor<seconds>(p.ended_at);
        db_.prepare(
               "INSERT INTO pain_stops (uid, device, session_uid, at, utc_offset, zone) "
               "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, new_uuid_v7(p.ended_at))
            .bind(2, maker)
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

void HistoryStore::end_after_failure(long long id) noexcept {
  try {
    writing([&] {
      db_.prepare("UPDATE sessions SET status = 'interrupted' WHERE id = ? AND status = 'running'")
          .bind(1, id)
          .run();
    });
  } catch (const std::exception&) {
    // As full as that: the row stays running, which every reader takes for unfinished.
  }
}

void SqliteSessionLog::begin(const SessionProgress& progress) {
  id_ = store_->begin_session(progress);
  if (before_) store_->set_ratings(id_, before_, std::nullopt);
  if (pain_before_) store_->set_pain(id_, pain_before_, std::nullopt);
}

void SqliteSessionLog::update(const SessionProgress& progress) {
  if (id_ == 0) {
    begin(progress);
    return;
  }
  try {
    store_->update_session(id_, progress);
  } catch (const HistoryError&) {
    // The session ends here with the error: its row says so if one small write still fits (a
    // smaller one than the step's, which failed).
    store_->end_after_failure(id_);
    throw;
  }
}

void SqliteSessionLog::end(const SessionProgress& progress) {
  SessionProgress final_progress = progress;
  // end() with a still-running status would leave the row looking killed; record what was said.
  if (final_progress.status == SessionStatus::running)
    final_progress.status = SessionStatus::interrupted;
  update(final_progress);
}

}  // namespace roll::platform

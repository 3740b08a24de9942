#pragma once
// What the history store's tests share (tests/unit/history_*_tests.cpp): a fixed device, SQL
// straight into the file, sessions to write, and the databases that older roll versions left.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "platform/history_store.hpp"

namespace roll::test {

using platform::DeviceIdSource;
using platform::HistoryStore;
using std::chrono::seconds;

inline SessionQuery with_details() {
  SessionQuery q;
  q.details = true;
  return q;
}

inline SessionProgress progress(const std::string& name, SysSeconds start) {
  SessionProgress p;
  p.routine_name = name;
  p.routine_title = "Title of " + name;
  p.started_at = start;
  p.ended_at = start;
  p.planned_seconds = 300;
  return p;
}

// Whether a session (a completed one, with `completed_only`) started in [from, to).
inline bool any_session(HistoryStore& store, SysSeconds from, SysSeconds to, bool completed_only) {
  SessionQuery q;
  q.since = from;
  q.until = to;
  auto rows = store.sessions(q);
  return std::any_of(rows.begin(), rows.end(), [&](const SessionRecord& r) {
    return !completed_only || r.status == SessionStatus::completed;
  });
}

// Runs `body` in a child process and returns its wait status.
template <class F>
inline int in_child(F body) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

inline constexpr const char* kDevice = "01890a5d-ac96-774b-bcce-b302099a8057";

inline DeviceIdSource fixed_device() {
  return [] { return std::string(kDevice); };
}

inline void sql(const std::filesystem::path& file, const std::string& text) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(raw, text.c_str(), nullptr, nullptr, &message);
  std::string m = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(raw);
  INFO(m);
  REQUIRE(rc == SQLITE_OK);
}

inline std::string one(const std::filesystem::path& file, const std::string& text) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(raw, text.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return out;
}

inline SysSeconds t0() {
  return SysSeconds{seconds{1'795'000'000}};
}

inline SessionProgress done(const std::string& name, SysSeconds start,
                            SessionStatus status = SessionStatus::completed) {
  SessionProgress p;
  p.routine_name = name;
  p.routine_title = "Title of " + name;
  p.started_at = start;
  p.ended_at = start + seconds{300};
  p.planned_seconds = 300;
  p.completed_seconds = 300;
  p.status = status;
  p.zone_seconds["thoracic"] = 300;
  return p;
}

// Version 2 as it shipped (the two migrations of the old roll), with one session in it.
inline void write_version_2(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  sql(file, R"sql(
CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine TEXT NOT NULL, title TEXT NOT NULL,
  started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, planned_seconds INTEGER NOT NULL,
  completed_seconds INTEGER NOT NULL, status TEXT NOT NULL);
CREATE TABLE session_zones (session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  zone TEXT NOT NULL, seconds INTEGER NOT NULL, PRIMARY KEY (session_id, zone)) WITHOUT ROWID;
CREATE TABLE pressures (session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  at_seconds INTEGER NOT NULL, value INTEGER NOT NULL, zone TEXT NOT NULL);
CREATE INDEX pressures_session ON pressures(session_id);
CREATE TABLE injuries (id INTEGER PRIMARY KEY, zone TEXT NOT NULL, at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '', cleared INTEGER NOT NULL DEFAULT 0);
CREATE TABLE check_ins (day TEXT PRIMARY KEY, answer INTEGER NOT NULL);
CREATE INDEX sessions_started ON sessions(started_at, status);
INSERT INTO sessions VALUES (1, 'bedtime', 'Bedtime', 1795000000, 1795000300, 300, 300, 'completed');
INSERT INTO session_zones VALUES (1, 'thoracic', 300);
INSERT INTO pressures VALUES (1, 20, 5, 'thoracic');
INSERT INTO injuries (zone, at) VALUES ('lumbar', 1794900000);
INSERT INTO check_ins VALUES ('2026-11-18', 0);
PRAGMA user_version = 2;
)sql");
}

// Version 3 as it shipped: version 2 above, then the honest-records migration, with one session
// (its zone, a reading, a skipped step) written as roll 3 wrote them.
inline void write_version_3(const std::filesystem::path& file) {
  write_version_2(file);
  sql(file, R"sql(
ALTER TABLE sessions ADD COLUMN uid TEXT;
ALTER TABLE sessions ADD COLUMN device TEXT;
ALTER TABLE sessions ADD COLUMN utc_offset INTEGER;
ALTER TABLE sessions ADD COLUMN origin TEXT NOT NULL DEFAULT 'live';
ALTER TABLE sessions ADD COLUMN rating_before INTEGER;
ALTER TABLE sessions ADD COLUMN rating_after INTEGER;
ALTER TABLE session_zones ADD COLUMN uid TEXT;
ALTER TABLE session_zones ADD COLUMN device TEXT;
ALTER TABLE pressures ADD COLUMN uid TEXT;
ALTER TABLE pressures ADD COLUMN device TEXT;
ALTER TABLE injuries ADD COLUMN uid TEXT;
ALTER TABLE injuries ADD COLUMN device TEXT;
ALTER TABLE check_ins ADD COLUMN uid TEXT;
ALTER TABLE check_ins ADD COLUMN device TEXT;
ALTER TABLE check_ins ADD COLUMN at INTEGER;
CREATE TABLE skipped_steps (uid TEXT PRIMARY KEY, device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, step INTEGER NOT NULL,
  name TEXT NOT NULL, at_seconds INTEGER NOT NULL);
CREATE INDEX skipped_steps_session ON skipped_steps(session_id);
CREATE TABLE pain_stops (uid TEXT PRIMARY KEY, device TEXT NOT NULL, session_uid TEXT NOT NULL,
  at INTEGER NOT NULL, utc_offset INTEGER NOT NULL, zone TEXT NOT NULL);
CREATE INDEX pain_stops_at ON pain_stops(at);
CREATE INDEX pain_stops_session ON pain_stops(session_uid);
CREATE TABLE injury_clearings (uid TEXT PRIMARY KEY, device TEXT NOT NULL,
  injury_uid TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE tombstones (uid TEXT PRIMARY KEY, kind TEXT NOT NULL, device TEXT NOT NULL,
  deleted_at INTEGER NOT NULL);
DROP INDEX sessions_started;
CREATE INDEX sessions_day ON sessions(started_at, status, origin, utc_offset, completed_seconds);
UPDATE sessions SET uid = '01890a5d-ac96-7000-8000-000000000001', device = 'd', utc_offset = 0;
UPDATE session_zones SET uid = '01890a5d-ac96-7000-8000-000000000002', device = 'd';
UPDATE pressures SET uid = '01890a5d-ac96-7000-8000-000000000003', device = 'd';
UPDATE injuries SET uid = '01890a5d-ac96-7000-8000-000000000004', device = 'd';
UPDATE check_ins SET uid = '01890a5d-ac96-7000-8000-000000000005', device = 'd', at = 1795000000;
INSERT INTO skipped_steps VALUES ('01890a5d-ac96-7000-8000-000000000006', 'd', 1, 2, 'Rib roll', 90);
CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
CREATE UNIQUE INDEX session_zones_uid ON session_zones(uid);
CREATE UNIQUE INDEX pressures_uid ON pressures(uid);
CREATE UNIQUE INDEX injuries_uid ON injuries(uid);
CREATE UNIQUE INDEX check_ins_uid ON check_ins(uid);
PRAGMA user_version = 3;
)sql");
}

}  // namespace roll::test

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

// Version 4 as it shipped (roll 0.1.0's first sync round): version 3 above, then hold changes
// and sync's bookkeeping, with every old record queued for the journal. Of the twenty outbox
// triggers it kept in the file, the sessions' insert trigger stands for them all.
inline void write_version_4(const std::filesystem::path& file) {
  write_version_3(file);
  sql(file, R"sql(
CREATE TABLE hold_changes (uid TEXT PRIMARY KEY, device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, step INTEGER NOT NULL,
  at_seconds INTEGER NOT NULL, delta_seconds INTEGER NOT NULL);
CREATE INDEX hold_changes_session ON hold_changes(session_id);
CREATE TABLE sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), merging INTEGER NOT NULL DEFAULT 0,
  device TEXT, journal_bytes INTEGER NOT NULL DEFAULT 0, journal_lines INTEGER NOT NULL DEFAULT 0,
  last_sync INTEGER);
INSERT INTO sync_state (id) VALUES (1);
CREATE TABLE sync_journals (device TEXT PRIMARY KEY, bytes INTEGER NOT NULL,
  lines INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_outbox (kind TEXT NOT NULL, uid TEXT NOT NULL, PRIMARY KEY (kind, uid))
  WITHOUT ROWID;
CREATE TRIGGER sessions_outbox_insert AFTER INSERT ON sessions
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session' AND uid = new.uid); END;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'session', uid FROM sessions;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'session_zone', uid FROM session_zones;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'pressure', uid FROM pressures;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'skipped_step', uid FROM skipped_steps;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'injury', uid FROM injuries;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'check_in', uid FROM check_ins;
PRAGMA user_version = 4;
)sql");
}

// Version 5 as it shipped (roll 0.1.0): version 4 without its triggers, with what a deletion left
// then: a second session deleted, nothing of it kept but its tombstone (and its zone's), and a
// journal read from another device.
inline void write_version_5(const std::filesystem::path& file) {
  write_version_4(file);
  sql(file, R"sql(
DROP TRIGGER sessions_outbox_insert;
INSERT INTO tombstones VALUES ('01890a5d-ac96-7000-8000-000000000007', 'session', 'd', 1795100000);
INSERT INTO tombstones VALUES ('01890a5d-ac96-7000-8000-000000000008', 'session_zone', 'd',
  1795100000);
INSERT INTO sync_journals VALUES ('01890a5d-ac96-7000-8000-0000000000ff', 420, 3);
UPDATE sync_state SET device = 'd', journal_bytes = 0, journal_lines = 0, last_sync = 1795100000;
PRAGMA user_version = 5;
)sql");
}

// Version 8 as it shipped: version 5 above, then kept deletions (6), pain (7) and prescriptions
// (8), with what a record's uid alone keyed then: a session of device 'd' deleted by device 'e'
// and kept with its zone, a pain stop of session ...001, the injury cleared by device 'e' with a
// clearing that names it by uid alone, and the outbox naming records by kind and uid.
inline void write_version_8(const std::filesystem::path& file) {
  write_version_5(file);
  sql(file, R"sql(
CREATE TABLE tombstones_6 (uid TEXT NOT NULL, kind TEXT NOT NULL, device TEXT NOT NULL,
  deleted_at INTEGER NOT NULL, version INTEGER, restored INTEGER,
  purged INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (uid, kind));
INSERT INTO tombstones_6 (uid, kind, device, deleted_at)
  SELECT uid, kind, device, deleted_at FROM tombstones ORDER BY rowid;
DROP TABLE tombstones;
ALTER TABLE tombstones_6 RENAME TO tombstones;
CREATE TABLE deleted_records (uid TEXT NOT NULL, kind TEXT NOT NULL, parent TEXT,
  line TEXT NOT NULL, PRIMARY KEY (uid, kind)) WITHOUT ROWID;
CREATE INDEX deleted_records_parent ON deleted_records(parent);
ALTER TABLE injuries ADD COLUMN lifted TEXT;
ALTER TABLE injuries ADD COLUMN lifted_by TEXT;
CREATE TABLE sync_notices (id INTEGER PRIMARY KEY, device TEXT NOT NULL, change TEXT NOT NULL,
  kind TEXT NOT NULL, uid TEXT NOT NULL, subject TEXT NOT NULL, subject_at INTEGER,
  shown INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sync_speaks_for (device TEXT PRIMARY KEY, declared INTEGER NOT NULL DEFAULT 0)
  WITHOUT ROWID;
ALTER TABLE sync_journals ADD COLUMN skipping INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_journals ADD COLUMN speaks_for TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN pain_before INTEGER;
ALTER TABLE sessions ADD COLUMN pain_after INTEGER;
CREATE TABLE prescriptions (uid TEXT NOT NULL UNIQUE, device TEXT NOT NULL, name TEXT NOT NULL,
  text TEXT NOT NULL, from_day TEXT NOT NULL, until_day TEXT NOT NULL, added_at INTEGER NOT NULL,
  ended_at INTEGER);
INSERT INTO tombstones (uid, kind, device, deleted_at, version, restored) VALUES
  ('01890a5d-ac96-7000-8000-000000000009', 'session', 'e', 1795200000, 1795200000, 0);
INSERT INTO deleted_records VALUES ('01890a5d-ac96-7000-8000-000000000009', 'session', NULL,
  '{"v":1,"kind":"session","uid":"01890a5d-ac96-7000-8000-000000000009","device":"d","fields":{"routine":"thoracic","title":"Thoracic","started_at":1795100000,"ended_at":1795100060,"planned_seconds":60,"completed_seconds":60,"status":"completed","origin":"by-hand","utc_offset":0,"rating_before":null,"rating_after":null}}');
INSERT INTO deleted_records VALUES ('01890a5d-ac96-7000-8000-00000000000a', 'session_zone',
  '01890a5d-ac96-7000-8000-000000000009',
  '{"v":1,"kind":"session_zone","uid":"01890a5d-ac96-7000-8000-00000000000a","device":"d","fields":{"session":"01890a5d-ac96-7000-8000-000000000009","zone":"thoracic","seconds":60}}');
INSERT INTO pain_stops VALUES ('01890a5d-ac96-7000-8000-00000000000b', 'd',
  '01890a5d-ac96-7000-8000-000000000001', 1795000200, 0, 'thoracic');
INSERT INTO injury_clearings VALUES ('01890a5d-ac96-7000-8000-00000000000c', 'e',
  '01890a5d-ac96-7000-8000-000000000004', 1795150000);
UPDATE injuries SET cleared = 1;
INSERT INTO sync_outbox VALUES ('pain_stop', '01890a5d-ac96-7000-8000-00000000000b');
INSERT INTO sync_outbox VALUES ('tombstone', '01890a5d-ac96-7000-8000-000000000009');
PRAGMA user_version = 8;
)sql");
}

// Version 9 as it was before the PSFS answers: version 8 above, then migration 9 (a record is its
// device and its uid) as it was written, with the rows version 8 left.
inline void write_version_9(const std::filesystem::path& file) {
  write_version_8(file);
  sql(file, R"sql(
DROP INDEX sessions_uid;
CREATE UNIQUE INDEX sessions_uid ON sessions(uid, device);
DROP INDEX session_zones_uid;
CREATE UNIQUE INDEX session_zones_uid ON session_zones(uid, device);
DROP INDEX pressures_uid;
CREATE UNIQUE INDEX pressures_uid ON pressures(uid, device);
DROP INDEX injuries_uid;
CREATE UNIQUE INDEX injuries_uid ON injuries(uid, device);
DROP INDEX check_ins_uid;
CREATE UNIQUE INDEX check_ins_uid ON check_ins(uid, device);
CREATE TABLE skipped_steps_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  name TEXT NOT NULL,
  at_seconds INTEGER NOT NULL,
  PRIMARY KEY (uid, device)
);
INSERT INTO skipped_steps_9 (rowid, uid, device, session_id, step, name, at_seconds)
  SELECT rowid, uid, device, session_id, step, name, at_seconds FROM skipped_steps;
DROP TABLE skipped_steps;
ALTER TABLE skipped_steps_9 RENAME TO skipped_steps;
CREATE INDEX skipped_steps_session ON skipped_steps(session_id);
CREATE TABLE hold_changes_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  at_seconds INTEGER NOT NULL,
  delta_seconds INTEGER NOT NULL,
  PRIMARY KEY (uid, device)
);
INSERT INTO hold_changes_9 (rowid, uid, device, session_id, step, at_seconds, delta_seconds)
  SELECT rowid, uid, device, session_id, step, at_seconds, delta_seconds FROM hold_changes;
DROP TABLE hold_changes;
ALTER TABLE hold_changes_9 RENAME TO hold_changes;
CREATE INDEX hold_changes_session ON hold_changes(session_id);
CREATE TABLE pain_stops_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  session_uid TEXT NOT NULL,
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL,
  zone TEXT NOT NULL,
  PRIMARY KEY (uid, device)
);
INSERT INTO pain_stops_9 (rowid, uid, device, session_uid, at, utc_offset, zone)
  SELECT rowid, uid, device, session_uid, at, utc_offset, zone FROM pain_stops;
DROP TABLE pain_stops;
ALTER TABLE pain_stops_9 RENAME TO pain_stops;
CREATE INDEX pain_stops_at ON pain_stops(at);
CREATE INDEX pain_stops_session ON pain_stops(session_uid, device);
CREATE TABLE injury_clearings_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  injury_uid TEXT NOT NULL,
  at INTEGER NOT NULL,
  injury_device TEXT,
  PRIMARY KEY (uid, device)
);
INSERT INTO injury_clearings_9 (rowid, uid, device, injury_uid, at)
  SELECT rowid, uid, device, injury_uid, at FROM injury_clearings;
DROP TABLE injury_clearings;
ALTER TABLE injury_clearings_9 RENAME TO injury_clearings;
CREATE INDEX injury_clearings_injury ON injury_clearings(injury_uid);
CREATE TABLE prescriptions_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  from_day TEXT NOT NULL,
  until_day TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  ended_at INTEGER,
  UNIQUE (uid, device)
);
INSERT INTO prescriptions_9 (rowid, uid, device, name, text, from_day, until_day, added_at, ended_at)
  SELECT rowid, uid, device, name, text, from_day, until_day, added_at, ended_at FROM prescriptions;
DROP TABLE prescriptions;
ALTER TABLE prescriptions_9 RENAME TO prescriptions;
CREATE TABLE tombstones_9 (
  uid TEXT NOT NULL,
  kind TEXT NOT NULL,
  of_device TEXT NOT NULL DEFAULT '',
  device TEXT NOT NULL,
  deleted_at INTEGER NOT NULL,
  version INTEGER,
  restored INTEGER,
  purged INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (uid, kind, of_device)
);
INSERT INTO tombstones_9 (rowid, uid, kind, device, deleted_at, version, restored, purged)
  SELECT rowid, uid, kind, device, deleted_at, version, restored, purged FROM tombstones;
DROP TABLE tombstones;
ALTER TABLE tombstones_9 RENAME TO tombstones;
CREATE TABLE deleted_records_9 (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent TEXT,
  parent_device TEXT,
  line TEXT NOT NULL,
  PRIMARY KEY (uid, device, kind)
) WITHOUT ROWID;
INSERT OR IGNORE INTO deleted_records_9 (uid, device, kind, parent, parent_device, line)
  SELECT uid, coalesce(json_extract(line, '$.device'), ''), kind, parent,
    CASE WHEN parent IS NULL THEN NULL WHEN kind = 'injury_clearing' THEN ''
    ELSE coalesce(json_extract(line, '$.device'), '') END, line
  FROM deleted_records WHERE json_valid(line);
DROP TABLE deleted_records;
ALTER TABLE deleted_records_9 RENAME TO deleted_records;
CREATE INDEX deleted_records_parent ON deleted_records(parent);
CREATE TABLE sync_outbox_9 (
  kind TEXT NOT NULL,
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (kind, uid, device)
) WITHOUT ROWID;
INSERT OR IGNORE INTO sync_outbox_9 (kind, uid, device)
  SELECT o.kind, o.uid, coalesce(
    CASE o.kind
      WHEN 'session' THEN (SELECT device FROM sessions WHERE uid = o.uid)
      WHEN 'session_zone' THEN (SELECT device FROM session_zones WHERE uid = o.uid)
      WHEN 'pressure' THEN (SELECT device FROM pressures WHERE uid = o.uid)
      WHEN 'skipped_step' THEN (SELECT device FROM skipped_steps WHERE uid = o.uid)
      WHEN 'hold_change' THEN (SELECT device FROM hold_changes WHERE uid = o.uid)
      WHEN 'pain_stop' THEN (SELECT device FROM pain_stops WHERE uid = o.uid)
      WHEN 'injury' THEN (SELECT device FROM injuries WHERE uid = o.uid)
      WHEN 'injury_clearing' THEN (SELECT device FROM injury_clearings WHERE uid = o.uid)
      WHEN 'check_in' THEN (SELECT device FROM check_ins WHERE uid = o.uid)
      WHEN 'prescription' THEN (SELECT device FROM prescriptions WHERE uid = o.uid)
      ELSE '' END, '')
  FROM sync_outbox o;
DROP TABLE sync_outbox;
ALTER TABLE sync_outbox_9 RENAME TO sync_outbox;
PRAGMA user_version = 9;
)sql");
}

// Version 10 as it was before a zone kept its time on the roller: version 9 above, then migration
// 10 (the PSFS answers) as it was written, with the rows version 9 left (the thoracic zone of
// version 5, 300 s, cat-cow or not, and the deleted session's zone kept as its line).
inline void write_version_10(const std::filesystem::path& file) {
  write_version_9(file);
  sql(file, R"sql(
CREATE TABLE psfs_answers (
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL,
  activity_1 TEXT NOT NULL,
  score_1 INTEGER NOT NULL,
  activity_2 TEXT,
  score_2 INTEGER,
  activity_3 TEXT,
  score_3 INTEGER,
  activity_4 TEXT,
  score_4 INTEGER,
  activity_5 TEXT,
  score_5 INTEGER,
  UNIQUE (uid, device)
);
PRAGMA user_version = 10;
)sql");
}

}  // namespace roll::test

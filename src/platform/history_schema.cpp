// The history's schema (platform/history_store.hpp): the migrations from each version to the
// next, the copy kept before an upgrade, and the ids and offsets given to rows from before they
// were stored.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <iterator>
#include <system_error>
#include <utility>
#include <vector>

#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "platform/ids.hpp"

namespace roll::platform {

using namespace history_detail;
using std::chrono::seconds;

namespace {

// Each entry takes the schema from version i to i+1. Never edit one that has shipped: add another.
constexpr const char* kMigrations[] = {
    // 0 -> 1: the first history format.
    R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  routine TEXT NOT NULL,
  title TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  planned_seconds INTEGER NOT NULL,
  completed_seconds INTEGER NOT NULL,
  status TEXT NOT NULL
);
)sql",
    // 1 -> 2: seconds per zone, pressure readings, injuries, the daily check-in, and an index for
    // `roll due` and `--since` on years of nightly sessions.
    R"sql(
CREATE TABLE session_zones (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  zone TEXT NOT NULL,
  seconds INTEGER NOT NULL,
  PRIMARY KEY (session_id, zone)
) WITHOUT ROWID;
CREATE TABLE pressures (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  at_seconds INTEGER NOT NULL,
  value INTEGER NOT NULL,
  zone TEXT NOT NULL
);
CREATE INDEX pressures_session ON pressures(session_id);
CREATE TABLE injuries (
  id INTEGER PRIMARY KEY,
  zone TEXT NOT NULL,
  at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  cleared INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE check_ins (
  day TEXT PRIMARY KEY,
  answer INTEGER NOT NULL
);
CREATE INDEX sessions_started ON sessions(started_at, status);
)sql",
    // 2 -> 3, everything the honest-records round needs at once: a globally unique id (uid, UUID
    // v7) and the making device on every record; the UTC offset a session started at; how it
    // came in (live, rehearsal, by-hand); before/after ratings (asked by a later roll); skipped
    // steps; pain stops and injury clearings as records of their own; tombstones for deletions.
    // The uids of rows already there are filled in by backfill_ids() in the same transaction.
    R"sql(
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
CREATE TABLE skipped_steps (
  uid TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  name TEXT NOT NULL,
  at_seconds INTEGER NOT NULL
);
CREATE INDEX skipped_steps_session ON skipped_steps(session_id);
CREATE TABLE pain_stops (
  uid TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  session_uid TEXT NOT NULL,
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL,
  zone TEXT NOT NULL
);
CREATE INDEX pain_stops_at ON pain_stops(at);
CREATE INDEX pain_stops_session ON pain_stops(session_uid);
CREATE TABLE injury_clearings (
  uid TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  injury_uid TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE tombstones (
  uid TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  device TEXT NOT NULL,
  deleted_at INTEGER NOT NULL
);
DROP INDEX sessions_started;
CREATE INDEX sessions_day ON sessions(started_at, status, origin, utc_offset, completed_seconds);
)sql",
    // 3 -> 4: hold changes (the floor round), and sync's bookkeeping: which records
    // this device has still to append to its journal (sync_outbox, filled by the triggers below
    // for every record written here, or imported, but not for one merged from another device's
    // journal, which is already in that journal; NOT EXISTS rather than OR IGNORE, which an upsert
    // firing the trigger overrides), how far this device's own journal and every
    // other device's journal have been written and read, and which device the journal of this
    // database belongs to (a data folder copied to another machine must not share it).
    // (hold_changes: `step` counts from 0, as in skipped_steps.)
    R"sql(
CREATE TABLE hold_changes (
  uid TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  at_seconds INTEGER NOT NULL,
  delta_seconds INTEGER NOT NULL
);
CREATE INDEX hold_changes_session ON hold_changes(session_id);
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  merging INTEGER NOT NULL DEFAULT 0,
  device TEXT,
  journal_bytes INTEGER NOT NULL DEFAULT 0,
  journal_lines INTEGER NOT NULL DEFAULT 0,
  last_sync INTEGER
);
INSERT INTO sync_state (id) VALUES (1);
CREATE TABLE sync_journals (
  device TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  lines INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_outbox (
  kind TEXT NOT NULL,
  uid TEXT NOT NULL,
  PRIMARY KEY (kind, uid)
) WITHOUT ROWID;
CREATE TRIGGER sessions_outbox_insert AFTER INSERT ON sessions
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session' AND uid = new.uid); END;
CREATE TRIGGER sessions_outbox_update AFTER UPDATE ON sessions
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session' AND uid = new.uid); END;
CREATE TRIGGER session_zones_outbox_insert AFTER INSERT ON session_zones
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session_zone', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session_zone' AND uid = new.uid); END;
CREATE TRIGGER session_zones_outbox_update AFTER UPDATE ON session_zones
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'session_zone', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'session_zone' AND uid = new.uid); END;
CREATE TRIGGER pressures_outbox_insert AFTER INSERT ON pressures
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'pressure', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'pressure' AND uid = new.uid); END;
CREATE TRIGGER pressures_outbox_update AFTER UPDATE ON pressures
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'pressure', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'pressure' AND uid = new.uid); END;
CREATE TRIGGER skipped_steps_outbox_insert AFTER INSERT ON skipped_steps
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'skipped_step', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'skipped_step' AND uid = new.uid); END;
CREATE TRIGGER skipped_steps_outbox_update AFTER UPDATE ON skipped_steps
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'skipped_step', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'skipped_step' AND uid = new.uid); END;
CREATE TRIGGER hold_changes_outbox_insert AFTER INSERT ON hold_changes
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'hold_change', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'hold_change' AND uid = new.uid); END;
CREATE TRIGGER hold_changes_outbox_update AFTER UPDATE ON hold_changes
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'hold_change', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'hold_change' AND uid = new.uid); END;
CREATE TRIGGER pain_stops_outbox_insert AFTER INSERT ON pain_stops
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'pain_stop', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'pain_stop' AND uid = new.uid); END;
CREATE TRIGGER pain_stops_outbox_update AFTER UPDATE ON pain_stops
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'pain_stop', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'pain_stop' AND uid = new.uid); END;
CREATE TRIGGER injuries_outbox_insert AFTER INSERT ON injuries
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'injury', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'injury' AND uid = new.uid); END;
CREATE TRIGGER injuries_outbox_update AFTER UPDATE ON injuries
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'injury', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'injury' AND uid = new.uid); END;
CREATE TRIGGER injury_clearings_outbox_insert AFTER INSERT ON injury_clearings
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'injury_clearing', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'injury_clearing' AND uid = new.uid); END;
CREATE TRIGGER injury_clearings_outbox_update AFTER UPDATE ON injury_clearings
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'injury_clearing', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'injury_clearing' AND uid = new.uid); END;
CREATE TRIGGER check_ins_outbox_insert AFTER INSERT ON check_ins
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'check_in', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'check_in' AND uid = new.uid); END;
CREATE TRIGGER check_ins_outbox_update AFTER UPDATE ON check_ins
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'check_in', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'check_in' AND uid = new.uid); END;
CREATE TRIGGER tombstones_outbox_insert AFTER INSERT ON tombstones
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'tombstone', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'tombstone' AND uid = new.uid); END;
CREATE TRIGGER tombstones_outbox_update AFTER UPDATE ON tombstones
  WHEN new.uid IS NOT NULL AND (SELECT merging FROM sync_state) = 0
  BEGIN INSERT INTO sync_outbox (kind, uid) SELECT 'tombstone', new.uid WHERE NOT EXISTS
    (SELECT 1 FROM sync_outbox WHERE kind = 'tombstone' AND uid = new.uid); END;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'session', uid FROM sessions WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'session_zone', uid FROM session_zones WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'pressure', uid FROM pressures WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'skipped_step', uid FROM skipped_steps WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'hold_change', uid FROM hold_changes WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'pain_stop', uid FROM pain_stops WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'injury', uid FROM injuries WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'injury_clearing', uid FROM injury_clearings WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'check_in', uid FROM check_ins WHERE uid IS NOT NULL;
INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT 'tombstone', uid FROM tombstones WHERE uid IS NOT NULL;
)sql",
    // 4 -> 5: the outbox's triggers leave the file. Every connection parsed all twenty of them at
    // open, readers too, and that was most of what `roll due` executed. Each writing connection
    // now creates them as TEMP triggers (add_outbox_triggers); the outbox is unchanged.
    R"sql(
DROP TRIGGER IF EXISTS sessions_outbox_insert;
DROP TRIGGER IF EXISTS sessions_outbox_update;
DROP TRIGGER IF EXISTS session_zones_outbox_insert;
DROP TRIGGER IF EXISTS session_zones_outbox_update;
DROP TRIGGER IF EXISTS pressures_outbox_insert;
DROP TRIGGER IF EXISTS pressures_outbox_update;
DROP TRIGGER IF EXISTS skipped_steps_outbox_insert;
DROP TRIGGER IF EXISTS skipped_steps_outbox_update;
DROP TRIGGER IF EXISTS hold_changes_outbox_insert;
DROP TRIGGER IF EXISTS hold_changes_outbox_update;
DROP TRIGGER IF EXISTS pain_stops_outbox_insert;
DROP TRIGGER IF EXISTS pain_stops_outbox_update;
DROP TRIGGER IF EXISTS injuries_outbox_insert;
DROP TRIGGER IF EXISTS injuries_outbox_update;
DROP TRIGGER IF EXISTS injury_clearings_outbox_insert;
DROP TRIGGER IF EXISTS injury_clearings_outbox_update;
DROP TRIGGER IF EXISTS check_ins_outbox_insert;
DROP TRIGGER IF EXISTS check_ins_outbox_update;
DROP TRIGGER IF EXISTS tombstones_outbox_insert;
DROP TRIGGER IF EXISTS tombstones_outbox_update;
)sql",
    // 5 -> 6, sync that another device cannot use to erase anything: a deleted record is kept
    // (deleted_records, its line as a journal writes it, with what hangs on it), its tombstone
    // gains a version and whether it restores (NULL for a tombstone from before: its deleted_at
    // is its version) and, for this device only, whether it was purged, and is keyed by the uid
    // and the kind it deletes (a record is its uid and its kind: a tombstone of another kind
    // never touches it, whatever order they arrive in); an injury cleared or
    // deleted on another device keeps guarding until confirmed here (lifted, lifted_by); the
    // changes to show on the next bare `roll` (sync_notices); the ids besides its own that this
    // device's journal carries and whether its header has listed them (sync_speaks_for); a
    // journal read up to inside a line too long to be a record (sync_journals.skipping), and the
    // ids
    // besides its own that another device's journal has said it carries (sync_journals.speaks_for).
    R"sql(
CREATE TABLE tombstones_6 (
  uid TEXT NOT NULL,
  kind TEXT NOT NULL,
  device TEXT NOT NULL,
  deleted_at INTEGER NOT NULL,
  version INTEGER,
  restored INTEGER,
  purged INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (uid, kind)
);
INSERT INTO tombstones_6 (uid, kind, device, deleted_at)
  SELECT uid, kind, device, deleted_at FROM tombstones ORDER BY rowid;
DROP TABLE tombstones;
ALTER TABLE tombstones_6 RENAME TO tombstones;
CREATE TABLE deleted_records (
  uid TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent TEXT,
  line TEXT NOT NULL,
  PRIMARY KEY (uid, kind)
) WITHOUT ROWID;
CREATE INDEX deleted_records_parent ON deleted_records(parent);
ALTER TABLE injuries ADD COLUMN lifted TEXT;
ALTER TABLE injuries ADD COLUMN lifted_by TEXT;
CREATE TABLE sync_notices (
  id INTEGER PRIMARY KEY,
  device TEXT NOT NULL,
  change TEXT NOT NULL,
  kind TEXT NOT NULL,
  uid TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_at INTEGER,
  shown INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_speaks_for (
  device TEXT PRIMARY KEY,
  declared INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
ALTER TABLE sync_journals ADD COLUMN skipping INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_journals ADD COLUMN speaks_for TEXT NOT NULL DEFAULT '';
)sql",
    // 6 -> 7: pain on the 0-10 numeric rating scale (0 no pain, 10 the worst imaginable), before
    // and after a session. Columns of their own: rating_before and rating_after are the older
    // "how does your back feel" scale (10 fine), kept with their values and meaning, never
    // copied here.
    R"sql(
ALTER TABLE sessions ADD COLUMN pain_before INTEGER;
ALTER TABLE sessions ADD COLUMN pain_after INTEGER;
)sql",
    // 7 -> 8: the prescriptions added with `roll prescription add` (docs/prescriptions.md): the
    // file's text as added, its first and last day, and when `roll prescription end` ended it.
    R"sql(
CREATE TABLE prescriptions (
  uid TEXT NOT NULL UNIQUE,
  device TEXT NOT NULL,
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  from_day TEXT NOT NULL,
  until_day TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  ended_at INTEGER
);
)sql",
    // 8 -> 9: a record is its device and its uid, not its uid alone, so that a device that sends
    // another's uid under its own id only adds a record of its own beside the other's, and never
    // keeps it out (tests/SECURITY.md). Every uid's unique index or key gains the device; a
    // tombstone, a kept deleted record's parent and a clearing's injury gain the device of the
    // record they are about ('' on a tombstone, NULL on a clearing: from before, every record of
    // that uid, as they meant then); the outbox names a record by its device too (a tombstone by
    // the device of what it is about). Tables are rebuilt with their rowids, which keep the
    // order records were stored in.
    R"sql(
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
)sql",
    // 9 -> 10: the answers to the weekly Patient-Specific Functional Scale question (outcomes.hpp):
    // when, at which offset, and up to five activities each rated 0-10, in the order asked. A
    // record is its device and its uid, as every other since 9.
    R"sql(
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
)sql",
    // 10 -> 11: the part of a zone's seconds on the roller (steps on the roller only; cat-cow and
    // the other movement off it are not). NULL, as every older row has it, is "not recorded":
    // never filled in from `seconds`, which counts the movement too.
    R"sql(
ALTER TABLE session_zones ADD COLUMN roller_seconds INTEGER;
)sql",
    // 11 -> 12: the records of another device stored from a journal that is not that device's own
    // (one whose header says it replaces it) or from an import: provisional until their own
    // device's journal carries them, which is the authority for what they are.
    R"sql(
CREATE TABLE provisional_records (
  kind TEXT NOT NULL,
  uid TEXT NOT NULL,
  device TEXT NOT NULL,
  PRIMARY KEY (kind, uid, device)
) WITHOUT ROWID;
)sql",
};
static_assert(std::size(kMigrations) == HistoryStore::kSchemaVersion);

// Created after backfill_ids() has given every old row its uid.
constexpr const char* kUidIndexes = R"sql(
CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
CREATE UNIQUE INDEX session_zones_uid ON session_zones(uid);
CREATE UNIQUE INDEX pressures_uid ON pressures(uid);
CREATE UNIQUE INDEX injuries_uid ON injuries(uid);
CREATE UNIQUE INDEX check_ins_uid ON check_ins(uid);
)sql";

}  // namespace

int HistoryStore::schema_version() {
  auto st = db_.prepare("PRAGMA user_version");
  // user_version is a 32-bit number in the file's header.
  return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void HistoryStore::backup_to(const std::filesystem::path& target) {
  // VACUUM INTO makes a consistent copy (with whatever the -wal holds) but cannot run inside the
  // write lock; so each process copies to a name of its own, and the one that migrates puts its
  // copy in place under the lock (migrate()).
  std::error_code ec;
  std::filesystem::remove(target, ec);
  auto st = db_.prepare("VACUUM INTO ?");
  st.bind(1, target.string());
  try {
    st.run();
  } catch (const sqlite::SqliteError& e) {
    std::filesystem::remove(target, ec);
    throw HistoryError(fmt::format(
        "cannot copy the history database to {} before upgrading it: {}{}; roll has not "
        "changed it",
        target.string(), e.what(), hint(e.code, target)));
  }
}

void HistoryStore::backfill_ids() {
  // Old rows get ids made from their own times, so that they sort where they happened.
  auto fill = [&](const char* table, const char* time_sql) {
    std::vector<std::pair<std::int64_t, std::int64_t>> rows;
    auto st =
        db_.prepare(fmt::format("SELECT rowid, {} FROM {} WHERE uid IS NULL", time_sql, table));
    while (st.step()) rows.emplace_back(st.int64(0), st.int64(1));
    auto set = db_.prepare(fmt::format("UPDATE {} SET uid = ?, device = ? WHERE rowid = ?", table));
    for (auto [rowid, at] : rows) {
      auto when = valid_unix_seconds(at) ? std::chrono::system_clock::time_point{seconds{at}}
                                         : std::chrono::system_clock::time_point{};
      set.reset();
      set.bind(1, new_uuid_v7(when)).bind(2, device()).bind(3, rowid).run();
    }
  };
  fill("sessions", "started_at");
  fill("injuries", "at");
  fill("check_ins", "0");
  // session_zones is WITHOUT ROWID: keyed by (session_id, zone).
  {
    std::vector<std::pair<std::int64_t, std::string>> rows;
    auto st = db_.prepare(
        "SELECT z.session_id, z.zone, s.started_at FROM session_zones z JOIN sessions s ON s.id = "
        "z.session_id WHERE z.uid IS NULL");
    std::vector<std::int64_t> times;
    while (st.step()) {
      rows.emplace_back(st.int64(0), st.text(1));
      times.push_back(st.int64(2));
    }
    auto set = db_.prepare(
        "UPDATE session_zones SET uid = ?, device = ? WHERE session_id = ? AND zone = ?");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto when = valid_unix_seconds(times[i])
                      ? std::chrono::system_clock::time_point{seconds{times[i]}}
                      : std::chrono::system_clock::time_point{};
      set.reset();
      set.bind(1, new_uuid_v7(when)).bind(2, device()).bind(3, rows[i].first);
      set.bind(4, rows[i].second).run();
    }
  }
  fill("pressures", "(SELECT started_at FROM sessions WHERE sessions.id = pressures.session_id)");
  // The zone the machine is in now is the best guess for sessions stored before offsets were.
  std::vector<std::pair<std::int64_t, std::int64_t>> starts;
  auto st = db_.prepare("SELECT id, started_at FROM sessions WHERE utc_offset IS NULL");
  while (st.step()) starts.emplace_back(st.int64(0), st.int64(1));
  auto set = db_.prepare("UPDATE sessions SET utc_offset = ? WHERE id = ?");
  for (auto [id, at] : starts) {
    set.reset();
    set.bind(1, valid_unix_seconds(at) ? offset_at(from_unix(at)) : 0).bind(2, id).run();
  }
}

void HistoryStore::migrate(int version) {
  // `version` is what configure() read; an older one is read again under the lock below.
  if (version == kSchemaVersion) return;
  std::filesystem::path copy;
  std::error_code ec;
  if (version > 0) {
    copy = fmt::format("{}.v{}.bak.{}", file_.string(), version, ::getpid());
    backup_to(copy);
  }
  struct RemoveCopy {
    const std::filesystem::path& path;
    ~RemoveCopy() {
      std::error_code ignored;
      if (!path.empty()) std::filesystem::remove(path, ignored);
    }
  } remove_copy{copy};
  sqlite::Transaction tx(db_);
  // Another process may have migrated while this one waited for the lock.
  int locked_version = schema_version();
  if (locked_version == kSchemaVersion) return;
  if (locked_version != version) {
    throw sqlite::SqliteError(SQLITE_BUSY, "the database changed version while roll copied it");
  }
  if (version > 0) {
    std::filesystem::rename(copy, fmt::format("{}.v{}.bak", file_.string(), version), ec);
    if (ec) {
      throw HistoryError(fmt::format(
          "cannot keep a copy of the history database before upgrading it: {}; roll has not "
          "changed it",
          ec.message()));
    }
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    db_.exec(kMigrations[v]);
    if (v == 2) {
      backfill_ids();
      db_.exec(kUidIndexes);
    }
  }
  db_.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
  tx.commit();
}

}  // namespace roll::platform

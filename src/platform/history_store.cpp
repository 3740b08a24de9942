#include "platform/history_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <system_error>
#include <unordered_map>

#include "platform/ids.hpp"
#include "platform/wall_clock.hpp"
#include "roll/progress.hpp"
#include "roll/zone.hpp"

namespace roll::platform {

namespace {

using std::chrono::seconds;

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
    // 3 -> 4: hold changes (the floor round), and sync's bookkeeping (issue 20): which records
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
    // open, readers too: 60% of what `roll due` executed (callgrind, issue #13). Each writing
    // connection now creates them as TEMP triggers (add_outbox_triggers); the outbox is unchanged.
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

// The files a damaged database consists of, those that exist: all of them move together, or
// SQLite would pair the old -wal with the next database.
std::string remedy(const std::filesystem::path& file) {
  std::string moves;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::path part = file.string() + suffix;
    std::error_code ec;
    if (!suffix[0] || std::filesystem::exists(part, ec)) {
      moves += fmt::format("{}mv '{}' '{}.broken'", moves.empty() ? "" : "; ", part.string(),
                           part.string());
    }
  }
  return fmt::format(
      "roll has not changed it. Move it aside with its -wal and -shm files to start a new "
      "history ({}), or restore them from a backup.",
      moves);
}

// What the user can do about an error SQLite reports only as "disk I/O error" and the like.
std::string hint(int code, const std::filesystem::path& file) {
  switch (code) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return " (is the disk full?)";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return fmt::format(" (is {} or the file read-only?)", file.parent_path().string());
    default:
      return "";
  }
}

std::int64_t unix_seconds(SysSeconds t) {
  return t.time_since_epoch().count();
}
SysSeconds from_unix(std::int64_t s) {
  return SysSeconds{seconds{s}};
}

std::int64_t offset_at(SysSeconds t) {
  return (to_local(t).time_since_epoch() - t.time_since_epoch()).count();
}

bool valid_offset(std::int64_t s) {
  return s >= -kMaxUtcOffset.count() && s <= kMaxUtcOffset.count();
}

bool is_damage(int code) {
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

// Reads the header and the schema of the file as it lies on disk, without its -wal, and writes
// nothing: a damaged file and its -wal and -shm stay exactly as they were. Returns the
// user_version, or throws SqliteError.
int check_untouched(const std::filesystem::path& file) {
  sqlite::Database db(file, sqlite::Database::Mode::read_only_immutable);
  auto version = db.prepare("PRAGMA user_version");
  int v = version.step() ? static_cast<int>(version.int64(0)) : 0;
  auto schema = db.prepare("SELECT count(*) FROM sqlite_master");
  (void)schema.step();
  return v;
}

// The common case, a history closed cleanly: no -journal and an empty (or no) -wal, so a
// read-write connection has nothing to replay and writes nothing before configure() has read the
// schema. Then the 100-byte header is all that needs checking first, by hand: a second SQLite
// connection parsing the whole schema was a third of what `roll due` cost (issue #13).
bool nothing_to_replay(const std::filesystem::path& file) {
  std::error_code ec;
  auto wal = std::filesystem::file_size(file.string() + "-wal", ec);
  bool wal_empty = ec || wal == 0;
  return wal_empty && !std::filesystem::exists(file.string() + "-journal", ec);
}

// The header's magic and user_version (big-endian at offset 60), read without SQLite; throws
// SqliteError(SQLITE_NOTADB) for a file that is not an SQLite database.
int header_version(const std::filesystem::path& file) {
  std::array<unsigned char, 100> header{};
  ssize_t got = -1;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    got = ::pread(fd, header.data(), header.size(), 0);
    ::close(fd);
  }
  // Unreadable (a directory, no permission, a symlink): the read-write open says what is wrong.
  if (fd < 0 || got < 0) throw sqlite::SqliteError(SQLITE_CANTOPEN, "cannot read the header");
  constexpr std::string_view kMagic("SQLite format 3\0", 16);
  if (got != static_cast<ssize_t>(header.size()) ||
      std::string_view(reinterpret_cast<const char*>(header.data()), kMagic.size()) != kMagic) {
    throw sqlite::SqliteError(SQLITE_NOTADB, "file is not a database");
  }
  std::uint32_t v = (std::uint32_t{header[60]} << 24) | (std::uint32_t{header[61]} << 16) |
                    (std::uint32_t{header[62]} << 8) | std::uint32_t{header[63]};
  return static_cast<int>(static_cast<std::int32_t>(v));
}

constexpr const char* kSessionColumns =
    "id, uid, device, routine, title, started_at, ended_at, planned_seconds, completed_seconds, "
    "status, origin, utc_offset, rating_before, rating_after";

}  // namespace

HistoryStore::HistoryStore(const std::filesystem::path& file, DeviceIdSource device)
    : file_(file), device_source_(std::move(device)), db_([&] {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
          throw HistoryError(fmt::format("cannot create the history database's directory {}: {}",
                                         file.parent_path().string(), ec.message()));
        }
        if (std::filesystem::file_size(file, ec) > 0 && !ec) {
          try {
            int version = 0;
            try {
              version = nothing_to_replay(file) ? header_version(file) : check_untouched(file);
            } catch (const sqlite::SqliteError& e) {
              // A page read while another process checkpoints can look torn: look once more
              // before calling a file damaged.
              if (!is_damage(e.code)) throw;
              sqlite::pause_before_retry(4);
              version = check_untouched(file);
            }
            if (version < 0) {
              throw HistoryError(fmt::format(
                  "the history database {} has schema version {}, which no roll writes; {}",
                  file.string(), version, remedy(file)));
            }
            if (version > kSchemaVersion) {
              throw HistoryError(fmt::format(
                  "the history database {} was written by a newer roll (schema {}, this roll "
                  "knows up to {}); roll has not changed it. Upgrade roll to read it.",
                  file.string(), version, kSchemaVersion));
            }
          } catch (const sqlite::SqliteError& e) {
            if (is_damage(e.code)) {
              throw HistoryError(fmt::format("the history database {} is damaged ({}). {}",
                                             file.string(), e.what(), remedy(file)));
            }
            // Busy or unreadable: the read-write open below says what is wrong.
          }
        }
        try {
          return sqlite::Database(file, sqlite::Database::Mode::read_write_create);
        } catch (const sqlite::SqliteError& e) {
          throw HistoryError(fmt::format("cannot open the history database {}: {}{}", file.string(),
                                         e.what(), hint(e.code, file)));
        }
      }()) {
  try {
    int version = sqlite::retry_busy([&] { return configure(); });
    sqlite::retry_busy([&] { migrate(version); });
  } catch (const sqlite::SqliteError& e) {
    if (is_damage(e.code)) {
      throw HistoryError(fmt::format("the history database {} is damaged ({}). {}", file_.string(),
                                     e.what(), remedy(file_)));
    }
    throw HistoryError(fmt::format("cannot use the history database {}: {}{}", file_.string(),
                                   e.what(), hint(e.code, file_)));
  }
}

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

void HistoryStore::problem(std::string message) {
  // A million bad rows must not become a million lines.
  if (problems_.size() < 5) {
    problems_.push_back(std::move(message));
  } else {
    ++problems_left_out_;
  }
}

std::vector<std::string> HistoryStore::take_problems() {
  auto out = std::move(problems_);
  if (problems_left_out_ > 0) {
    out.push_back(
        fmt::format("{}: {} more rows like these left out", file_.string(), problems_left_out_));
  }
  problems_.clear();
  problems_left_out_ = 0;
  return out;
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

int HistoryStore::configure() {
  // Waiting up to 5 s for another roll process (a second session ending at the same moment)
  // beats failing: a write takes microseconds.
  sqlite3_busy_timeout(db_.handle(), 5000);
  // The -wal and -shm stay beside the database when the last connection closes (the -wal empty,
  // after the checkpoint): creating, sizing and deleting both files on every run was the largest
  // share of `roll due`'s system time (issue #13). Nothing is lost: an empty -wal holds nothing.
  int persist = 1;
  sqlite3_file_control(db_.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  // Reading user_version first makes a file that is not SQLite fail here, before anything writes,
  // and a version no roll wrote is refused before the journal mode is touched.
  int version = schema_version();
  if (version < 0) {
    throw HistoryError(
        fmt::format("the history database {} has schema version {}, which no roll writes; {}",
                    file_.string(), version, remedy(file_)));
  }
  if (version > kSchemaVersion) {
    throw HistoryError(
        fmt::format("the history database {} was written by a newer roll (schema {}, this roll "
                    "knows up to {}); roll has not changed it. Upgrade roll to read it.",
                    file_.string(), version, kSchemaVersion));
  }
  // Parsing the schema before anything can write: a file whose header looked right but whose
  // pages are damaged is reported here with nothing changed (the fast path of the constructor
  // checked only the header).
  (void)db_.prepare("SELECT count(*) FROM sqlite_master").step();
  auto mode = db_.prepare("PRAGMA journal_mode=WAL");
  mode.run();
  // With the -wal kept (above), its size is kept too unless limited: truncated to nothing at each
  // checkpoint, a history closed cleanly has an empty -wal, which is what lets the next run skip
  // the full pre-check (nothing_to_replay) and what the size limit tests expect of the files.
  db_.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=0");
  return version;
}

int HistoryStore::schema_version() {
  auto st = db_.prepare("PRAGMA user_version");
  return st.step() ? st.integer(0) : 0;
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

std::optional<SessionRecord> HistoryStore::read_session(sqlite::Statement& st) {
  SessionRecord r;
  r.id = st.int64(0);
  auto started = st.int64(5);
  auto ended = st.int64(6);
  auto planned = st.int64(7);
  auto completed = st.int64(8);
  bool has_offset = !st.is_null(11);
  std::int64_t offset = has_offset ? st.int64(11) : 0;
  auto bad = [&](const char* column, std::int64_t value, const char* expected) {
    problem(fmt::format("{}: session row {}: {} {} is not {}; left out", file_.string(), r.id,
                        column, value, expected));
    return std::nullopt;
  };
  if (!valid_unix_seconds(started)) return bad("started_at", started, "a time in 1970-9999");
  if (!valid_unix_seconds(ended)) return bad("ended_at", ended, "a time in 1970-9999");
  if (planned < 0 || planned > kMaxSessionSeconds)
    return bad("planned_seconds", planned, "between 0 and 604800");
  if (completed < 0 || completed > kMaxSessionSeconds)
    return bad("completed_seconds", completed, "between 0 and 604800");
  if (has_offset && !valid_offset(offset)) return bad("utc_offset", offset, "within 18 hours");
  r.uid = st.text(1);
  r.device = st.text(2);
  r.routine_name = st.text(3);
  r.routine_title = st.text(4);
  r.started_at = from_unix(started);
  r.ended_at = from_unix(ended);
  r.planned_seconds = static_cast<int>(planned);
  r.completed_seconds = static_cast<int>(completed);
  r.status = parse_status(st.text(9));
  r.origin = parse_origin(st.text(10));
  r.utc_offset = seconds{has_offset ? offset : offset_at(r.started_at)};
  for (int col : {12, 13}) {
    if (st.is_null(col)) continue;
    auto v = st.int64(col);
    if (v < 0 || v > 10) continue;  // a rating roll did not write is no rating
    (col == 12 ? r.rating_before : r.rating_after) = static_cast<int>(v);
  }
  return r;
}

void HistoryStore::attach_details(SessionRecord& r) {
  if (!zones_of_) {
    zones_of_.emplace(db_.prepare("SELECT zone, seconds FROM session_zones WHERE session_id = ?"));
    pressures_of_.emplace(db_.prepare(
        "SELECT at_seconds, value, zone FROM pressures WHERE session_id = ? ORDER BY at_seconds, "
        "rowid"));
    skipped_of_.emplace(db_.prepare(
        "SELECT step, name, at_seconds FROM skipped_steps WHERE session_id = ? ORDER BY rowid"));
    holds_of_.emplace(db_.prepare(
        "SELECT step, at_seconds, delta_seconds FROM hold_changes WHERE session_id = ? ORDER BY "
        "rowid"));
  }
  zones_of_->reset();
  zones_of_->bind(1, r.id);
  while (zones_of_->step()) r.zone_seconds[zones_of_->text(0)] = zones_of_->integer(1);
  pressures_of_->reset();
  pressures_of_->bind(1, r.id);
  while (pressures_of_->step())
    r.pressures.push_back(
        {pressures_of_->integer(0), pressures_of_->integer(1), pressures_of_->text(2)});
  skipped_of_->reset();
  skipped_of_->bind(1, r.id);
  while (skipped_of_->step())
    r.skipped.push_back({skipped_of_->integer(0), skipped_of_->text(1), skipped_of_->integer(2)});
  holds_of_->reset();
  holds_of_->bind(1, r.id);
  while (holds_of_->step()) {
    // In memory a hold change names its step counting from 1, as the session's events do.
    r.hold_changes.push_back(
        {holds_of_->integer(1), holds_of_->integer(2), holds_of_->integer(0) + 1, ""});
  }
}

void HistoryStore::visit_sessions(const SessionQuery& q,
                                  const std::function<void(SessionRecord&)>& visit) {
  auto since = q.since ? unix_seconds(*q.since) : INT64_MIN;
  auto until = q.until ? unix_seconds(*q.until) : INT64_MAX;
  if (q.brief) {
    // Read from the covering index sessions_day alone, in its order: at a million sessions a
    // seek into the table for each row was most of what `roll stats --weeks 520` cost.
    auto st = db_.prepare(
        "SELECT id, started_at, completed_seconds, status, origin, utc_offset FROM sessions "
        "WHERE started_at >= ? AND started_at < ?");
    st.bind(1, since).bind(2, until);
    int shown = 0;
    while (st.step()) {
      SessionRecord r;
      r.id = st.int64(0);
      auto started = st.int64(1);
      auto completed = st.int64(2);
      bool has_offset = !st.is_null(5);
      auto offset = has_offset ? st.int64(5) : 0;
      if (!valid_unix_seconds(started)) {
        problem(
            fmt::format("{}: session row {}: started_at {} is not a time in 1970-9999; left out",
                        file_.string(), r.id, started));
        continue;
      }
      if (completed < 0 || completed > kMaxSessionSeconds) {
        problem(fmt::format(
            "{}: session row {}: completed_seconds {} is not between 0 and 604800; left out",
            file_.string(), r.id, completed));
        continue;
      }
      if (has_offset && !valid_offset(offset)) {
        problem(fmt::format("{}: session row {}: utc_offset {} is not within 18 hours; left out",
                            file_.string(), r.id, offset));
        continue;
      }
      r.started_at = r.ended_at = from_unix(started);
      r.completed_seconds = static_cast<int>(completed);
      r.status = parse_status(st.text(3));
      r.origin = parse_origin(st.text(4));
      r.utc_offset = seconds{has_offset ? offset : offset_at(r.started_at)};
      visit(r);
      if (q.limit > 0 && ++shown >= q.limit) break;
    }
    return;
  }
  std::string sql = fmt::format(
      "SELECT {} FROM sessions WHERE started_at >= ? AND started_at < ? "
      "ORDER BY started_at DESC, id DESC",
      kSessionColumns);
  auto st = db_.prepare(sql);
  st.bind(1, since);
  st.bind(2, until);
  int shown = 0;
  while (st.step()) {
    auto r = read_session(st);
    if (!r) continue;
    if (q.details) attach_details(*r);
    visit(*r);
    if (q.limit > 0 && ++shown >= q.limit) break;
  }
}

std::vector<SessionRecord> HistoryStore::sessions(const SessionQuery& q) {
  std::vector<SessionRecord> out;
  // Moved, not copied: `roll stats` reads hundreds of thousands of these.
  visit_sessions(q, [&](SessionRecord& r) { out.push_back(std::move(r)); });
  return out;
}

void HistoryStore::visit_session_starts(SysSeconds until,
                                        const std::function<void(LocalSeconds, bool)>& visit) {
  // Read from the covering index sessions_day, in its order.
  auto st = db_.prepare(
      "SELECT started_at, status = 'completed' AND origin != 'rehearsal', utc_offset, id "
      "FROM sessions WHERE started_at < ? ORDER BY started_at");
  st.bind(1, unix_seconds(until));
  while (st.step()) {
    auto started = st.int64(0);
    if (!valid_unix_seconds(started)) {
      problem(fmt::format("{}: session row {}: started_at {} is not a time in 1970-9999; left out",
                          file_.string(), st.int64(3), started));
      continue;
    }
    std::int64_t offset = st.is_null(2) ? offset_at(from_unix(started)) : st.int64(2);
    if (!valid_offset(offset)) {
      problem(fmt::format("{}: session row {}: utc_offset {} is not within 18 hours; left out",
                          file_.string(), st.int64(3), offset));
      continue;
    }
    visit(LocalSeconds{seconds{started + offset}}, st.int64(1) != 0);
  }
}

std::size_t HistoryStore::count_sessions_since(SysSeconds since) {
  auto st = db_.prepare("SELECT count(*) FROM sessions WHERE started_at >= ?");
  st.bind(1, unix_seconds(since));
  return st.step() ? static_cast<std::size_t>(st.int64(0)) : 0;
}

std::size_t HistoryStore::count_sessions_before(SysSeconds until) {
  // An upper bound from the largest row id, not a count: at a million sessions counting them
  // was a tenth of what `roll stats` cost, and this only sizes a vector.
  (void)until;
  auto st = db_.prepare("SELECT max(id) FROM sessions");
  if (!st.step() || st.is_null(0)) return 0;
  auto n = st.int64(0);
  return n > 0 && n < 100'000'000 ? static_cast<std::size_t>(n) : 0;
}

void HistoryStore::attach_zones(std::vector<SessionRecord>& records, SysSeconds since) {
  std::unordered_map<long long, SessionRecord*> by_id;
  by_id.reserve(records.size());
  long long first = INT64_MAX;
  for (auto& r : records) {
    if (r.started_at < since) continue;
    by_id[r.id] = &r;
    first = std::min(first, r.id);
  }
  if (by_id.empty()) return;
  // One range of the zones' primary key from the smallest id wanted, not a seek for each
  // session; zones of sessions outside the window (logged later for an earlier day) are skipped
  // by the look-up.
  auto zones =
      db_.prepare("SELECT session_id, zone, seconds FROM session_zones WHERE session_id >= ?");
  zones.bind(1, first);
  while (zones.step()) {
    if (auto it = by_id.find(zones.int64(0)); it != by_id.end())
      it->second->zone_seconds[zones.text(1)] = zones.integer(2);
  }
}

std::vector<SessionRecord> HistoryStore::rated_sessions(SysSeconds since) {
  // Ratings are not in the covering index sessions_day: a look-up of each window row by its
  // start would be a seek per session (a million of them for `stats --weeks 520` on the bench's
  // history). Instead the window's smallest id comes from the index, and the table is read from
  // there in rowid order, one sequential range, as attach_zones() reads the zones.
  auto low =
      db_.prepare("SELECT min(id) FROM sessions INDEXED BY sessions_day WHERE started_at >= ?");
  low.bind(1, unix_seconds(since));
  if (!low.step() || low.is_null(0)) return {};
  auto st = db_.prepare(
      "SELECT started_at, utc_offset, rating_before, rating_after FROM sessions "
      "WHERE id >= ? AND +started_at >= ? AND origin != 'rehearsal' "
      "AND (rating_before BETWEEN 0 AND 10 OR rating_after BETWEEN 0 AND 10)");
  st.bind(1, low.int64(0)).bind(2, unix_seconds(since));
  std::vector<SessionRecord> out;
  while (st.step()) {
    // A row with a start or an offset roll did not write is named by the query that read the
    // window's sessions; here it is only left out.
    auto started = st.int64(0);
    if (!valid_unix_seconds(started)) continue;
    std::int64_t offset = st.is_null(1) ? offset_at(from_unix(started)) : st.int64(1);
    if (!valid_offset(offset)) continue;
    SessionRecord r;
    r.started_at = r.ended_at = from_unix(started);
    r.utc_offset = seconds{offset};
    for (int col : {2, 3}) {
      if (st.is_null(col)) continue;
      auto v = st.int64(col);
      if (v < 0 || v > 10) continue;
      (col == 2 ? r.rating_before : r.rating_after) = static_cast<int>(v);
    }
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
  return out;
}

std::vector<PressureReading> HistoryStore::pressures_since(SysSeconds since) {
  auto st = db_.prepare(
      "SELECT p.at_seconds, p.value, p.zone FROM pressures p JOIN sessions s "
      "ON s.id = p.session_id WHERE s.started_at >= ? AND s.origin != 'rehearsal' "
      "AND p.value BETWEEN 1 AND 10");
  st.bind(1, unix_seconds(since));
  std::vector<PressureReading> out;
  while (st.step()) out.push_back({st.integer(0), st.integer(1), st.text(2)});
  return out;
}

std::optional<SessionRecord> HistoryStore::session_by_uid(const std::string& uid) {
  auto st = db_.prepare(fmt::format("SELECT {} FROM sessions WHERE uid = ?", kSessionColumns));
  st.bind(1, uid);
  if (!st.step()) return std::nullopt;
  auto r = read_session(st);
  if (r) attach_details(*r);
  return r;
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

std::vector<PainStop> HistoryStore::pain_stops(SysSeconds from, SysSeconds to) {
  auto st = db_.prepare(
      "SELECT uid, session_uid, at, utc_offset, zone FROM pain_stops WHERE at >= ? AND at < ? "
      "ORDER BY at");
  st.bind(1, unix_seconds(from)).bind(2, unix_seconds(to));
  std::vector<PainStop> out;
  while (st.step()) {
    auto at = st.int64(2);
    auto offset = st.int64(3);
    if (!valid_unix_seconds(at) || !valid_offset(offset)) {
      problem(fmt::format("{}: pain stop {}: at {} or utc_offset {} is out of range; left out",
                          file_.string(), st.text(0), at, offset));
      continue;
    }
    out.push_back({st.text(0), st.text(1), from_unix(at), seconds{offset}, st.text(4)});
  }
  return out;
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

std::vector<Injury> HistoryStore::injuries(bool include_cleared) {
  auto st = db_.prepare(
      include_cleared
          ? "SELECT id, zone, at, note, cleared FROM injuries ORDER BY at, id"
          : "SELECT id, zone, at, note, cleared FROM injuries WHERE cleared = 0 ORDER BY at, id");
  std::vector<Injury> out;
  while (st.step()) {
    Injury i;
    i.id = st.int64(0);
    auto at = st.int64(2);
    if (!valid_unix_seconds(at)) {
      problem(fmt::format("{}: injury {}: at {} is not a time in 1970-9999; left out",
                          file_.string(), i.id, at));
      continue;
    }
    // A zone this roll does not know (a newer roll wrote it) guards everything rather than nothing.
    i.zone = find_zone(st.text(1)).value_or(Zone::full_body);
    i.at = from_unix(at);
    i.note = st.text(3);
    i.cleared = st.int64(4) != 0;
    out.push_back(std::move(i));
  }
  return out;
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

bool HistoryStore::checked_in(const std::string& day) {
  auto st = db_.prepare("SELECT 1 FROM check_ins WHERE day = ?");
  st.bind(1, day);
  return st.step();
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

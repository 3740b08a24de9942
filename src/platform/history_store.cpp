#include "platform/history_store.hpp"

#include <fmt/format.h>

#include <system_error>
#include <unordered_map>

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
};
static_assert(std::size(kMigrations) == HistoryStore::kSchemaVersion);

std::string remedy(const std::filesystem::path& file) {
  return fmt::format(
      "roll has not changed it. Move it aside to start a new history (mv '{0}' '{0}.broken'), "
      "or restore it from a backup.",
      file.string());
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

}  // namespace

HistoryStore::HistoryStore(const std::filesystem::path& file)
    : file_(file), db_([&] {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
          throw HistoryError(fmt::format("cannot create the history directory {}: {}",
                                         file.parent_path().string(), ec.message()));
        }
        try {
          return sqlite::Database(file, sqlite::Database::Mode::read_write_create);
        } catch (const sqlite::SqliteError& e) {
          throw HistoryError(
              fmt::format("cannot open the history database {}: {}", file.string(), e.what()));
        }
      }()) {
  try {
    configure();
    migrate();
  } catch (const sqlite::SqliteError& e) {
    if (e.code == SQLITE_NOTADB || e.code == SQLITE_CORRUPT) {
      throw HistoryError(fmt::format("the history database {} is damaged ({}). {}", file_.string(),
                                     e.what(), remedy(file_)));
    }
    throw HistoryError(fmt::format("cannot use the history database {}: {}{}", file_.string(),
                                   e.what(), hint(e.code, file_)));
  }
}

template <class Write>
auto HistoryStore::writing(Write&& write) {
  try {
    return write();
  } catch (const sqlite::SqliteError& e) {
    // The transaction has rolled back: whatever was stored before is still there as it was.
    throw HistoryError(fmt::format(
        "cannot write to the history database {}: {}{}; what it held before is unchanged",
        file_.string(), e.what(), hint(e.code, file_)));
  }
}

long long HistoryStore::begin_session(const SessionProgress& p) {
  return writing([&] { return begin_session_unguarded(p); });
}
void HistoryStore::update_session(long long id, const SessionProgress& p) {
  writing([&] { update_session_unguarded(id, p); });
}
long long HistoryStore::add_injury(const Injury& injury) {
  return writing([&] { return add_injury_unguarded(injury); });
}
bool HistoryStore::clear_injury(long long id) {
  return writing([&] { return clear_injury_unguarded(id); });
}
int HistoryStore::clear_all_injuries() {
  return writing([&] { return clear_all_injuries_unguarded(); });
}
void HistoryStore::record_check_in(const std::string& day, bool answer) {
  writing([&] { record_check_in_unguarded(day, answer); });
}

void HistoryStore::configure() {
  // Waiting up to 5 s for another roll process (a second session ending at the same moment)
  // beats failing: a write takes microseconds.
  sqlite3_busy_timeout(db_.handle(), 5000);
  // Reading user_version first makes a file that is not SQLite fail here, before anything writes.
  (void)schema_version();
  auto mode = db_.prepare("PRAGMA journal_mode=WAL");
  mode.run();
  db_.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
}

int HistoryStore::schema_version() {
  auto st = db_.prepare("PRAGMA user_version");
  return st.step() ? st.integer(0) : 0;
}

void HistoryStore::migrate() {
  int version = schema_version();
  if (version == kSchemaVersion) return;
  if (version > kSchemaVersion) {
    throw HistoryError(
        fmt::format("the history database {} was written by a newer roll (schema {}, this roll "
                    "knows up to {}); "
                    "roll has not changed it. Upgrade roll to read it.",
                    file_.string(), version, kSchemaVersion));
  }
  sqlite::Transaction tx(db_);
  // Another process may have migrated while this one waited for the lock.
  version = schema_version();
  for (int v = version; v < kSchemaVersion; ++v) db_.exec(kMigrations[v]);
  db_.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
  tx.commit();
}

long long HistoryStore::begin_session_unguarded(const SessionProgress& p) {
  sqlite::Transaction tx(db_);
  db_.prepare(
         "INSERT INTO sessions (routine, title, started_at, ended_at, planned_seconds, "
         "completed_seconds, status) "
         "VALUES (?, ?, ?, ?, ?, ?, 'running')")
      .bind(1, p.routine_name)
      .bind(2, p.routine_title)
      .bind(3, unix_seconds(std::chrono::floor<seconds>(p.started_at)))
      .bind(4, unix_seconds(std::chrono::floor<seconds>(p.started_at)))
      .bind(5, p.planned_seconds)
      .bind(6, p.completed_seconds)
      .run();
  long long id = db_.last_insert_id();
  tx.commit();
  if (p.completed_seconds > 0 || !p.zone_seconds.empty()) update_session_unguarded(id, p);
  return id;
}

void HistoryStore::update_session_unguarded(long long id, const SessionProgress& p) {
  sqlite::Transaction tx(db_);
  db_.prepare(
         "UPDATE sessions SET ended_at = ?, planned_seconds = ?, completed_seconds = ?, status = ? "
         "WHERE id = ?")
      .bind(1, unix_seconds(std::chrono::floor<seconds>(p.ended_at)))
      .bind(2, p.planned_seconds)
      .bind(3, p.completed_seconds)
      .bind(4, status_name(p.status))
      .bind(5, id)
      .run();
  db_.prepare("DELETE FROM session_zones WHERE session_id = ?").bind(1, id).run();
  auto zone = db_.prepare("INSERT INTO session_zones (session_id, zone, seconds) VALUES (?, ?, ?)");
  for (const auto& [name, secs] : p.zone_seconds) {
    zone.reset();
    zone.bind(1, id).bind(2, name).bind(3, secs).run();
  }
  db_.prepare("DELETE FROM pressures WHERE session_id = ?").bind(1, id).run();
  auto pressure = db_.prepare(
      "INSERT INTO pressures (session_id, at_seconds, value, zone) VALUES (?, ?, ?, ?)");
  for (const auto& r : p.pressures) {
    pressure.reset();
    pressure.bind(1, id).bind(2, r.at_seconds).bind(3, r.value).bind(4, r.zone).run();
  }
  tx.commit();
}

std::vector<SessionRecord> HistoryStore::sessions(const SessionQuery& q) {
  std::string sql =
      "SELECT id, routine, title, started_at, ended_at, planned_seconds, completed_seconds, status "
      "FROM sessions "
      "WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC";
  if (q.limit > 0) sql += fmt::format(" LIMIT {}", q.limit);
  auto st = db_.prepare(sql);
  st.bind(1, q.since ? unix_seconds(*q.since) : INT64_MIN);
  st.bind(2, q.until ? unix_seconds(*q.until) : INT64_MAX);
  std::vector<SessionRecord> out;
  while (st.step()) {
    SessionRecord r;
    r.id = st.int64(0);
    r.routine_name = st.text(1);
    r.routine_title = st.text(2);
    r.started_at = from_unix(st.int64(3));
    r.ended_at = from_unix(st.int64(4));
    r.planned_seconds = st.integer(5);
    r.completed_seconds = st.integer(6);
    r.status = parse_status(st.text(7));
    out.push_back(std::move(r));
  }
  if (q.details && !out.empty()) {
    std::unordered_map<long long, SessionRecord*> by_id;
    for (auto& r : out) by_id[r.id] = &r;
    auto zones = db_.prepare(
        "SELECT z.session_id, z.zone, z.seconds FROM session_zones z JOIN sessions s ON s.id = "
        "z.session_id "
        "WHERE s.started_at >= ? AND s.started_at < ?");
    zones.bind(1, unix_seconds(out.back().started_at))
        .bind(2, unix_seconds(out.front().started_at) + 1);
    while (zones.step()) {
      if (auto it = by_id.find(zones.int64(0)); it != by_id.end())
        it->second->zone_seconds[zones.text(1)] = zones.integer(2);
    }
    auto pressures = db_.prepare(
        "SELECT p.session_id, p.at_seconds, p.value, p.zone FROM pressures p JOIN sessions s ON "
        "s.id = p.session_id "
        "WHERE s.started_at >= ? AND s.started_at < ? ORDER BY p.session_id, p.at_seconds");
    pressures.bind(1, unix_seconds(out.back().started_at))
        .bind(2, unix_seconds(out.front().started_at) + 1);
    while (pressures.step()) {
      if (auto it = by_id.find(pressures.int64(0)); it != by_id.end())
        it->second->pressures.push_back(
            {pressures.integer(1), pressures.integer(2), pressures.text(3)});
    }
  }
  return out;
}

void HistoryStore::visit_session_starts(SysSeconds until,
                                        const std::function<void(SysSeconds, bool)>& visit) {
  // Read from the covering index sessions_started, in its order.
  auto st = db_.prepare(
      "SELECT started_at, status = 'completed' FROM sessions WHERE started_at < ? "
      "ORDER BY started_at");
  st.bind(1, unix_seconds(until));
  while (st.step()) visit(from_unix(st.int64(0)), st.int64(1) != 0);
}

std::size_t HistoryStore::count_sessions_before(SysSeconds until) {
  auto st = db_.prepare("SELECT count(*) FROM sessions WHERE started_at < ?");
  st.bind(1, unix_seconds(until));
  return st.step() ? static_cast<std::size_t>(st.int64(0)) : 0;
}

void HistoryStore::attach_zones(std::vector<SessionRecord>& records, SysSeconds since) {
  std::unordered_map<long long, SessionRecord*> by_id;
  for (auto& r : records)
    if (r.started_at >= since) by_id[r.id] = &r;
  if (by_id.empty()) return;
  auto zones = db_.prepare(
      "SELECT z.session_id, z.zone, z.seconds FROM session_zones z JOIN sessions s ON s.id = "
      "z.session_id "
      "WHERE s.started_at >= ?");
  zones.bind(1, unix_seconds(since));
  while (zones.step()) {
    if (auto it = by_id.find(zones.int64(0)); it != by_id.end())
      it->second->zone_seconds[zones.text(1)] = zones.integer(2);
  }
}

bool HistoryStore::any_session(SysSeconds from, SysSeconds to, bool completed_only) {
  auto st = db_.prepare(
      completed_only ? "SELECT 1 FROM sessions WHERE started_at >= ? AND started_at < ? AND status "
                       "= 'completed' LIMIT 1"
                     : "SELECT 1 FROM sessions WHERE started_at >= ? AND started_at < ? LIMIT 1");
  st.bind(1, unix_seconds(from)).bind(2, unix_seconds(to));
  return st.step();
}

long long HistoryStore::add_injury_unguarded(const Injury& injury) {
  sqlite::Transaction tx(db_);
  db_.prepare("INSERT INTO injuries (zone, at, note, cleared) VALUES (?, ?, ?, ?)")
      .bind(1, zone_name(injury.zone))
      .bind(2, unix_seconds(injury.at))
      .bind(3, injury.note)
      .bind(4, injury.cleared ? 1 : 0)
      .run();
  long long id = db_.last_insert_id();
  tx.commit();
  return id;
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
    // A zone this roll does not know (a newer roll wrote it) guards everything rather than nothing.
    i.zone = find_zone(st.text(1)).value_or(Zone::full_body);
    i.at = from_unix(st.int64(2));
    i.note = st.text(3);
    i.cleared = st.int64(4) != 0;
    out.push_back(std::move(i));
  }
  return out;
}

bool HistoryStore::clear_injury_unguarded(long long id) {
  sqlite::Transaction tx(db_);
  db_.prepare("UPDATE injuries SET cleared = 1 WHERE id = ? AND cleared = 0").bind(1, id).run();
  bool changed = db_.changes() > 0;
  tx.commit();
  return changed;
}

int HistoryStore::clear_all_injuries_unguarded() {
  sqlite::Transaction tx(db_);
  db_.exec("UPDATE injuries SET cleared = 1 WHERE cleared = 0");
  int n = db_.changes();
  tx.commit();
  return n;
}

bool HistoryStore::checked_in(const std::string& day) {
  auto st = db_.prepare("SELECT 1 FROM check_ins WHERE day = ?");
  st.bind(1, day);
  return st.step();
}

void HistoryStore::record_check_in_unguarded(const std::string& day, bool answer) {
  sqlite::Transaction tx(db_);
  db_.prepare("INSERT OR REPLACE INTO check_ins (day, answer) VALUES (?, ?)")
      .bind(1, day)
      .bind(2, answer ? 1 : 0)
      .run();
  tx.commit();
}

void SqliteSessionLog::begin(const SessionProgress& progress) {
  id_ = store_->begin_session(progress);
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

// The history store's side of sync (issue 20): every record as a sync::Record, the outbox of
// records this device has still to append to its journal, how far each journal has been read,
// and the merge of records from elsewhere by the rules of roll/sync_merge.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "platform/history_store.hpp"
#include "roll/sync_merge.hpp"

namespace roll::platform {

namespace {

using sync::Kind;
using sync::Record;

struct KindSql {
  Kind kind;
  const char* table;
  // uid, device, then the kind's fields in order (a child's session as its uid).
  const char* select;
  const char* key;    // the uid column in `select`
  const char* time;   // what --since compares
  const char* order;  // insertion order, so that an import reads back in the same order
};

constexpr std::array<KindSql, 10> kKinds{{
    {Kind::tombstone, "tombstones",
     "SELECT t.uid, t.device, t.kind, t.deleted_at FROM tombstones t", "t.uid", "t.deleted_at",
     "t.rowid"},
    {Kind::session, "sessions",
     "SELECT s.uid, s.device, s.routine, s.title, s.started_at, s.ended_at, s.planned_seconds, "
     "s.completed_seconds, s.status, s.origin, s.utc_offset, s.rating_before, s.rating_after "
     "FROM sessions s",
     "s.uid", "s.started_at", "s.id"},
    {Kind::injury, "injuries",
     "SELECT i.uid, i.device, i.zone, i.at, i.note, i.cleared FROM injuries i", "i.uid", "i.at",
     "i.id"},
    {Kind::check_in, "check_ins", "SELECT c.uid, c.device, c.day, c.answer, c.at FROM check_ins c",
     "c.uid", "coalesce(c.at, 0)", "c.rowid"},
    {Kind::session_zone, "session_zones",
     "SELECT z.uid, z.device, s.uid, z.zone, z.seconds FROM session_zones z "
     "JOIN sessions s ON s.id = z.session_id",
     "z.uid", "s.started_at", "z.session_id, z.zone"},
    {Kind::pressure, "pressures",
     "SELECT p.uid, p.device, s.uid, p.at_seconds, p.value, p.zone FROM pressures p "
     "JOIN sessions s ON s.id = p.session_id",
     "p.uid", "s.started_at", "p.rowid"},
    {Kind::skipped_step, "skipped_steps",
     "SELECT k.uid, k.device, s.uid, k.step, k.name, k.at_seconds FROM skipped_steps k "
     "JOIN sessions s ON s.id = k.session_id",
     "k.uid", "s.started_at", "k.rowid"},
    {Kind::hold_change, "hold_changes",
     "SELECT h.uid, h.device, s.uid, h.step, h.at_seconds, h.delta_seconds FROM hold_changes h "
     "JOIN sessions s ON s.id = h.session_id",
     "h.uid", "s.started_at", "h.rowid"},
    {Kind::pain_stop, "pain_stops",
     "SELECT p.uid, p.device, p.session_uid, p.at, p.utc_offset, p.zone FROM pain_stops p", "p.uid",
     "p.at", "p.rowid"},
    {Kind::injury_clearing, "injury_clearings",
     "SELECT c.uid, c.device, c.injury_uid, c.at FROM injury_clearings c", "c.uid", "c.at",
     "c.rowid"},
}};

const KindSql& sql_of(Kind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  throw std::logic_error("no SQL for a record kind");
}

Record read_record(Kind kind, sqlite::Statement& st) {
  Record r = Record::make(kind, st.text(0), st.text(1));
  auto specs = sync::fields_of(kind);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    int col = static_cast<int>(i) + 2;
    if (st.is_null(col)) {
      if (!specs[i].nullable) {
        r.values[i] = specs[i].type == sync::FieldType::text      ? sync::Value{std::string()}
                      : specs[i].type == sync::FieldType::boolean ? sync::Value{false}
                                                                  : sync::Value{std::int64_t{0}};
      }
      continue;
    }
    switch (specs[i].type) {
      case sync::FieldType::text:
        r.values[i] = st.text(col);
        break;
      case sync::FieldType::integer:
        r.values[i] = st.int64(col);
        break;
      case sync::FieldType::boolean:
        r.values[i] = st.int64(col) != 0;
        break;
    }
  }
  return r;
}

void bind_value(sqlite::Statement& st, int index, const sync::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) {
    st.bind(index, std::string_view{*s});
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    st.bind(index, *i);
  } else if (auto* b = std::get_if<bool>(&v)) {
    st.bind(index, std::int64_t{*b ? 1 : 0});
  } else {
    st.bind_null(index);
  }
}

// ?1 uid, ?2 device, ?3... the fields; `first` replaces the first field (a child's session uid
// by the session's row id here).
void bind_record(sqlite::Statement& st, const Record& r, std::optional<std::int64_t> first = {}) {
  st.reset();
  st.bind(1, std::string_view{r.uid}).bind(2, std::string_view{r.device});
  for (std::size_t i = 0; i < r.values.size(); ++i) {
    int index = static_cast<int>(i) + 3;
    if (i == 0 && first) {
      st.bind(index, *first);
    } else {
      bind_value(st, index, r.values[i]);
    }
  }
}

// Kinds in the order they are written and applied.
std::vector<const KindSql*> in_apply_order() {
  std::vector<const KindSql*> out;
  for (const auto& k : kKinds) out.push_back(&k);
  std::stable_sort(out.begin(), out.end(), [](const KindSql* a, const KindSql* b) {
    return sync::apply_rank(a->kind) < sync::apply_rank(b->kind);
  });
  return out;
}

std::string outbox_select(const KindSql& k) {
  return fmt::format("{} JOIN sync_outbox o ON o.kind = '{}' AND o.uid = {} ORDER BY {}", k.select,
                     sync::kind_name(k.kind), k.key, k.order);
}

// As HistoryStore::writing: the transaction has rolled back, so what was stored is unchanged.
template <class Write>
auto guarded(const std::filesystem::path& file, Write&& write) {
  try {
    return write();
  } catch (const sqlite::SqliteError& e) {
    throw HistoryError(
        fmt::format("cannot write to the history database {}: {}; what it held before is unchanged",
                    file.string(), e.what()));
  }
}

}  // namespace

void HistoryStore::visit_records(std::optional<SysSeconds> since,
                                 const std::function<void(const sync::Record&)>& visit) {
  for (const KindSql* k : in_apply_order()) {
    auto st = db_.prepare(fmt::format("{} WHERE {} IS NOT NULL{}{}{} ORDER BY {}", k->select,
                                      k->key, since ? " AND " : "", since ? k->time : "",
                                      since ? " >= ?" : "", k->order));
    if (since) st.bind(1, since->time_since_epoch().count());
    while (st.step()) visit(read_record(k->kind, st));
  }
}

std::size_t HistoryStore::pending_records() {
  std::size_t n = 0;
  for (const auto& k : kKinds) {
    auto st = db_.prepare(
        fmt::format("SELECT count(*) FROM {} x JOIN sync_outbox o ON o.kind = '{}' AND o.uid = "
                    "x.uid",
                    k.table, sync::kind_name(k.kind)));
    if (st.step()) n += static_cast<std::size_t>(st.int64(0));
  }
  return n;
}

SyncSelf HistoryStore::sync_self() {
  auto st = db_.prepare(
      "SELECT device, journal_bytes, journal_lines, last_sync FROM sync_state WHERE id = 1");
  SyncSelf self;
  if (st.step()) {
    self.device = st.is_null(0) ? std::string() : st.text(0);
    self.journal = {st.int64(1), st.int64(2)};
    if (!st.is_null(3)) self.last_sync = SysSeconds{std::chrono::seconds{st.int64(3)}};
  }
  return self;
}

std::map<std::string, JournalMark> HistoryStore::journal_positions() {
  std::map<std::string, JournalMark> out;
  auto st = db_.prepare("SELECT device, bytes, lines FROM sync_journals");
  while (st.step()) out[st.text(0)] = {st.int64(1), st.int64(2)};
  return out;
}

std::size_t HistoryStore::flush_outbox(
    const std::string& device,
    const std::function<JournalMark(const std::vector<sync::Record>&)>& append, SysSeconds now) {
  return guarded(file_, [&] {
    sqlite::Transaction tx(db_);
    std::vector<Record> records;
    for (const KindSql* k : in_apply_order()) {
      auto st = db_.prepare(outbox_select(*k));
      while (st.step()) records.push_back(read_record(k->kind, st));
    }
    auto set = db_.prepare("UPDATE sync_state SET device = ?, last_sync = ? WHERE id = 1");
    set.bind(1, std::string_view{device}).bind(2, now.time_since_epoch().count()).run();
    if (!records.empty()) {
      // Written to the file before the transaction commits: a crash in between leaves the
      // journal longer than this database knows, which the next sync takes for another writer
      // and answers with a new device id (platform/journal.cpp): records twice, never lost.
      JournalMark mark = append(records);
      db_.prepare("UPDATE sync_state SET journal_bytes = ?, journal_lines = ? WHERE id = 1")
          .bind(1, mark.bytes)
          .bind(2, mark.lines)
          .run();
    }
    db_.exec("DELETE FROM sync_outbox");
    tx.commit();
    return records.size();
  });
}

void HistoryStore::take_journal(const std::string& device,
                                const std::map<std::string, JournalMark>& read) {
  guarded(file_, [&] {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "UPDATE sync_state SET device = ?, journal_bytes = 0, journal_lines = 0 WHERE id = 1")
        .bind(1, std::string_view{device})
        .run();
    auto pos = db_.prepare(
        "INSERT INTO sync_journals (device, bytes, lines) VALUES (?, ?, ?) ON CONFLICT (device) "
        "DO UPDATE SET bytes = excluded.bytes, lines = excluded.lines");
    for (const auto& [dev, mark] : read) {
      pos.reset();
      pos.bind(1, std::string_view{dev}).bind(2, mark.bytes).bind(3, mark.lines).run();
    }
    tx.commit();
  });
}

void HistoryStore::add_outbox_triggers() {
  if (outbox_triggers_) return;
  // In memory: the temp schema would otherwise be a file under /tmp (SQLite's default), one more
  // thing a full or read-only /tmp could break.
  std::string sql = "PRAGMA temp_store = MEMORY;";
  for (const auto& k : kKinds) {
    for (std::string_view event : {"INSERT", "UPDATE"}) {
      // A record queued once however often it is written; nothing queued while sync merges what
      // came from another device (sync_state.merging).
      sql += fmt::format(
          "CREATE TEMP TRIGGER IF NOT EXISTS {0}_outbox_{2} AFTER {3} ON main.{0} "
          "WHEN new.uid IS NOT NULL AND (SELECT merging FROM main.sync_state) = 0 "
          "BEGIN INSERT INTO sync_outbox (kind, uid) SELECT '{1}', new.uid WHERE NOT EXISTS "
          "(SELECT 1 FROM sync_outbox WHERE kind = '{1}' AND uid = new.uid); END;",
          k.table, sync::kind_name(k.kind), event == "INSERT" ? "insert" : "update", event);
    }
  }
  db_.exec(sql);
  outbox_triggers_ = true;
}

void HistoryStore::requeue_all() {
  guarded(file_, [&] {
    sqlite::Transaction tx(db_);
    for (const auto& k : kKinds) {
      db_.exec(fmt::format(
          "INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT '{}', uid FROM {} WHERE uid IS "
          "NOT NULL",
          sync::kind_name(k.kind), k.table));
    }
    db_.exec("UPDATE sync_state SET journal_bytes = 0, journal_lines = 0 WHERE id = 1");
    tx.commit();
  });
}

MergeCounts HistoryStore::merge(std::vector<IncomingRecord>& batch, MergeMode mode,
                                const std::map<std::string, JournalMark>& positions) {
  return guarded(file_, [&] {
    add_outbox_triggers();  // an import queues what it adds, for the next sync to carry on
    return merge_unguarded(batch, mode, positions);
  });
}

struct HistoryStore::MergeStatements {
  explicit MergeStatements(sqlite::Database& db)
      : tombstoned(db.prepare("SELECT 1 FROM tombstones WHERE uid = ?")),
        session_id(db.prepare("SELECT id FROM sessions WHERE uid = ?")),
        check_in_of_day(
            db.prepare(fmt::format("{} WHERE c.day = ?", sql_of(Kind::check_in).select))),
        clear_injury(db.prepare("UPDATE injuries SET cleared = 1 WHERE uid = ?")),
        pain_stops_of(db.prepare("DELETE FROM pain_stops WHERE session_uid = ?")),
        position(db.prepare(
            "INSERT INTO sync_journals (device, bytes, lines) VALUES (?, ?, ?) ON CONFLICT "
            "(device) DO UPDATE SET bytes = excluded.bytes, lines = excluded.lines")) {
    for (const auto& k : kKinds) {
      auto i = static_cast<std::size_t>(k.kind);
      existing[i].emplace(db.prepare(fmt::format("{} WHERE {} = ?", k.select, k.key)));
      remove[i].emplace(db.prepare(fmt::format("DELETE FROM {} WHERE uid = ?", k.table)));
    }
    auto set = [&](Kind kind, const char* insert_sql, const char* update_sql) {
      auto i = static_cast<std::size_t>(kind);
      insert[i].emplace(db.prepare(insert_sql));
      if (update_sql) update[i].emplace(db.prepare(update_sql));
    };
    set(Kind::session,
        "INSERT INTO sessions (uid, device, routine, title, started_at, ended_at, "
        "planned_seconds, completed_seconds, status, origin, utc_offset, rating_before, "
        "rating_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        "UPDATE sessions SET device = ?2, routine = ?3, title = ?4, started_at = ?5, "
        "ended_at = ?6, planned_seconds = ?7, completed_seconds = ?8, status = ?9, origin = ?10, "
        "utc_offset = ?11, rating_before = ?12, rating_after = ?13 WHERE uid = ?1");
    set(Kind::session_zone,
        "INSERT INTO session_zones (uid, device, session_id, zone, seconds) VALUES (?1, ?2, ?3, "
        "?4, ?5) ON CONFLICT (session_id, zone) DO UPDATE SET seconds = max(seconds, "
        "excluded.seconds)",
        "UPDATE session_zones SET seconds = ?5 WHERE uid = ?1");
    set(Kind::pressure,
        "INSERT OR IGNORE INTO pressures (uid, device, session_id, at_seconds, value, zone) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        nullptr);
    set(Kind::skipped_step,
        "INSERT OR IGNORE INTO skipped_steps (uid, device, session_id, step, name, at_seconds) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        nullptr);
    set(Kind::hold_change,
        "INSERT OR IGNORE INTO hold_changes (uid, device, session_id, step, at_seconds, "
        "delta_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        nullptr);
    set(Kind::pain_stop,
        "INSERT OR IGNORE INTO pain_stops (uid, device, session_uid, at, utc_offset, zone) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        nullptr);
    // An injury cleared on one device and merged before the injury itself arrives: the
    // clearing is held already and clears it on arrival.
    set(Kind::injury,
        "INSERT INTO injuries (uid, device, zone, at, note, cleared) VALUES (?1, ?2, ?3, ?4, ?5, "
        "?6 OR EXISTS (SELECT 1 FROM injury_clearings WHERE injury_uid = ?1))",
        "UPDATE injuries SET device = ?2, zone = ?3, at = ?4, note = ?5, cleared = ?6 OR cleared "
        "WHERE uid = ?1");
    set(Kind::injury_clearing,
        "INSERT OR IGNORE INTO injury_clearings (uid, device, injury_uid, at) VALUES (?1, ?2, "
        "?3, ?4)",
        nullptr);
    set(Kind::check_in,
        "INSERT OR IGNORE INTO check_ins (uid, device, day, answer, at) VALUES (?1, ?2, ?3, ?4, "
        "?5)",
        "UPDATE OR IGNORE check_ins SET uid = ?1, device = ?2, answer = ?4, at = ?5 WHERE day = "
        "?3");
    set(Kind::tombstone,
        "INSERT OR IGNORE INTO tombstones (uid, device, kind, deleted_at) VALUES (?1, ?2, ?3, ?4)",
        "UPDATE tombstones SET device = ?2, kind = ?3, deleted_at = ?4 WHERE uid = ?1");
  }
  static constexpr std::size_t kCount = 10;
  sqlite::Statement tombstoned;
  sqlite::Statement session_id;
  sqlite::Statement check_in_of_day;
  sqlite::Statement clear_injury;
  sqlite::Statement pain_stops_of;
  sqlite::Statement position;
  std::array<std::optional<sqlite::Statement>, kCount> existing;
  std::array<std::optional<sqlite::Statement>, kCount> remove;
  std::array<std::optional<sqlite::Statement>, kCount> insert;
  std::array<std::optional<sqlite::Statement>, kCount> update;

  bool is_tombstoned(const std::string& uid) {
    tombstoned.reset();
    tombstoned.bind(1, std::string_view{uid});
    return tombstoned.step();
  }
  std::optional<std::int64_t> session_row(const std::string& uid) {
    session_id.reset();
    session_id.bind(1, std::string_view{uid});
    if (!session_id.step()) return std::nullopt;
    return session_id.int64(0);
  }
  std::optional<Record> held(const Record& r) {
    auto& st =
        r.kind == Kind::check_in ? check_in_of_day : *existing[static_cast<std::size_t>(r.kind)];
    st.reset();
    st.bind(1,
            r.kind == Kind::check_in ? std::string_view{r.text("day")} : std::string_view{r.uid});
    if (!st.step()) return std::nullopt;
    return read_record(r.kind, st);
  }
};

MergeCounts HistoryStore::merge_unguarded(std::vector<IncomingRecord>& batch, MergeMode mode,
                                          const std::map<std::string, JournalMark>& positions) {
  std::stable_sort(batch.begin(), batch.end(), [](const auto& a, const auto& b) {
    return sync::apply_rank(a.record.kind) < sync::apply_rank(b.record.kind);
  });
  sqlite::Transaction tx(db_);
  if (mode == MergeMode::sync) db_.exec("UPDATE sync_state SET merging = 1 WHERE id = 1");
  MergeStatements st(db_);
  MergeCounts counts;
  for (auto& in : batch) {
    const Record& r = in.record;
    auto kind_index = static_cast<std::size_t>(r.kind);
    bool dead = r.kind != Kind::tombstone && st.is_tombstoned(r.uid);
    std::optional<std::int64_t> parent_row;
    if (!dead) {
      if (auto parent = sync::parent_kind(r.kind)) {
        const std::string& parent_uid = r.text(sync::parent_field(r.kind));
        dead = st.is_tombstoned(parent_uid);
        // Zones, readings, skips and hold changes live under their session's row; a pain stop
        // and a clearing name theirs by uid and can wait for it.
        if (!dead && *parent == Kind::session && r.kind != Kind::pain_stop) {
          parent_row = st.session_row(parent_uid);
          if (!parent_row) {
            problem(fmt::format("{}: a {} of session {}, which is not in the history; left out",
                                in.where, sync::kind_name(r.kind), parent_uid));
            ++counts.left_out;
            continue;
          }
        }
      }
    }
    auto held = dead ? std::nullopt : st.held(r);
    auto action = sync::decide(r, held ? &*held : nullptr, dead);
    if (action == sync::Action::ignore) {
      ++counts.known;
      continue;
    }
    auto& write = action == sync::Action::insert || !st.update[kind_index] ? *st.insert[kind_index]
                                                                           : *st.update[kind_index];
    bind_record(write, r, parent_row);
    write.run();
    ++(action == sync::Action::insert ? counts.added : counts.updated);
    if (r.kind == Kind::injury_clearing) {
      st.clear_injury.reset();
      st.clear_injury.bind(1, std::string_view{r.text("injury")}).run();
    }
    if (r.kind == Kind::tombstone) {
      if (auto of = sync::find_kind(r.text("of"))) {
        auto& remove = *st.remove[static_cast<std::size_t>(*of)];
        remove.reset();
        remove.bind(1, std::string_view{r.uid}).run();  // a session takes its children along
        if (*of == Kind::session) {
          st.pain_stops_of.reset();
          st.pain_stops_of.bind(1, std::string_view{r.uid}).run();
        }
      }
    }
  }
  for (const auto& [device, mark] : positions) {
    st.position.reset();
    st.position.bind(1, std::string_view{device}).bind(2, mark.bytes).bind(3, mark.lines).run();
  }
  if (mode == MergeMode::sync) db_.exec("UPDATE sync_state SET merging = 0 WHERE id = 1");
  tx.commit();
  return counts;
}

}  // namespace roll::platform

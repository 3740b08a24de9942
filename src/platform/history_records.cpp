// The history's rows as sync records, and how they are stored, hidden and brought back
// (history_records.hpp).
#include "platform/history_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "roll/sync_merge.hpp"

namespace roll::platform::history_detail {

using sync::Kind;
using sync::Record;

namespace {

constexpr std::array<KindSql, 12> kKinds{{
    {Kind::tombstone, "tombstones",
     "SELECT t.uid, t.device, t.kind, t.deleted_at, t.version, t.restored, "
     "NULLIF(t.of_device, '') FROM tombstones t",
     "t.uid", "t.of_device", "t.deleted_at", "t.rowid", nullptr, nullptr},
    {Kind::session, "sessions",
     "SELECT s.uid, s.device, s.routine, s.title, s.started_at, s.ended_at, s.planned_seconds, "
     "s.completed_seconds, s.status, s.origin, s.utc_offset, s.rating_before, s.rating_after, "
     "s.pain_before, s.pain_after FROM sessions s",
     "s.uid", "s.device", "s.started_at", "s.id", nullptr, nullptr},
    {Kind::injury, "injuries",
     "SELECT i.uid, i.device, i.zone, i.at, i.note, i.cleared FROM injuries i", "i.uid", "i.device",
     "i.at", "i.id", nullptr, nullptr},
    {Kind::check_in, "check_ins", "SELECT c.uid, c.device, c.day, c.answer, c.at FROM check_ins c",
     "c.uid", "c.device", "coalesce(c.at, 0)", "c.rowid", nullptr, nullptr},
    {Kind::prescription, "prescriptions",
     "SELECT r.uid, r.device, r.name, r.text, r.from_day, r.until_day, r.added_at, r.ended_at "
     "FROM prescriptions r",
     "r.uid", "r.device", "r.added_at", "r.rowid", nullptr, nullptr},
    {Kind::psfs, "psfs_answers",
     "SELECT p.uid, p.device, p.at, p.utc_offset, p.activity_1, p.score_1, p.activity_2, "
     "p.score_2, p.activity_3, p.score_3, p.activity_4, p.score_4, p.activity_5, p.score_5 FROM "
     "psfs_answers p",
     "p.uid", "p.device", "p.at", "p.rowid", nullptr, nullptr},
    {Kind::session_zone, "session_zones",
     "SELECT z.uid, z.device, s.uid, z.zone, z.seconds, z.roller_seconds FROM session_zones z "
     "JOIN sessions s ON s.id = z.session_id",
     "z.uid", "z.device", "s.started_at", "z.session_id, z.zone", "s.uid", "s.device"},
    {Kind::pressure, "pressures",
     "SELECT p.uid, p.device, s.uid, p.at_seconds, p.value, p.zone FROM pressures p "
     "JOIN sessions s ON s.id = p.session_id",
     "p.uid", "p.device", "s.started_at", "p.rowid", "s.uid", "s.device"},
    {Kind::skipped_step, "skipped_steps",
     "SELECT k.uid, k.device, s.uid, k.step, k.name, k.at_seconds FROM skipped_steps k "
     "JOIN sessions s ON s.id = k.session_id",
     "k.uid", "k.device", "s.started_at", "k.rowid", "s.uid", "s.device"},
    {Kind::hold_change, "hold_changes",
     "SELECT h.uid, h.device, s.uid, h.step, h.at_seconds, h.delta_seconds FROM hold_changes h "
     "JOIN sessions s ON s.id = h.session_id",
     "h.uid", "h.device", "s.started_at", "h.rowid", "s.uid", "s.device"},
    {Kind::pain_stop, "pain_stops",
     "SELECT p.uid, p.device, p.session_uid, p.at, p.utc_offset, p.zone FROM pain_stops p", "p.uid",
     "p.device", "p.at", "p.rowid", "p.session_uid", "p.device"},
    {Kind::injury_clearing, "injury_clearings",
     "SELECT c.uid, c.device, c.injury_uid, c.at, c.injury_device FROM injury_clearings c", "c.uid",
     "c.device", "c.at", "c.rowid", "c.injury_uid", "c.injury_device"},
}};

// ?1 uid, ?2 device, ?3... the kind's fields in order.
constexpr std::array<std::pair<Kind, const char*>, 12> kInserts{{
    {Kind::session,
     "INSERT INTO sessions (uid, device, routine, title, started_at, ended_at, planned_seconds, "
     "completed_seconds, status, origin, utc_offset, rating_before, rating_after, pain_before, "
     "pain_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"},
    {Kind::session_zone,
     "INSERT INTO session_zones (uid, device, session_id, zone, seconds, roller_seconds) VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (session_id, zone) DO UPDATE SET roller_seconds = "
     "CASE WHEN excluded.seconds >= seconds THEN coalesce(excluded.roller_seconds, "
     "roller_seconds) ELSE roller_seconds END, seconds = max(seconds, excluded.seconds)"},
    {Kind::pressure,
     "INSERT OR IGNORE INTO pressures (uid, device, session_id, at_seconds, value, zone) VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6)"},
    {Kind::skipped_step,
     "INSERT OR IGNORE INTO skipped_steps (uid, device, session_id, step, name, at_seconds) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
    {Kind::hold_change,
     "INSERT OR IGNORE INTO hold_changes (uid, device, session_id, step, at_seconds, "
     "delta_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
    {Kind::pain_stop,
     "INSERT OR IGNORE INTO pain_stops (uid, device, session_uid, at, utc_offset, zone) VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6)"},
    // A clearing held before its injury arrived clears it on arrival, if it came after it.
    {Kind::injury,
     "INSERT INTO injuries (uid, device, zone, at, note, cleared) VALUES (?1, ?2, ?3, ?4, ?5, ?6 "
     "OR EXISTS (SELECT 1 FROM injury_clearings WHERE injury_uid = ?1 AND coalesce(injury_device, "
     "?2) = ?2 AND at >= ?4))"},
    {Kind::injury_clearing,
     "INSERT OR IGNORE INTO injury_clearings (uid, device, injury_uid, at, injury_device) VALUES "
     "(?1, ?2, ?3, ?4, ?5)"},
    {Kind::check_in,
     "INSERT OR IGNORE INTO check_ins (uid, device, day, answer, at) VALUES (?1, ?2, ?3, ?4, ?5)"},
    {Kind::prescription,
     "INSERT OR IGNORE INTO prescriptions (uid, device, name, text, from_day, until_day, "
     "added_at, ended_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
    {Kind::psfs,
     "INSERT OR IGNORE INTO psfs_answers (uid, device, at, utc_offset, activity_1, score_1, "
     "activity_2, score_2, activity_3, score_3, activity_4, score_4, activity_5, score_5) VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
    {Kind::tombstone,
     "INSERT INTO tombstones (uid, device, kind, deleted_at, version, restored, of_device) VALUES "
     "(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, '')) ON CONFLICT (uid, kind, of_device) DO UPDATE SET "
     "device = excluded.device, deleted_at = excluded.deleted_at, version = excluded.version, "
     "restored = excluded.restored"},
}};
// The tombstone statement below is prepared from the last insert.
static_assert(kInserts[11].first == Kind::tombstone);

// Only the fields mutable_fields() allows to change are written by an update.
constexpr std::array<std::pair<Kind, const char*>, 5> kUpdates{{
    {Kind::session,
     "UPDATE sessions SET ended_at = ?6, planned_seconds = ?7, completed_seconds = ?8, status = "
     "?9, rating_before = ?12, rating_after = ?13, pain_before = ?14, pain_after = ?15 WHERE uid "
     "= ?1 AND device = ?2"},
    {Kind::session_zone,
     "UPDATE session_zones SET seconds = ?5, roller_seconds = coalesce(?6, roller_seconds) WHERE "
     "uid = ?1 AND device = ?2"},
    {Kind::injury, "UPDATE injuries SET cleared = ?6 OR cleared WHERE uid = ?1 AND device = ?2"},
    {Kind::prescription, "UPDATE prescriptions SET ended_at = ?8 WHERE uid = ?1 AND device = ?2"},
    // A check-in is keyed by its day: another device's answer to the same day's question.
    {Kind::check_in,
     "UPDATE OR IGNORE check_ins SET uid = ?1, device = ?2, answer = ?4, at = ?5 WHERE day = ?3"},
}};

std::size_t index_of(Kind kind) {
  return static_cast<std::size_t>(kind);
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
void bind_record(sqlite::Statement& st, const Record& r, std::optional<std::int64_t> first) {
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

}  // namespace

std::span<const KindSql> all_kind_sql() {
  return kKinds;
}

const KindSql& sql_of(Kind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  throw std::logic_error("no SQL for a record kind");
}

std::vector<const KindSql*> in_apply_order() {
  std::vector<const KindSql*> out;
  for (const auto& k : kKinds) out.push_back(&k);
  std::stable_sort(out.begin(), out.end(), [](const KindSql* a, const KindSql* b) {
    return sync::apply_rank(a->kind) < sync::apply_rank(b->kind);
  });
  return out;
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

const std::string& parent_uid(const Record& r) {
  static const std::string kNone;
  auto field = sync::parent_field(r.kind);
  return field.empty() ? kNone : r.text(field);
}

Records::Records(sqlite::Database& db)
    : db_(db),
      check_in_of_day_(
          db.prepare(fmt::format("{} WHERE c.day = ?", sql_of(Kind::check_in).select))),
      session_id_(db.prepare("SELECT id FROM sessions WHERE uid = ? AND device = ?")),
      tombstones_(
          db.prepare(fmt::format("{} WHERE t.uid = ? AND t.kind = ? AND t.of_device IN (?, '')",
                                 sql_of(Kind::tombstone).select))),
      tombstone_row_(db.prepare(fmt::format("{} WHERE t.uid = ? AND t.kind = ? AND t.of_device = ?",
                                            sql_of(Kind::tombstone).select))),
      put_tombstone_(db.prepare(kInserts[11].second)),
      hidden_(
          db.prepare("SELECT line FROM deleted_records WHERE uid = ? AND kind = ? AND device = ?")),
      hidden_devices_(db.prepare("SELECT device FROM deleted_records WHERE uid = ? AND kind = ?")),
      put_hidden_(db.prepare(
          "INSERT INTO deleted_records (uid, device, kind, parent, parent_device, line) VALUES (?, "
          "?, ?, ?, ?, ?) ON CONFLICT (uid, device, kind) DO UPDATE SET parent = excluded.parent, "
          "parent_device = excluded.parent_device, line = excluded.line")),
      drop_hidden_(
          db.prepare("DELETE FROM deleted_records WHERE uid = ? AND kind = ? AND device = ?")),
      hidden_children_(db.prepare(
          "SELECT uid, device, kind FROM deleted_records WHERE parent = ? AND parent_device IN (?, "
          "'')")) {
  for (const auto& k : kKinds) {
    auto i = index_of(k.kind);
    live_[i].emplace(
        db.prepare(fmt::format("{} WHERE {} = ? AND {} = ?", k.select, k.key, k.key_device)));
    live_devices_[i].emplace(db.prepare(fmt::format("{} WHERE {} = ?", k.select, k.key)));
    remove_[i].emplace(
        db.prepare(fmt::format("DELETE FROM {} WHERE uid = ? AND device = ?", k.table)));
    if (k.parent_key)
      children_[i].emplace(db.prepare(fmt::format("{} WHERE {} = ? AND coalesce({}, ?2) = ?2",
                                                  k.select, k.parent_key, k.parent_device)));
  }
  for (const auto& [kind, sql] : kInserts) insert_[index_of(kind)].emplace(db.prepare(sql));

  for (const auto& [kind, sql] : kUpdates) update_[index_of(kind)].emplace(db.prepare(sql));
}

std::optional<Record> Records::live(Kind kind, const std::string& uid, const std::string& device) {
  auto& st = *live_[index_of(kind)];
  st.reset();
  st.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
  if (!st.step()) return std::nullopt;
  return read_record(kind, st);
}

std::vector<std::string> Records::live_devices(Kind kind, const std::string& uid) {
  auto& st = *live_devices_[index_of(kind)];
  st.reset();
  st.bind(1, std::string_view{uid});
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(1));
  return out;
}

std::optional<Record> Records::live(const Record& r) {
  if (r.kind != Kind::check_in) return live(r.kind, r.uid, r.device);
  check_in_of_day_.reset();
  check_in_of_day_.bind(1, std::string_view{r.text("day")});
  if (!check_in_of_day_.step()) return std::nullopt;
  return read_record(Kind::check_in, check_in_of_day_);
}

std::optional<std::int64_t> Records::session_row(const std::string& uid,
                                                 const std::string& device) {
  session_id_.reset();
  session_id_.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
  if (!session_id_.step()) return std::nullopt;
  return session_id_.int64(0);
}

void Records::insert(const Record& r, std::optional<std::int64_t> parent_row) {
  auto& st = *insert_[index_of(r.kind)];
  bind_record(st, r, parent_row);
  st.run();
}

void Records::update(const Record& r, std::optional<std::int64_t> parent_row) {
  auto& slot = update_[index_of(r.kind)];
  auto& st = slot ? *slot : *insert_[index_of(r.kind)];
  bind_record(st, r, parent_row);
  st.run();
}

void Records::correct(const Record& r, std::optional<std::int64_t> parent_row) {
  const char* in_place = nullptr;
  if (r.kind == Kind::session) {
    in_place =
        "UPDATE sessions SET routine = ?3, title = ?4, started_at = ?5, ended_at = ?6, "
        "planned_seconds = ?7, completed_seconds = ?8, status = ?9, origin = ?10, utc_offset = "
        "?11, rating_before = ?12, rating_after = ?13, pain_before = ?14, pain_after = ?15 WHERE "
        "uid = ?1 AND device = ?2";
  } else if (r.kind == Kind::injury) {
    in_place =
        "UPDATE injuries SET zone = ?3, at = ?4, note = ?5, cleared = ?6 OR cleared WHERE uid = ?1 "
        "AND device = ?2";
  }
  if (in_place != nullptr) {
    auto st = db_.prepare(in_place);
    bind_record(st, r, parent_row);
    st.run();
    return;
  }
  // Nothing hangs on the other kinds' rows: the record goes and its own version comes.
  auto& remove = *remove_[index_of(r.kind)];
  remove.reset();
  remove.bind(1, std::string_view{r.uid}).bind(2, std::string_view{r.device}).run();
  insert(r, parent_row);
}

std::optional<Record> Records::tombstone(const std::string& uid, Kind kind,
                                         const std::string& device) {
  tombstones_.reset();
  tombstones_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device});
  std::optional<Record> latest;
  while (tombstones_.step()) {
    auto t = read_record(Kind::tombstone, tombstones_);
    if (!latest || sync::supersedes(t, *latest)) latest = std::move(t);
  }
  return latest;
}

std::optional<Record> Records::tombstone_row(const std::string& uid, Kind kind,
                                             const std::string& of_device) {
  tombstone_row_.reset();
  tombstone_row_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{of_device});
  if (!tombstone_row_.step()) return std::nullopt;
  return read_record(Kind::tombstone, tombstone_row_);
}

bool Records::deleted(const std::string& uid, Kind kind, const std::string& device) {
  auto t = tombstone(uid, kind, device);
  return t && !sync::tombstone_restores(*t);
}

bool Records::purged(const std::string& uid, Kind kind, const std::string& device) {
  auto st =
      db_.prepare("SELECT purged FROM tombstones WHERE uid = ? AND kind = ? AND of_device = ?");
  st.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device});
  return st.step() && st.int64(0) != 0;
}

void Records::put_tombstone(const Record& t) {
  bind_record(put_tombstone_, t, std::nullopt);
  put_tombstone_.run();
}

void Records::mark_purged(const std::string& uid, Kind kind, const std::string& device) {
  db_.prepare("UPDATE tombstones SET purged = 1 WHERE uid = ? AND kind = ? AND of_device = ?")
      .bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device})
      .run();
}

std::int64_t Records::next_version(const std::string& uid, Kind kind, const std::string& device,
                                   std::int64_t now) {
  auto t = tombstone(uid, kind, device);
  std::int64_t held = t ? sync::tombstone_version(*t) : 0;
  return std::max({held + 1, now, std::int64_t{1}});
}

std::optional<Record> Records::hidden(const std::string& uid, Kind kind,
                                      const std::string& device) {
  hidden_.reset();
  hidden_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device});
  if (!hidden_.step()) return std::nullopt;
  auto d = sync::decode(hidden_.text(0));
  return d.record;
}

bool Records::is_hidden(const std::string& uid, Kind kind, const std::string& device) {
  hidden_.reset();
  hidden_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device});
  return hidden_.step();
}

std::vector<std::string> Records::hidden_devices(Kind kind, const std::string& uid) {
  hidden_devices_.reset();
  hidden_devices_.bind(1, std::string_view{uid}).bind(2, sync::kind_name(kind));
  std::vector<std::string> out;
  while (hidden_devices_.step()) out.push_back(hidden_devices_.text(0));
  return out;
}

void Records::put_hidden(const Record& r) {
  put_hidden_.reset();
  put_hidden_.bind(1, std::string_view{r.uid})
      .bind(2, std::string_view{r.device})
      .bind(3, sync::kind_name(r.kind));
  const auto& parent = parent_uid(r);
  if (parent.empty()) {
    put_hidden_.bind_null(4).bind_null(5);
  } else {
    put_hidden_.bind(4, std::string_view{parent}).bind(5, sync::reference_device(r));
  }
  put_hidden_.bind(6, sync::encode(r)).run();
}

std::vector<RecordKey> Records::hidden_children(const std::string& uid, Kind kind,
                                                const std::string& device) {
  hidden_children_.reset();
  hidden_children_.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
  std::vector<RecordKey> out;
  while (hidden_children_.step()) {
    auto child = sync::find_kind(hidden_children_.text(2));
    if (child && sync::parent_kind(*child) == kind)
      out.push_back({*child, hidden_children_.text(0), hidden_children_.text(1)});
  }
  return out;
}

std::vector<RecordKey> Records::live_children(Kind kind, const std::string& uid,
                                              const std::string& device) {
  std::vector<RecordKey> out;
  for (const auto& k : kKinds) {
    if (sync::parent_kind(k.kind) != kind) continue;
    auto& st = *children_[index_of(k.kind)];
    st.reset();
    st.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
    while (st.step()) out.push_back({k.kind, st.text(0), st.text(1)});
  }
  return out;
}

bool Records::parent_away(const Record& r) {
  auto pk = sync::parent_kind(r.kind);
  if (!pk) return false;
  const auto& parent = parent_uid(r);
  auto device = sync::reference_device(r);
  if (!device.empty()) return deleted(parent, *pk, device) || is_hidden(parent, *pk, device);
  if (!live_devices(*pk, parent).empty()) return false;
  for (const auto& d : hidden_devices(*pk, parent))
    if (is_hidden(parent, *pk, d)) return true;
  return deleted(parent, *pk, "");
}

bool Records::is_held(const std::string& uid, const std::string& device) {
  auto st =
      db_.prepare("SELECT 1 FROM injuries WHERE uid = ? AND device = ? AND lifted = 'deleted'");
  st.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
  return st.step();
}

std::vector<Kind> Records::hide(Kind kind, const std::string& uid, const std::string& device) {
  auto self = live(kind, uid, device);
  if (!self) return {};
  std::vector<Record> moved{*self};
  for (const auto& k : kKinds) {
    if (sync::parent_kind(k.kind) != kind) continue;
    auto& st = *children_[index_of(k.kind)];
    st.reset();
    st.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
    while (st.step()) moved.push_back(read_record(k.kind, st));
  }
  std::vector<Kind> kinds;
  // Children first: the session's row goes last, taking nothing left with it.
  for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
    put_hidden(*it);
    auto& remove = *remove_[index_of(it->kind)];
    remove.reset();
    remove.bind(1, std::string_view{it->uid}).bind(2, std::string_view{it->device}).run();
    if (std::find(kinds.begin(), kinds.end(), it->kind) == kinds.end()) kinds.push_back(it->kind);
  }
  return kinds;
}

Unhidden Records::unhide(const std::string& uid, Kind kind, const std::string& device,
                         std::vector<Record>* moved) {
  auto r = hidden(uid, kind, device);
  if (!r) return Unhidden::not_hidden;
  const std::string& parent = parent_uid(*r);
  std::optional<std::int64_t> row;
  if (auto pk = sync::parent_kind(kind)) {
    if (parent_away(*r)) return Unhidden::parent_away;
    if (*pk == Kind::session && kind != Kind::pain_stop) {
      row = session_row(parent, r->device);
      if (!row) return Unhidden::parent_away;
    }
  }
  if (!live(*r)) insert(*r, row);
  drop_hidden_.reset();
  drop_hidden_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device})
      .run();
  if (moved) moved->push_back(*r);
  for (const auto& child : hidden_children(uid, kind, device)) {
    if (!deleted(child.uid, child.kind, child.device))
      (void)unhide(child.uid, child.kind, child.device, moved);
  }
  return Unhidden::done;
}

void Records::drop_hidden(const std::string& uid, Kind kind, const std::string& device) {
  for (const auto& child : hidden_children(uid, kind, device)) {
    drop_hidden_.reset();
    drop_hidden_.bind(1, std::string_view{child.uid})
        .bind(2, sync::kind_name(child.kind))
        .bind(3, std::string_view{child.device})
        .run();
  }
  drop_hidden_.reset();
  drop_hidden_.bind(1, std::string_view{uid})
      .bind(2, sync::kind_name(kind))
      .bind(3, std::string_view{device})
      .run();
}

}  // namespace roll::platform::history_detail

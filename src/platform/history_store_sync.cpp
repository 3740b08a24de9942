// The history store's side of sync: every record as a sync::Record, the outbox of records this
// device has still to append to its journal, how far each journal has been read, and the merge
// of records from elsewhere: each checked (roll/record_checks.hpp), then placed by the rules of
// roll/sync_merge.hpp, a deletion hiding what it deletes rather than erasing it.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "platform/history_records.hpp"
#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "roll/record_checks.hpp"
#include "roll/sync_merge.hpp"

namespace roll::platform {

using namespace history_detail;
using sync::Kind;
using sync::Record;

namespace {

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

std::string_view file_of(std::string_view where) {
  auto colon = where.rfind(':');
  return colon == std::string_view::npos ? where : where.substr(0, colon);
}

// What a notice names: a session by its routine and start, an injury or a pain stop by its zone
// and time, a check-in by its day; a record hanging on another by that one.
struct Subject {
  std::string name;
  std::optional<SysSeconds> at;
};

Subject subject_of(Records& w, Kind kind, const std::string& uid, int depth = 0) {
  auto r = w.live(kind, uid);
  if (!r) r = w.hidden(uid, kind);
  if (!r) return {};
  auto at = [](std::int64_t t) {
    return valid_unix_seconds(t) ? std::optional<SysSeconds>(from_unix(t)) : std::nullopt;
  };
  switch (kind) {
    case Kind::session:
      return {r->text("routine"), at(r->integer("started_at"))};
    case Kind::injury:
    case Kind::pain_stop:
      return {r->text("zone"), at(r->integer("at"))};
    case Kind::check_in:
      return {r->text("day"), std::nullopt};
    default:
      break;
  }
  auto parent = sync::parent_kind(kind);
  if (!parent || depth > 0) return {};
  return subject_of(w, *parent, parent_uid(*r), depth + 1);
}

// One merge: the records of a batch, each placed or refused.
class Merger {
 public:
  Merger(sqlite::Database& db, const MergeRequest& request, ProblemLog& problems)
      : db_(db),
        w_(db),
        request_(request),
        problems_(problems),
        now_(unix_seconds(request.now)),
        injury_state_(db.prepare("SELECT cleared, lifted FROM injuries WHERE uid = ?")),
        lift_(db.prepare("UPDATE injuries SET lifted = ?, lifted_by = ? WHERE uid = ?")),
        clear_(db.prepare("UPDATE injuries SET cleared = 1 WHERE uid = ?")),
        keep_notice_(db.prepare(
            "INSERT INTO sync_notices (device, change, kind, uid, subject, subject_at) VALUES (?, "
            "?, ?, ?, ?, ?)")),
        queue_(db.prepare("INSERT OR IGNORE INTO sync_outbox (kind, uid) VALUES (?, ?)")) {}

  void apply(const IncomingRecord& in) {
    const Record& r = in.record;
    if (auto p = sync::check_record(r, now_)) {
      refuse(in, p->message);
      return;
    }
    if (r.kind == Kind::tombstone) {
      apply_tombstone(in);
    } else {
      apply_record(in);
    }
  }

  MergeCounts counts;

 private:
  void refuse(const IncomingRecord& in, const std::string& why) {
    problems_.add_at(in.where, why + "; skipped");
    ++counts.left_out;
  }

  [[nodiscard]] bool from_elsewhere(const Record& r) const {
    return r.device != request_.own_device;
  }

  void notice(const Record& r, std::string change, Kind kind, const std::string& uid, bool safety) {
    auto subject = subject_of(w_, kind, uid);
    MergeNotice n{r.device, std::move(change), kind, uid, subject.name, subject.at, safety};
    if (safety) {
      keep_notice_.reset();
      keep_notice_.bind(1, std::string_view{n.device})
          .bind(2, std::string_view{n.change})
          .bind(3, sync::kind_name(kind))
          .bind(4, std::string_view{uid})
          .bind(5, std::string_view{n.subject});
      if (n.subject_at) {
        keep_notice_.bind(6, unix_seconds(*n.subject_at));
      } else {
        keep_notice_.bind_null(6);
      }
      keep_notice_.run();
    }
    if (counts.notices.size() < MergeCounts::kMaxNotices) {
      counts.notices.push_back(std::move(n));
    } else {
      ++counts.more_notices;
    }
  }

  // cleared, lifted of a live injury.
  std::optional<std::pair<bool, std::string>> injury_state(const std::string& uid) {
    injury_state_.reset();
    injury_state_.bind(1, std::string_view{uid});
    if (!injury_state_.step()) return std::nullopt;
    return std::pair{injury_state_.int64(0) != 0,
                     injury_state_.is_null(1) ? std::string() : injury_state_.text(1)};
  }

  void lift(const std::string& injury, const char* how, const std::string& device) {
    lift_.reset();
    if (how == nullptr) {
      lift_.bind_null(1).bind_null(2);
    } else {
      lift_.bind(1, std::string_view{how}).bind(2, std::string_view{device});
    }
    lift_.bind(3, std::string_view{injury}).run();
  }

  void apply_tombstone(const IncomingRecord& in) {
    const Record& r = in.record;
    Kind of = *sync::find_kind(r.text("of"));
    auto held = w_.tombstone(r.uid, of);
    if (held && !sync::supersedes(r, *held)) {
      ++counts.known;
      return;
    }
    w_.put_tombstone(r);
    ++(held ? counts.updated : counts.added);
    bool was_deleted = held && !sync::tombstone_restores(*held);
    bool now_deleted = !sync::tombstone_restores(r);
    if (was_deleted == now_deleted) return;
    if (now_deleted) {
      auto state = of == Kind::injury ? injury_state(r.uid) : std::nullopt;
      if (from_elsewhere(r)) {
        // Named before it is hidden, while its fields are at hand.
        bool safety = of == Kind::injury || of == Kind::pain_stop;
        if (of == Kind::session) {
          auto children = w_.live_children(Kind::session, r.uid);
          safety = std::any_of(children.begin(), children.end(), [&](const std::string& c) {
            return w_.live(Kind::pain_stop, c).has_value();
          });
        }
        // A record that hangs on another is named only when that one stays: otherwise it went
        // with it, or never arrived.
        if (!sync::parent_kind(of) || w_.live(of, r.uid)) notice(r, "deleted", of, r.uid, safety);
      }
      if (state && !state->first && state->second.empty() && from_elsewhere(r)) {
        // An open injury deleted elsewhere keeps guarding here until it is confirmed.
        lift(r.uid, "deleted", r.device);
      } else {
        (void)w_.hide(of, r.uid);
      }
    } else {
      auto state = of == Kind::injury ? injury_state(r.uid) : std::nullopt;
      std::vector<Record> moved;
      if (state && state->second == "deleted") {
        lift(r.uid, nullptr, {});
        for (const auto& [child, kind] : w_.hidden_children(r.uid, of))
          if (!w_.deleted(child, kind)) (void)w_.unhide(child, kind, &moved);
      } else {
        (void)w_.unhide(r.uid, of, &moved);
      }
      // This device's records that another device restored may never have reached its journal
      // (deleted here before a sync): they travel now, or the others would restore nothing.
      for (const auto& m : moved) {
        if (m.device != request_.own_device) continue;
        queue_.reset();
        queue_.bind(1, sync::kind_name(m.kind)).bind(2, std::string_view{m.uid}).run();
      }
      if (from_elsewhere(r)) notice(r, "restored", of, r.uid, false);
    }
  }

  void apply_record(const IncomingRecord& in) {
    const Record& r = in.record;
    const std::string& parent = parent_uid(r);
    auto parent_kind = sync::parent_kind(r.kind);
    bool hide =
        w_.deleted(r.uid, r.kind) ||
        (parent_kind && (w_.deleted(parent, *parent_kind) || w_.is_hidden(parent, *parent_kind)));
    if (hide) {
      if (w_.purged(r.uid, r.kind) || (parent_kind && w_.purged(parent, *parent_kind))) {
        ++counts.known;
        return;
      }
      if (request_.list_deleted && w_.deleted(r.uid, r.kind)) counts.deleted_here.push_back(r.uid);
      if (auto kept = w_.hidden(r.uid, r.kind)) {
        if (auto why = sync::check_update(*kept, r)) {
          refuse(in, *why);
          return;
        }
        if (!sync::supersedes(r, *kept)) {
          ++counts.hidden;
          return;
        }
      }
      w_.put_hidden(r);
      ++counts.hidden;
      return;
    }
    std::optional<std::int64_t> row;
    if (sync::parent_kind(r.kind) == Kind::session && r.kind != Kind::pain_stop) {
      row = w_.session_row(parent);
      if (!row) {
        refuse(in, fmt::format("a {} of session {}, which is not in the history",
                               sync::kind_name(r.kind), parent));
        return;
      }
    }
    if (r.kind == Kind::injury_clearing) {
      if (auto injury = w_.live(Kind::injury, parent);
          injury && r.integer("at") < injury->integer("at")) {
        refuse(in, fmt::format("a clearing (at {}) before its injury (at {})",
                               format_utc(from_unix(r.integer("at"))),
                               format_utc(from_unix(injury->integer("at")))));
        return;
      }
    }
    auto held = w_.live(r);
    if (held && held->uid == r.uid) {
      if (auto why = sync::check_update(*held, r)) {
        refuse(in, *why);
        return;
      }
    }
    auto action = sync::decide(r, held ? &*held : nullptr, false);
    if (action == sync::Action::ignore) {
      ++counts.known;
      return;
    }
    if (action == sync::Action::insert) {
      w_.insert(r, row);
      ++counts.added;
    } else {
      w_.update(r, row);
      ++counts.updated;
    }
    switch (r.kind) {
      case Kind::injury_clearing:
        if (auto state = injury_state(parent); state && !state->first) {
          clear_.reset();
          clear_.bind(1, std::string_view{parent}).run();
          if (from_elsewhere(r)) {
            if (state->second.empty()) lift(parent, "cleared", r.device);
            notice(r, "cleared", Kind::injury, parent, true);
          }
        }
        break;
      case Kind::injury:
        if (held && !held->boolean("cleared") && r.boolean("cleared") && from_elsewhere(r)) {
          if (auto state = injury_state(r.uid); state && state->second.empty())
            lift(r.uid, "cleared", r.device);
          notice(r, "cleared", Kind::injury, r.uid, true);
        }
        break;
      case Kind::check_in:
        if (from_elsewhere(r)) notice(r, "answered", Kind::check_in, r.uid, true);
        break;
      default:
        break;
    }
  }

  sqlite::Database& db_;
  Records w_;
  const MergeRequest& request_;
  ProblemLog& problems_;
  std::int64_t now_;
  sqlite::Statement injury_state_;
  sqlite::Statement lift_;
  sqlite::Statement clear_;
  sqlite::Statement keep_notice_;
  sqlite::Statement queue_;
};

}  // namespace

void ProblemLog::add(std::string_view file, std::string message) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    it = files_.emplace(std::string(file), PerFile{}).first;
    order_.emplace_back(file);
  }
  if (it->second.kept.size() < kPerFile) {
    it->second.kept.push_back(std::move(message));
  } else {
    ++it->second.more;
  }
}

void ProblemLog::add_at(std::string_view where, std::string message) {
  add(file_of(where), fmt::format("{}: {}", where, message));
}

std::vector<std::string> ProblemLog::lines() const {
  std::vector<std::string> out;
  for (const auto& file : order_) {
    const auto& f = files_.find(file)->second;
    for (const auto& line : f.kept) out.push_back(line);
    if (f.more > 0) out.push_back(fmt::format("{}: {} more like these", file, f.more));
  }
  return out;
}

void HistoryStore::visit_records(std::optional<SysSeconds> since,
                                 const std::function<void(const sync::Record&)>& visit,
                                 bool hidden_too) {
  for (const KindSql* k : in_apply_order()) {
    auto st = db_.prepare(fmt::format("{} WHERE {} IS NOT NULL{}{}{} ORDER BY {}", k->select,
                                      k->key, since ? " AND " : "", since ? k->time : "",
                                      since ? " >= ?" : "", k->order));
    if (since) st.bind(1, since->time_since_epoch().count());
    while (st.step()) visit(read_record(k->kind, st));
  }
  if (since || !hidden_too) return;
  // The deleted records kept here, after every tombstone: a backup holds them too, and an import
  // keeps them hidden as here. Parents before what hangs on them.
  auto hidden = db_.prepare("SELECT line FROM deleted_records ORDER BY parent IS NOT NULL, uid");
  while (hidden.step()) {
    if (auto d = sync::decode(hidden.text(0)); d.record) visit(*d.record);
  }
}

std::size_t HistoryStore::pending_records() {
  std::size_t n = 0;
  for (const auto& k : all_kind_sql()) {
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
    self.journal = {st.int64(1), st.int64(2), false, {}};
    if (!st.is_null(3)) self.last_sync = SysSeconds{std::chrono::seconds{st.int64(3)}};
  }
  return self;
}

std::map<std::string, JournalMark> HistoryStore::journal_positions() {
  std::map<std::string, JournalMark> out;
  auto st = db_.prepare("SELECT device, bytes, lines, skipping, speaks_for FROM sync_journals");
  while (st.step()) {
    JournalMark mark{st.int64(1), st.int64(2), st.int64(3) != 0, {}};
    std::string ids = st.text(4);
    for (std::size_t at = 0; at < ids.size();) {
      auto space = ids.find(' ', at);
      if (space == std::string::npos) space = ids.size();
      if (space > at) mark.speaks_for.push_back(ids.substr(at, space - at));
      at = space + 1;
    }
    out[st.text(0)] = std::move(mark);
  }
  return out;
}

namespace {

void save_positions(sqlite::Database& db, const std::map<std::string, JournalMark>& positions) {
  auto pos = db.prepare(
      "INSERT INTO sync_journals (device, bytes, lines, skipping, speaks_for) VALUES (?, ?, ?, ?, "
      "?) ON CONFLICT (device) DO UPDATE SET bytes = excluded.bytes, lines = excluded.lines, "
      "skipping = excluded.skipping, speaks_for = excluded.speaks_for");
  for (const auto& [device, mark] : positions) {
    std::string ids;
    for (const auto& id : mark.speaks_for) ids += (ids.empty() ? "" : " ") + id;
    pos.reset();
    pos.bind(1, std::string_view{device})
        .bind(2, mark.bytes)
        .bind(3, mark.lines)
        .bind(4, std::int64_t{mark.skipping ? 1 : 0})
        .bind(5, ids)
        .run();
  }
}

}  // namespace

std::size_t HistoryStore::flush_outbox(const std::string& device,
                                       const std::function<JournalMark(const Outbox&)>& append,
                                       SysSeconds now) {
  return guarded(file_, [&] {
    sqlite::Transaction tx(db_);
    Outbox box;
    for (const KindSql* k : in_apply_order()) {
      auto st = db_.prepare(outbox_select(*k));
      while (st.step()) box.records.push_back(read_record(k->kind, st));
    }
    // Records of other devices (imported here, or made under an id this device had before) are
    // carried only once the journal's header lists their device.
    std::set<std::string> listed;
    {
      auto st = db_.prepare("SELECT device, declared FROM sync_speaks_for");
      while (st.step()) {
        listed.insert(st.text(0));
        if (st.int64(1) == 0) box.grew = true;
      }
    }
    auto add = db_.prepare("INSERT OR IGNORE INTO sync_speaks_for (device) VALUES (?)");
    for (const auto& r : box.records) {
      if (r.device == device || listed.count(r.device)) continue;
      listed.insert(r.device);
      add.reset();
      add.bind(1, std::string_view{r.device}).run();
      box.grew = true;
    }
    listed.erase(device);
    box.speaks_for.assign(listed.begin(), listed.end());
    if (box.records.empty()) box.grew = false;
    auto set = db_.prepare("UPDATE sync_state SET device = ?, last_sync = ? WHERE id = 1");
    set.bind(1, std::string_view{device}).bind(2, now.time_since_epoch().count()).run();
    if (!box.records.empty()) {
      // Written to the file before the transaction commits: a crash in between leaves the
      // journal longer than this database knows, which the next sync takes for another writer
      // and answers with a new device id (platform/journal.cpp): records twice, never lost.
      JournalMark mark = append(box);
      db_.prepare("UPDATE sync_state SET journal_bytes = ?, journal_lines = ? WHERE id = 1")
          .bind(1, mark.bytes)
          .bind(2, mark.lines)
          .run();
      db_.exec("UPDATE sync_speaks_for SET declared = 1");
    }
    db_.exec("DELETE FROM sync_outbox");
    tx.commit();
    return box.records.size();
  });
}

void HistoryStore::take_journal(const std::string& device,
                                const std::map<std::string, JournalMark>& read,
                                const std::string& republish) {
  guarded(file_, [&] {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "UPDATE sync_state SET device = ?, journal_bytes = 0, journal_lines = 0 WHERE id = 1")
        .bind(1, std::string_view{device})
        .run();
    save_positions(db_, read);
    // A new journal: its header lists every id it speaks for.
    db_.exec("UPDATE sync_speaks_for SET declared = 0");
    db_.prepare("DELETE FROM sync_speaks_for WHERE device = ?")
        .bind(1, std::string_view{device})
        .run();
    if (!republish.empty()) {
      db_.prepare("INSERT OR IGNORE INTO sync_speaks_for (device) VALUES (?)")
          .bind(1, std::string_view{republish})
          .run();
      for (const auto& k : all_kind_sql()) {
        db_.exec(fmt::format(
            "INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT '{}', uid FROM {} WHERE uid IS "
            "NOT NULL AND device IN (SELECT device FROM sync_speaks_for)",
            sync::kind_name(k.kind), k.table));
      }
    }
    tx.commit();
  });
}

void HistoryStore::add_outbox_triggers() {
  if (outbox_triggers_) return;
  // In memory: the temp schema would otherwise be a file under /tmp (SQLite's default), one more
  // thing a full or read-only /tmp could break.
  std::string sql = "PRAGMA temp_store = MEMORY;";
  for (const auto& k : all_kind_sql()) {
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
    for (const auto& k : all_kind_sql()) {
      db_.exec(fmt::format(
          "INSERT OR IGNORE INTO sync_outbox (kind, uid) SELECT '{}', uid FROM {} WHERE uid IS "
          "NOT NULL",
          sync::kind_name(k.kind), k.table));
    }
    db_.exec("UPDATE sync_state SET journal_bytes = 0, journal_lines = 0 WHERE id = 1");
    db_.exec("UPDATE sync_speaks_for SET declared = 0");
    tx.commit();
  });
}

MergeCounts HistoryStore::merge(std::vector<IncomingRecord>& batch, const MergeRequest& request,
                                ProblemLog& problems) {
  return guarded(file_, [&] {
    add_outbox_triggers();  // an import queues what it adds, for the next sync to carry on
    return merge_unguarded(batch, request, problems);
  });
}

MergeCounts HistoryStore::merge_unguarded(std::vector<IncomingRecord>& batch,
                                          const MergeRequest& request, ProblemLog& problems) {
  std::stable_sort(batch.begin(), batch.end(), [](const auto& a, const auto& b) {
    return sync::apply_rank(a.record.kind) < sync::apply_rank(b.record.kind);
  });
  sqlite::Transaction tx(db_);
  if (request.mode == MergeMode::sync) db_.exec("UPDATE sync_state SET merging = 1 WHERE id = 1");
  Merger merger(db_, request, problems);
  for (const auto& in : batch) merger.apply(in);
  save_positions(db_, request.positions);
  if (request.mode == MergeMode::sync) db_.exec("UPDATE sync_state SET merging = 0 WHERE id = 1");
  tx.commit();
  return std::move(merger.counts);
}

}  // namespace roll::platform

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

// An injury that arrives already cleared is held for confirmation only while it could still
// guard a zone: the longest wait a routine may ask after an injury, with a margin (roll's own).
constexpr std::int64_t kArrivedClearedHoldSeconds = 7 * 24 * 3600;

std::string outbox_select(const KindSql& k) {
  return fmt::format(
      "{} JOIN sync_outbox o ON o.kind = '{}' AND o.uid = {} AND o.device = {} ORDER BY {}",
      k.select, sync::kind_name(k.kind), k.key, k.key_device, k.order);
}

// The column of a table that the outbox's device names: a tombstone's is the device of the
// record it is about.
const char* outbox_device_column(const KindSql& k) {
  return k.kind == Kind::tombstone ? "of_device" : "device";
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

Subject subject_of(Records& w, Kind kind, const std::string& uid, std::string device,
                   int depth = 0) {
  if (device.empty()) {
    // A clearing from before format 4 names its injury by uid alone.
    auto devices = w.live_devices(kind, uid);
    if (devices.empty()) devices = w.hidden_devices(kind, uid);
    if (devices.empty()) return {};
    device = devices.front();
  }
  auto r = w.live(kind, uid, device);
  if (!r) r = w.hidden(uid, kind, device);
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
  return subject_of(w, *parent, parent_uid(*r), sync::reference_device(*r), depth + 1);
}

// The devices whose record of `kind` and `uid` a reference by `device` names: that one, or for a
// reference from before format 4 ("") every device that holds one, live or kept hidden.
std::vector<std::string> named_devices(Records& w, Kind kind, const std::string& uid,
                                       const std::string& device) {
  if (!device.empty()) return {device};
  auto out = w.live_devices(kind, uid);
  for (auto& d : w.hidden_devices(kind, uid))
    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
  return out;
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
        injury_state_(
            db.prepare("SELECT cleared, lifted FROM injuries WHERE uid = ? AND device = ?")),
        lift_(db.prepare(
            "UPDATE injuries SET lifted = ?, lifted_by = ? WHERE uid = ? AND device = ?")),
        clear_(db.prepare("UPDATE injuries SET cleared = 1 WHERE uid = ? AND device = ?")),
        keep_notice_(db.prepare(
            "INSERT INTO sync_notices (device, change, kind, uid, subject, subject_at) VALUES (?, "
            "?, ?, ?, ?, ?)")),
        queue_(
            db.prepare("INSERT OR IGNORE INTO sync_outbox (kind, uid, device) VALUES (?, ?, ?)")),
        is_provisional_(db.prepare(
            "SELECT 1 FROM provisional_records WHERE kind = ? AND uid = ? AND device = ?")),
        mark_provisional_(db.prepare(
            "INSERT OR IGNORE INTO provisional_records (kind, uid, device) VALUES (?, ?, ?)")),
        confirm_(db.prepare(
            "DELETE FROM provisional_records WHERE kind = ? AND uid = ? AND device = ?")) {}

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

  // A device's own journal is the authority for what its records are. Any other way a record of
  // another device arrives (a journal whose header says it replaces that device, an import) is
  // open to anyone who can write a file: what it stores is provisional until the record's own
  // journal says the same. This device's own records are never provisional.
  [[nodiscard]] bool from_own_journal(const Record& r) const {
    return !request_.journal_device.empty() && r.device == request_.journal_device;
  }
  [[nodiscard]] bool provisional_source(const Record& r) const {
    return !from_own_journal(r) && from_elsewhere(r);
  }

  sqlite::Statement& keyed(sqlite::Statement& st, const Record& r) {
    st.reset();
    st.bind(1, sync::kind_name(r.kind))
        .bind(2, std::string_view{r.uid})
        .bind(3, std::string_view{r.device});
    return st;
  }
  bool provisional(const Record& r) { return keyed(is_provisional_, r).step(); }
  void mark_provisional(const Record& r) { keyed(mark_provisional_, r).run(); }
  void confirm(const Record& r) { keyed(confirm_, r).run(); }

  // The provisional record `held` replaced by its own journal's version `r`, which differs in
  // fields that never change: the folder carried a false copy, which is named.
  void corrected(const IncomingRecord& in, const Record& held) {
    problems_.add_at(in.where,
                     fmt::format("{} of device {} corrected by its own journal: {}",
                                 sync::kind_name(in.record.kind), sync::quoted(in.record.device),
                                 sync::never_changing_differences(held, in.record)));
    confirm(in.record);
    ++counts.updated;
  }

  void notice(const Record& r, std::string change, Kind kind, const std::string& uid,
              const std::string& device, bool safety) {
    notice(r.device, std::move(change), kind, uid, device, safety);
  }

  // A change made by device `by` to the record of `kind`, `uid` and `device`.
  void notice(const std::string& by, std::string change, Kind kind, const std::string& uid,
              const std::string& device, bool safety) {
    auto subject = subject_of(w_, kind, uid, device);
    MergeNotice n{by, std::move(change), kind, uid, subject.name, subject.at, safety};
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
  std::optional<std::pair<bool, std::string>> injury_state(const std::string& uid,
                                                           const std::string& device) {
    injury_state_.reset();
    injury_state_.bind(1, std::string_view{uid}).bind(2, std::string_view{device});
    if (!injury_state_.step()) return std::nullopt;
    return std::pair{injury_state_.int64(0) != 0,
                     injury_state_.is_null(1) ? std::string() : injury_state_.text(1)};
  }

  void lift(const std::string& injury, const std::string& injury_device, const char* how,
            const std::string& by) {
    lift_.reset();
    if (how == nullptr) {
      lift_.bind_null(1).bind_null(2);
    } else {
      lift_.bind(1, std::string_view{how}).bind(2, std::string_view{by});
    }
    lift_.bind(3, std::string_view{injury}).bind(4, std::string_view{injury_device}).run();
  }

  void apply_tombstone(const IncomingRecord& in) {
    const Record& r = in.record;
    Kind of = *sync::find_kind(r.text("of"));
    // "" (a tombstone from before format 4): about every device's record of this uid and kind.
    std::string of_device = sync::reference_device(r);
    auto held = w_.tombstone_row(r.uid, of, of_device);
    if (held && !sync::supersedes(r, *held)) {
      ++counts.known;
      return;
    }
    auto devices = named_devices(w_, of, r.uid, of_device);
    std::vector<bool> was_deleted;
    for (const auto& d : devices) was_deleted.push_back(w_.deleted(r.uid, of, d));
    w_.put_tombstone(r);
    ++(held ? counts.updated : counts.added);
    for (std::size_t i = 0; i < devices.size(); ++i) {
      // What stands is the later of the record's own tombstone and an old one about every
      // device: a tombstone that is not the later changes nothing.
      bool now_deleted = w_.deleted(r.uid, of, devices[i]);
      if (was_deleted[i] == now_deleted) continue;
      if (now_deleted) {
        deleted(r, of, devices[i]);
      } else {
        restored(r, of, devices[i]);
      }
    }
  }

  void deleted(const Record& r, Kind of, const std::string& device) {
    auto state = of == Kind::injury ? injury_state(r.uid, device) : std::nullopt;
    if (from_elsewhere(r)) {
      // Named before it is hidden, while its fields are at hand.
      bool safety = of == Kind::injury || of == Kind::pain_stop;
      if (of == Kind::session) {
        auto children = w_.live_children(Kind::session, r.uid, device);
        safety = std::any_of(children.begin(), children.end(),
                             [](const RecordKey& c) { return c.kind == Kind::pain_stop; });
      }
      // A record that hangs on another is named only when that one stays: otherwise it went
      // with it, or never arrived.
      if (!sync::parent_kind(of) || w_.live(of, r.uid, device))
        notice(r, "deleted", of, r.uid, device, safety);
    }
    if (state && !state->first && state->second.empty() && from_elsewhere(r)) {
      // An open injury deleted elsewhere keeps guarding here until it is confirmed.
      lift(r.uid, device, "deleted", r.device);
    } else {
      (void)w_.hide(of, r.uid, device);
    }
  }

  void restored(const Record& r, Kind of, const std::string& device) {
    auto state = of == Kind::injury ? injury_state(r.uid, device) : std::nullopt;
    std::vector<Record> moved;
    if (state && state->second == "deleted") {
      lift(r.uid, device, nullptr, {});
      for (const auto& child : w_.hidden_children(r.uid, of, device))
        if (!w_.deleted(child.uid, child.kind, child.device))
          (void)w_.unhide(child.uid, child.kind, child.device, &moved);
    } else {
      (void)w_.unhide(r.uid, of, device, &moved);
    }
    // This device's records that another device restored may never have reached its journal
    // (deleted here before a sync): they travel now, or the others would restore nothing.
    for (const auto& m : moved) {
      if (m.device != request_.own_device) continue;
      queue_.reset();
      queue_.bind(1, sync::kind_name(m.kind))
          .bind(2, std::string_view{m.uid})
          .bind(3, std::string_view{m.device})
          .run();
    }
    if (from_elsewhere(r)) notice(r, "restored", of, r.uid, device, false);
  }

  void apply_record(const IncomingRecord& in) {
    const Record& r = in.record;
    const std::string& parent = parent_uid(r);
    auto parent_kind = sync::parent_kind(r.kind);
    std::string parent_device = sync::reference_device(r);
    bool hide = w_.deleted(r.uid, r.kind, r.device) || (parent_kind && w_.parent_away(r));
    if (hide) {
      if (w_.purged(r.uid, r.kind, r.device) ||
          (parent_kind && w_.purged(parent, *parent_kind, parent_device))) {
        ++counts.known;
        return;
      }
      if (request_.list_deleted && w_.deleted(r.uid, r.kind, r.device))
        counts.deleted_here.emplace_back(r.uid, r.device);
      auto kept = w_.hidden(r.uid, r.kind, r.device);
      if (kept) {
        if (auto why = sync::check_update(*kept, r)) {
          if (from_own_journal(r) && provisional(r)) {
            w_.put_hidden(r);
            corrected(in, *kept);
            return;
          }
          refuse(in, *why);
          return;
        }
        if (from_own_journal(r)) confirm(r);
        if (!sync::supersedes(r, *kept)) {
          ++counts.hidden;
          return;
        }
      } else if (provisional_source(r)) {
        mark_provisional(r);
      }
      w_.put_hidden(r);
      ++counts.hidden;
      return;
    }
    std::optional<std::int64_t> row;
    if (sync::parent_kind(r.kind) == Kind::session && r.kind != Kind::pain_stop) {
      row = w_.session_row(parent, r.device);
      if (!row) {
        refuse(in, fmt::format("a {} of session {}, which is not in the history",
                               sync::kind_name(r.kind), parent));
        return;
      }
    }
    std::vector<std::string> injuries;
    if (r.kind == Kind::injury_clearing) {
      injuries = named_devices(w_, Kind::injury, parent, parent_device);
      for (const auto& d : injuries) {
        if (auto injury = w_.live(Kind::injury, parent, d);
            injury && r.integer("at") < injury->integer("at")) {
          refuse(in, fmt::format("a clearing (at {}) before its injury (at {})",
                                 format_utc(from_unix(r.integer("at"))),
                                 format_utc(from_unix(injury->integer("at")))));
          return;
        }
      }
    }
    auto held = w_.live(r);
    bool same = held && held->uid == r.uid && held->device == r.device;
    if (same) {
      if (auto why = sync::check_update(*held, r)) {
        if (from_own_journal(r) && provisional(r)) {
          w_.correct(r, row);
          corrected(in, *held);
          return;
        }
        refuse(in, *why);
        return;
      }
      if (from_own_journal(r)) confirm(r);
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
    if (!same && provisional_source(r)) mark_provisional(r);
    switch (r.kind) {
      case Kind::injury_clearing:
        for (const auto& d : injuries) {
          if (auto state = injury_state(parent, d); state && !state->first) {
            clear_.reset();
            clear_.bind(1, std::string_view{parent}).bind(2, std::string_view{d}).run();
            if (from_elsewhere(r)) {
              if (state->second.empty()) lift(parent, d, "cleared", r.device);
              notice(r, "cleared", Kind::injury, parent, d, true);
            }
          }
        }
        break;
      case Kind::injury:
        if (held && !held->boolean("cleared") && r.boolean("cleared") && from_elsewhere(r)) {
          if (auto state = injury_state(r.uid, r.device); state && state->second.empty())
            lift(r.uid, r.device, "cleared", r.device);
          notice(r, "cleared", Kind::injury, r.uid, r.device, true);
        } else if (!held && r.boolean("cleared") && from_elsewhere(r) &&
                   now_ - r.integer("at") < kArrivedClearedHoldSeconds) {
          // Cleared before it ever reached this device, and recent enough to guard a zone
          // still: the clearing came by sync all the same, so it holds until confirmed here.
          if (auto state = injury_state(r.uid, r.device); state && state->second.empty())
            lift(r.uid, r.device, "cleared", r.device);
          notice(r, "cleared", Kind::injury, r.uid, r.device, true);
        } else if (!held && !r.boolean("cleared")) {
          // Cleared on arrival by a clearing that came first (another journal read before the
          // injury's): from another device, it holds until confirmed here, as one that comes
          // after does.
          auto by = early_clearing(r);
          if (auto state = injury_state(r.uid, r.device);
              by && state && state->first && state->second.empty()) {
            lift(r.uid, r.device, "cleared", *by);
            notice(*by, "cleared", Kind::injury, r.uid, r.device, true);
          }
        }
        break;
      case Kind::check_in:
        if (from_elsewhere(r)) notice(r, "answered", Kind::check_in, r.uid, r.device, true);
        break;
      default:
        break;
    }
  }

  // The device of a clearing of injury `r` stored before it, when none of them is this
  // device's (which would be its confirmation here).
  std::optional<std::string> early_clearing(const Record& r) {
    auto st = db_.prepare(
        "SELECT device FROM injury_clearings WHERE injury_uid = ?1 AND coalesce(injury_device, "
        "?2) = ?2 AND at >= ?3 ORDER BY device");
    st.bind(1, std::string_view{r.uid})
        .bind(2, std::string_view{r.device})
        .bind(3, r.integer("at"));
    std::optional<std::string> by;
    while (st.step()) {
      auto d = st.text(0);
      if (d == request_.own_device) return std::nullopt;
      if (!by) by = std::move(d);
    }
    return by;
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
  sqlite::Statement is_provisional_;
  sqlite::Statement mark_provisional_;
  sqlite::Statement confirm_;
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
                    "x.uid AND o.device = x.{}",
                    k.table, sync::kind_name(k.kind), outbox_device_column(k)));
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
            "INSERT OR IGNORE INTO sync_outbox (kind, uid, device) SELECT '{}', uid, {} FROM {} "
            "WHERE uid IS NOT NULL AND device IN (SELECT device FROM sync_speaks_for)",
            sync::kind_name(k.kind), outbox_device_column(k), k.table));
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
          "BEGIN INSERT INTO sync_outbox (kind, uid, device) SELECT '{1}', new.uid, new.{4} "
          "WHERE NOT EXISTS (SELECT 1 FROM sync_outbox WHERE kind = '{1}' AND uid = new.uid AND "
          "device = new.{4}); END;",
          k.table, sync::kind_name(k.kind), event == "INSERT" ? "insert" : "update", event,
          outbox_device_column(k));
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
          "INSERT OR IGNORE INTO sync_outbox (kind, uid, device) SELECT '{}', uid, {} FROM {} "
          "WHERE uid IS NOT NULL",
          sync::kind_name(k.kind), outbox_device_column(k), k.table));
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

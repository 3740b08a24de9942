// Everything the history store reads (platform/history_store.hpp; the HistoryReader that `due`,
// `stats` and the today view use): sessions whole or brief, their starts, counts, zones, ratings,
// pressures, pain stops, injuries and the check-in. A row roll did not write is left out of every
// answer and named once in problems().
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "roll/zone.hpp"

namespace roll::platform {

using namespace history_detail;
using std::chrono::seconds;

namespace {

constexpr const char* kSessionColumns =
    "id, uid, device, routine, title, started_at, ended_at, planned_seconds, completed_seconds, "
    "status, origin, utc_offset, rating_before, rating_after, pain_before, pain_after";

}  // namespace

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
  // A rating roll did not write is no rating. The two scales are read into their own fields.
  std::optional<int>* scales[] = {&r.rating_before, &r.rating_after, &r.pain_before, &r.pain_after};
  for (int col = 12; col < 16; ++col) {
    if (st.is_null(col)) continue;
    auto v = st.int64(col);
    if (v < 0 || v > 10) continue;
    *scales[col - 12] = static_cast<int>(v);
  }
  return r;
}

void HistoryStore::attach_details(SessionRecord& r) {
  if (!zones_of_) {
    zones_of_.emplace(db_.prepare(
        "SELECT zone, seconds, roller_seconds FROM session_zones WHERE session_id = ?"));
    pressures_of_.emplace(db_.prepare(
        "SELECT at_seconds, value, zone FROM pressures WHERE session_id = ? ORDER BY at_seconds, "
        "rowid"));
    skipped_of_.emplace(db_.prepare(
        "SELECT step, name, at_seconds FROM skipped_steps WHERE session_id = ? ORDER BY rowid"));
    holds_of_.emplace(db_.prepare(
        "SELECT step, at_seconds, delta_seconds FROM hold_changes WHERE session_id = ? ORDER BY "
        "rowid"));
  }
  // Values are read as the 64-bit numbers SQLite keeps; one outside what roll writes is left out,
  // never cut down to an int.
  auto fits = [](std::int64_t v, std::int64_t lo, std::int64_t hi) { return v >= lo && v <= hi; };
  constexpr std::int64_t kMaxStep = 100000;
  zones_of_->reset();
  zones_of_->bind(1, r.id);
  while (zones_of_->step()) {
    auto secs = zones_of_->int64(1);
    if (!fits(secs, 0, kMaxSessionSeconds)) continue;
    r.zone_seconds[zones_of_->text(0)] = static_cast<int>(secs);
    // NULL: not recorded (before roll kept it); a value above the zone's is not kept either.
    if (!zones_of_->is_null(2)) {
      auto roller = zones_of_->int64(2);
      if (fits(roller, 0, secs)) r.roller_seconds[zones_of_->text(0)] = static_cast<int>(roller);
    }
  }
  pressures_of_->reset();
  pressures_of_->bind(1, r.id);
  while (pressures_of_->step()) {
    auto at = pressures_of_->int64(0);
    auto value = pressures_of_->int64(1);
    if (fits(at, 0, kMaxSessionSeconds) && fits(value, 1, 10))
      r.pressures.push_back(
          {static_cast<int>(at), static_cast<int>(value), pressures_of_->text(2)});
  }
  skipped_of_->reset();
  skipped_of_->bind(1, r.id);
  while (skipped_of_->step()) {
    auto step = skipped_of_->int64(0);
    auto at = skipped_of_->int64(2);
    if (fits(step, 0, kMaxStep) && fits(at, 0, kMaxSessionSeconds))
      r.skipped.push_back({static_cast<int>(step), skipped_of_->text(1), static_cast<int>(at)});
  }
  holds_of_->reset();
  holds_of_->bind(1, r.id);
  while (holds_of_->step()) {
    auto step = holds_of_->int64(0);
    auto at = holds_of_->int64(1);
    auto delta = holds_of_->int64(2);
    if (!fits(step, 0, kMaxStep) || !fits(at, 0, kMaxSessionSeconds) ||
        !fits(delta, -kMaxSessionSeconds, kMaxSessionSeconds)) {
      continue;
    }
    // In memory a hold change names its step counting from 1, as the session's events do.
    r.hold_changes.push_back(
        {static_cast<int>(at), static_cast<int>(delta), static_cast<int>(step) + 1, ""});
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
  // An upper bound from the largest row id, not a count: counting a long history is a cost
  // `roll stats` would feel, and this only sizes a vector.
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
  auto zones = db_.prepare(
      "SELECT session_id, zone, seconds, roller_seconds FROM session_zones WHERE "
      "session_id >= ?");
  zones.bind(1, first);
  while (zones.step()) {
    auto secs = zones.int64(2);
    if (secs < 0 || secs > kMaxSessionSeconds) continue;
    if (auto it = by_id.find(zones.int64(0)); it != by_id.end()) {
      it->second->zone_seconds[zones.text(1)] = static_cast<int>(secs);
      if (zones.is_null(3)) continue;
      auto roller = zones.int64(3);
      if (roller >= 0 && roller <= secs)
        it->second->roller_seconds[zones.text(1)] = static_cast<int>(roller);
    }
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
      "SELECT started_at, utc_offset, rating_before, rating_after, pain_before, pain_after, "
      "routine, uid FROM sessions WHERE id >= ? AND +started_at >= ? AND origin != 'rehearsal' "
      "AND (rating_before BETWEEN 0 AND 10 OR rating_after BETWEEN 0 AND 10 OR pain_before "
      "BETWEEN 0 AND 10 OR pain_after BETWEEN 0 AND 10)");
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
    std::optional<int>* scales[] = {&r.rating_before, &r.rating_after, &r.pain_before,
                                    &r.pain_after};
    for (int col = 2; col < 6; ++col) {
      if (st.is_null(col)) continue;
      auto v = st.int64(col);
      if (v < 0 || v > 10) continue;
      *scales[col - 2] = static_cast<int>(v);
    }
    r.routine_name = st.text(6);
    r.uid = st.text(7);
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
  while (st.step()) {
    auto at = st.int64(0);
    if (at < 0 || at > kMaxSessionSeconds) continue;
    out.push_back({static_cast<int>(at), static_cast<int>(st.int64(1)), st.text(2)});
  }
  return out;
}

std::optional<SessionRecord> HistoryStore::session_by_uid(const std::string& uid,
                                                          const std::string& device) {
  auto st = db_.prepare(fmt::format(
      "SELECT {} FROM sessions WHERE uid = ?1 AND (?2 = '' OR device = ?2) ORDER BY id LIMIT 1",
      kSessionColumns));
  st.bind(1, uid).bind(2, device);
  if (!st.step()) return std::nullopt;
  auto r = read_session(st);
  if (r) attach_details(*r);
  return r;
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

std::vector<Injury> HistoryStore::injuries(bool include_cleared) {
  // An injury another device cleared or deleted, not yet confirmed here, is open here.
  // A clearing is of this injury when it names its uid and device (or no device: from before
  // format 4, every injury of that uid); another device's injury of the same uid is another.
  constexpr const char* kColumns =
      "SELECT id, zone, at, note, cleared, lifted, lifted_by, (SELECT min(c.at) FROM "
      "injury_clearings c WHERE c.injury_uid = injuries.uid AND coalesce(c.injury_device, "
      "injuries.device) = injuries.device) FROM injuries ";
  auto st = db_.prepare(
      fmt::format("{}{}", kColumns,
                  include_cleared ? "ORDER BY at, id"
                                  : "WHERE cleared = 0 OR lifted IS NOT NULL ORDER BY at, id"));
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
    if (!st.is_null(5)) {
      i.lifted = st.text(5);
      i.lifted_by = st.is_null(6) ? std::string() : st.text(6);
    }
    i.cleared = st.int64(4) != 0 && i.lifted.empty();
    if (i.cleared && !st.is_null(7) && valid_unix_seconds(st.int64(7)))
      i.cleared_at = from_unix(std::max(st.int64(7), at));
    out.push_back(std::move(i));
  }
  return out;
}

bool HistoryStore::checked_in(const std::string& day) {
  auto st = db_.prepare("SELECT 1 FROM check_ins WHERE day = ?");
  st.bind(1, day);
  return st.step();
}

}  // namespace roll::platform

#pragma once
// The history in memory, for the rules that read it (roll/due.hpp, roll/stats.hpp,
// roll/today.hpp): sessions, pain stops and injuries as vectors, answered the way
// platform::HistoryStore answers from SQLite (newest first, brief records without names or zones,
// rows outside a query's times left out). And a time zone at a fixed offset.
#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "roll/history_reader.hpp"
#include "roll/time_zone.hpp"

namespace roll::test {

// Always `offset` east of UTC, with no daylight saving.
class FixedOffsetZone final : public TimeZone {
 public:
  explicit FixedOffsetZone(std::chrono::seconds offset = {}) : offset_(offset) {}
  [[nodiscard]] LocalSeconds to_local(SysSeconds t) const override {
    return LocalSeconds{(t + offset_).time_since_epoch()};
  }
  [[nodiscard]] SysSeconds from_local(LocalSeconds t) const override {
    return SysSeconds{t.time_since_epoch() - offset_};
  }

 private:
  std::chrono::seconds offset_;
};

class MemoryHistory final : public HistoryReader {
 public:
  // Gives the record the next row id; returns it.
  long long add(SessionRecord r) {
    r.id = static_cast<long long>(sessions_.size()) + 1;
    sessions_.push_back(std::move(r));
    return sessions_.back().id;
  }
  void add(PainStop p) { pain_stops_.push_back(std::move(p)); }
  void add(Injury i) {
    i.id = static_cast<long long>(injuries_.size()) + 1;
    injuries_.push_back(std::move(i));
  }

  void visit_sessions(const SessionQuery& q,
                      const std::function<void(SessionRecord&)>& visit) override {
    std::vector<SessionRecord> picked;
    for (const auto& r : sessions_) {
      if (q.since && r.started_at < *q.since) continue;
      if (q.until && r.started_at >= *q.until) continue;
      picked.push_back(q.brief ? brief(r) : q.details ? r : without_details(r));
    }
    if (!q.brief) {
      std::stable_sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) {
        return a.started_at != b.started_at ? a.started_at > b.started_at : a.id > b.id;
      });
    }
    int shown = 0;
    for (auto& r : picked) {
      visit(r);
      if (q.limit > 0 && ++shown >= q.limit) break;
    }
  }
  [[nodiscard]] std::vector<SessionRecord> sessions(const SessionQuery& q) override {
    std::vector<SessionRecord> out;
    visit_sessions(q, [&](SessionRecord& r) { out.push_back(std::move(r)); });
    return out;
  }
  void visit_session_starts(SysSeconds until,
                            const std::function<void(LocalSeconds, bool)>& visit) override {
    std::vector<SessionRecord> before;
    for (const auto& r : sessions_)
      if (r.started_at < until) before.push_back(r);
    std::stable_sort(before.begin(), before.end(),
                     [](const auto& a, const auto& b) { return a.started_at < b.started_at; });
    for (const auto& r : before) visit(local_start(r), counts_as_done(r.status, r.origin));
  }
  [[nodiscard]] std::size_t count_sessions_since(SysSeconds since) override {
    return static_cast<std::size_t>(std::count_if(
        sessions_.begin(), sessions_.end(), [&](const auto& r) { return r.started_at >= since; }));
  }
  [[nodiscard]] std::size_t count_sessions_before(SysSeconds) override { return sessions_.size(); }
  void attach_zones(std::vector<SessionRecord>& records, SysSeconds since) override {
    for (auto& r : records) {
      if (r.started_at < since) continue;
      for (const auto& held : sessions_)
        if (held.id == r.id) {
          r.zone_seconds = held.zone_seconds;
          r.roller_seconds = held.roller_seconds;
        }
    }
  }
  [[nodiscard]] std::vector<PainStop> pain_stops(SysSeconds from, SysSeconds to) override {
    std::vector<PainStop> out;
    for (const auto& p : pain_stops_)
      if (p.at >= from && p.at < to) out.push_back(p);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.at < b.at; });
    return out;
  }
  [[nodiscard]] std::vector<Injury> injuries(bool include_cleared) override {
    std::vector<Injury> out;
    for (const auto& i : injuries_)
      if (include_cleared || !i.cleared) out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.at != b.at ? a.at < b.at : a.id < b.id;
    });
    return out;
  }

 private:
  // What a brief query carries: times, seconds, status, origin and offset.
  static SessionRecord brief(const SessionRecord& r) {
    SessionRecord out;
    out.id = r.id;
    out.started_at = out.ended_at = r.started_at;
    out.completed_seconds = r.completed_seconds;
    out.status = r.status;
    out.origin = r.origin;
    out.utc_offset = r.utc_offset;
    return out;
  }
  static SessionRecord without_details(SessionRecord r) {
    r.zone_seconds.clear();
    r.roller_seconds.clear();
    r.pressures.clear();
    r.skipped.clear();
    r.hold_changes.clear();
    return r;
  }

  std::vector<SessionRecord> sessions_;
  std::vector<PainStop> pain_stops_;
  std::vector<Injury> injuries_;
};

}  // namespace roll::test

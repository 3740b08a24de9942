#pragma once
// What `roll due`, `roll stats`, the today view and `roll level` read from the history, as an
// interface: platform::HistoryStore reads it from SQLite, the tests' MemoryHistory
// (tests/support/memory_history.hpp) from vectors, so the rules in due.hpp, stats.hpp and
// today.hpp are tested without a database where that is simpler.
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "roll/history.hpp"
#include "roll/injury.hpp"

namespace roll {

struct SessionQuery {
  std::optional<SysSeconds> since;  // started at or after
  std::optional<SysSeconds> until;  // started before
  int limit = 0;                    // 0: all
  bool details = false;             // zone seconds, pressure readings, skipped steps, hold changes
  // Times, seconds, status and origin only (no names or ids), in no particular order: what
  // `roll stats` needs of the hundreds of thousands of sessions in ten years of weeks, without a
  // string for each.
  bool brief = false;
};

class HistoryReader {
 public:
  virtual ~HistoryReader() = default;

  // The sessions the query selects, one at a time, newest first (unless brief). The visitor may
  // move from the record.
  virtual void visit_sessions(const SessionQuery& query,
                              const std::function<void(SessionRecord&)>& visit) = 0;
  // The same, gathered.
  [[nodiscard]] virtual std::vector<SessionRecord> sessions(const SessionQuery& query) = 0;
  // Calls `visit(local start, counts as done)` for every session begun before `until`, oldest
  // first: what totals and streaks over the whole history need.
  virtual void visit_session_starts(SysSeconds until,
                                    const std::function<void(LocalSeconds, bool)>& visit) = 0;
  [[nodiscard]] virtual std::size_t count_sessions_since(SysSeconds since) = 0;
  // At least the number of sessions begun before `until` (for sizing a vector).
  [[nodiscard]] virtual std::size_t count_sessions_before(SysSeconds until) = 0;
  // Fills zone_seconds (and roller_seconds where recorded) of the records started at or after
  // `since`.
  virtual void attach_zones(std::vector<SessionRecord>& records, SysSeconds since) = 0;
  // Pain stops at `from` or later and before `to`, oldest first.
  [[nodiscard]] virtual std::vector<PainStop> pain_stops(SysSeconds from, SysSeconds to) = 0;
  // Oldest first; the cleared ones too when asked.
  [[nodiscard]] virtual std::vector<Injury> injuries(bool include_cleared) = 0;
};

}  // namespace roll

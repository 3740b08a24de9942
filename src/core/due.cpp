#include "roll/due.hpp"

namespace roll {

namespace {

// A roll day is at most 25 h and an offset at most 18 h: three days each way hold today.
SessionQuery near(SysSeconds now) {
  SessionQuery q;
  q.since = now - std::chrono::days{3};
  q.until = now + std::chrono::days{3};
  return q;
}

}  // namespace

DueToday due_today(HistoryReader& history, const TimeZone& zone, SysSeconds now,
                   int day_start_hour) {
  DueToday out;
  LocalDays today = roll_day(zone.to_local(now), day_start_hour);
  SessionQuery around = near(now);
  // The times, status and origin are all this needs; brief reads them from an index, without the
  // names and ids (roll due: a third fewer instructions to plan and run the query).
  around.brief = true;
  history.visit_sessions(around, [&](const SessionRecord& r) {
    out.done =
        out.done || (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today);
  });
  if (out.done) return out;
  for (const auto& p : history.pain_stops(*around.since, *around.until)) {
    LocalSeconds local{(p.at + p.utc_offset).time_since_epoch()};
    if (roll_day(local, day_start_hour) == today) out.pain_stop = p;
  }
  return out;
}

int completed_on_roll_day(HistoryReader& history, const TimeZone& zone, SysSeconds now,
                          int day_start_hour) {
  LocalDays today = roll_day(zone.to_local(now), day_start_hour);
  SessionQuery around = near(now);
  around.brief = true;
  int count = 0;
  history.visit_sessions(around, [&](const SessionRecord& r) {
    if (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today) ++count;
  });
  return count;
}

}  // namespace roll

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
  // names and ids, which is cheaper to plan and to run.
  around.brief = true;
  history.visit_sessions(around, [&](const SessionRecord& r) {
    out.done =
        out.done || (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today);
  });
  if (out.done) {
    out.reason = DueReason::done;
    return out;
  }
  for (const auto& p : history.pain_stops(*around.since, *around.until)) {
    if (stop_day(p, day_start_hour) == today) out.pain_stop = p;
  }
  if (out.pain_stop) {
    out.reason = DueReason::pain_stop;
    return out;
  }
  // The whole body neighbours every zone (guards()): under 48 h the session refuses every step
  // that presses anything. Oldest first, so the last one found ends last.
  for (auto& injury : history.injuries(false)) {
    if (injury.zone == Zone::full_body && injury_window(injury, now) == Guard::refuse) {
      out.injury = std::move(injury);
    }
  }
  if (out.injury) out.reason = DueReason::injury;
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

std::vector<SessionRecord> done_on_roll_day(HistoryReader& history, const TimeZone& zone,
                                            SysSeconds now, int day_start_hour) {
  LocalDays today = roll_day(zone.to_local(now), day_start_hour);
  std::vector<SessionRecord> out;
  history.visit_sessions(near(now), [&](SessionRecord& r) {
    if (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today) {
      out.push_back(std::move(r));
    }
  });
  return out;
}

SysSeconds roll_day_end(const TimeZone& zone, SysSeconds now, int day_start_hour) {
  LocalDays today = roll_day(zone.to_local(now), day_start_hour);
  return zone.from_local(LocalSeconds{today + std::chrono::days{1}} +
                         std::chrono::hours{day_start_hour});
}

bool before_day_start(const TimeZone& zone, SysSeconds now, int day_start_hour) {
  LocalSeconds local = zone.to_local(now);
  return roll_day(local, day_start_hour) != std::chrono::floor<std::chrono::days>(local);
}

}  // namespace roll

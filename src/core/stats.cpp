#include "roll/stats.hpp"

namespace roll {

std::set<LocalDays> injury_rest_days(const std::vector<Injury>& injuries, const TimeZone& zone,
                                     int day_start_hour) {
  std::set<LocalDays> rest;
  for (const auto& i : injuries) {
    add_rest_days(rest, zone.to_local(i.at), zone.to_local(i.at + kInjuryConfirmWindow),
                  day_start_hour);
  }
  return rest;
}

Stats gather_stats(HistoryReader& history, const TimeZone& zone, SysSeconds now, int day_start_hour,
                   int weeks) {
  using std::chrono::days;
  StatsInput in;
  in.now = zone.to_local(now);
  in.day_start_hour = day_start_hour;
  in.weeks = weeks;
  in.rest_days = injury_rest_days(history.injuries(true), zone, day_start_hour);
  // A day that ended in a pain stop is a rest day too: it must not cost the streak.
  for (const auto& p : history.pain_stops(SysSeconds{}, now + days{3})) {
    in.rest_days.insert(
        roll_day(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}, day_start_hour));
  }
  LocalDays today = roll_day(in.now, day_start_hour);
  // Full records only inside the window (a day's margin covers time-zone shifts); before it,
  // a start and a status are enough.
  LocalDays first = today - days{7 * (weeks + 1)};
  SysSeconds since = zone.from_local(LocalSeconds{first.time_since_epoch()});
  SessionQuery recent;
  recent.since = since;
  recent.brief = true;
  std::vector<SessionRecord> sessions;
  // Sized up front: ten years of weeks can be hundreds of thousands of records, and growing by
  // doubling moved each several times and page-faulted twice the memory.
  sessions.reserve(history.count_sessions_since(since));
  history.visit_sessions(recent, [&](SessionRecord& r) { sessions.push_back(std::move(r)); });
  history.attach_zones(sessions, since);
  std::vector<LocalSeconds> local;
  local.reserve(sessions.size());
  for (const auto& s : sessions) local.push_back(local_start(s));
  std::vector<SessionMark> earlier;
  // Sized up front: growing by doubling touches twice the memory, and at 100 years page
  // faults were a third of what this command cost (perf record -e page-faults).
  earlier.reserve(history.count_sessions_before(since));
  history.visit_session_starts(since, [&](LocalSeconds start, bool completed) {
    earlier.push_back({start, completed});
  });
  in.sessions = &sessions;
  in.earlier = &earlier;
  return compute_stats(in, local);
}

}  // namespace roll

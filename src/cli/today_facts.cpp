#include "cli/today_facts.hpp"

#include "cli/history_common.hpp"
#include "platform/wall_clock.hpp"

namespace roll::cli {

int completed_on_roll_day(platform::HistoryStore& store, SysSeconds now, int day_start_hour) {
  LocalDays today = roll_day(platform::to_local(now), day_start_hour);
  // As due_today(): a roll day is at most 25 h and an offset at most 18 h.
  platform::SessionQuery near;
  near.since = now - std::chrono::days{3};
  near.until = now + std::chrono::days{3};
  near.brief = true;
  int count = 0;
  store.visit_sessions(near, [&](const SessionRecord& r) {
    if (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today) ++count;
  });
  return count;
}

std::vector<SessionRecord> recent_sessions(platform::HistoryStore& store, SysSeconds now) {
  platform::SessionQuery query;
  query.since = now - std::chrono::days{kStepUpLookBackDays};
  query.details = true;
  return store.sessions(query);
}

StepUp step_up_now(const std::vector<SessionRecord>& recent, const Profile& profile,
                   SysSeconds now) {
  return step_up(profile.level.value_or(Level::beginner), recent,
                 roll_day(platform::to_local(now), profile.day_start_hour), profile.day_start_hour);
}

TodayFacts read_today_facts(platform::HistoryStore& store, const Profile& profile, SysSeconds now) {
  TodayFacts facts;
  DueToday due = due_today(store, now, profile.day_start_hour);
  facts.done = due.done;
  facts.pain_stop = due.pain_stop;
  facts.completed_today = completed_on_roll_day(store, now, profile.day_start_hour);
  facts.streaks = gather_stats(store, now, profile.day_start_hour, 1).streaks;
  facts.open_injuries = store.injuries(false);
  auto recent = recent_sessions(store, now);
  for (const auto& r : recent) {
    if (!counts_as_done(r.status, r.origin)) continue;
    auto& last = facts.last_done[r.routine_name];
    if (r.started_at > last) last = r.started_at;
  }
  facts.step_up = step_up_now(recent, profile, now);
  return facts;
}

}  // namespace roll::cli

#include "cli/history_common.hpp"

#include <fmt/format.h>

#include "cli/routine_loading.hpp"
#include "platform/ids.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/text.hpp"

namespace roll::cli {

std::unique_ptr<platform::HistoryStore> open_history(Context& ctx) {
  try {
    auto state = ctx.env.state_home;
    return std::make_unique<platform::HistoryStore>(
        platform::HistoryStore::default_file(ctx.env.data_dir()),
        [state] { return platform::device_id(state); });
  } catch (const platform::HistoryError& e) {
    throw Failure(exit_usage, e.what());
  }
}

Profile load_profile_or_fail(Context& ctx) {
  auto result = platform::read_profile(ctx.env);
  if (!result.profile) {
    print_diagnostics(ctx, result.diagnostics);
    throw Failure(exit_usage, fmt::format("fix the profile {} first",
                                          sanitize(platform::profile_path(ctx.env).string())));
  }
  return *result.profile;
}

SysSeconds now_or_fail(const Context& ctx) {
  if (!ctx.now) throw Failure(exit_usage, ctx.now_error);
  SysSeconds now = *ctx.now;
  if (!valid_unix_seconds(now.time_since_epoch().count()))
    throw Failure(exit_usage, fmt::format("ROLL_NOW {} is not a time in the years 1970-9999",
                                          now.time_since_epoch().count()));
  return now;
}

void report_problems(Context& ctx, platform::HistoryStore& store) {
  for (const auto& line : store.take_problems()) fmt::print(ctx.err, "roll: {}\n", line);
}

std::set<LocalDays> injury_rest_days(const std::vector<Injury>& injuries, int day_start_hour) {
  std::set<LocalDays> rest;
  for (const auto& i : injuries) {
    add_rest_days(rest, platform::to_local(i.at), platform::to_local(i.at + kInjuryConfirmWindow),
                  day_start_hour);
  }
  return rest;
}

DueToday due_today(platform::HistoryStore& store, SysSeconds now, int day_start_hour) {
  DueToday out;
  LocalDays today = roll_day(platform::to_local(now), day_start_hour);
  // A roll day is at most 25 h and an offset at most 18 h: three days each way hold today.
  platform::SessionQuery near;
  near.since = now - std::chrono::days{3};
  near.until = now + std::chrono::days{3};
  store.visit_sessions(near, [&](const SessionRecord& r) {
    out.done =
        out.done || (counts_as_done(r.status, r.origin) && session_day(r, day_start_hour) == today);
  });
  if (out.done) return out;
  for (const auto& p : store.pain_stops(*near.since, *near.until)) {
    LocalSeconds local{(p.at + p.utc_offset).time_since_epoch()};
    if (roll_day(local, day_start_hour) == today) out.pain_stop = p;
  }
  return out;
}

Stats gather_stats(platform::HistoryStore& store, SysSeconds now, int day_start_hour, int weeks) {
  using std::chrono::days;
  StatsInput in;
  in.now = platform::to_local(now);
  in.day_start_hour = day_start_hour;
  in.weeks = weeks;
  in.rest_days = injury_rest_days(store.injuries(true), day_start_hour);
  // A day that ended in a pain stop is a rest day too: it must not cost the streak.
  for (const auto& p : store.pain_stops(SysSeconds{}, now + days{3})) {
    in.rest_days.insert(
        roll_day(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}, day_start_hour));
  }
  LocalDays today = roll_day(in.now, day_start_hour);
  // Full records only inside the window (a day's margin covers time-zone shifts); before it,
  // a start and a status are enough.
  LocalDays first = today - days{7 * (weeks + 1)};
  SysSeconds since = platform::from_local(LocalSeconds{first.time_since_epoch()});
  platform::SessionQuery recent;
  recent.since = since;
  recent.brief = true;
  std::vector<SessionRecord> sessions;
  // Sized up front: ten years of weeks can be hundreds of thousands of records, and growing by
  // doubling moved each several times and page-faulted twice the memory.
  sessions.reserve(store.count_sessions_since(since));
  store.visit_sessions(recent, [&](SessionRecord& r) { sessions.push_back(std::move(r)); });
  store.attach_zones(sessions, since);
  std::vector<LocalSeconds> local;
  local.reserve(sessions.size());
  for (const auto& s : sessions) local.push_back(local_start(s));
  std::vector<SessionMark> earlier;
  // Sized up front: growing by doubling touches twice the memory, and at 100 years page
  // faults were a third of what this command cost (perf record -e page-faults).
  earlier.reserve(store.count_sessions_before(since));
  store.visit_session_starts(since, [&](LocalSeconds start, bool completed) {
    earlier.push_back({start, completed});
  });
  in.sessions = &sessions;
  in.earlier = &earlier;
  return compute_stats(in, local);
}

SysSeconds parse_user_time(const std::string& text, const char* option) {
  auto parsed = parse_time(text);
  if (!parsed) {
    throw Failure(exit_usage,
                  fmt::format("{} \"{}\" is not a date or time; write it like 2026-11-23 or "
                              "2026-11-23T21:30",
                              option, sanitize(text)));
  }
  return platform::to_sys(*parsed);
}

}  // namespace roll::cli

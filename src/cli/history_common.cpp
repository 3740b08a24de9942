#include "cli/history_common.hpp"

#include <fmt/format.h>

#include "cli/routine_loading.hpp"
#include "platform/ids.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"

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
                                          platform::profile_path(ctx.env).string()));
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

SysSeconds parse_user_time(const std::string& text, const char* option) {
  auto parsed = parse_time(text);
  if (!parsed) {
    throw Failure(exit_usage,
                  fmt::format("{} \"{}\" is not a date or time; write it like 2026-11-23 or "
                              "2026-11-23T21:30",
                              option, text));
  }
  return platform::to_sys(*parsed);
}

}  // namespace roll::cli

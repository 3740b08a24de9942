#include "cli/history_common.hpp"

#include <fmt/format.h>

#include "cli/routine_loading.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/text.hpp"

namespace roll::cli {

std::unique_ptr<platform::HistoryStore> open_history(Context& ctx) {
  try {
    return std::make_unique<platform::HistoryStore>(
        platform::HistoryStore::default_file(ctx.env.data_dir()));
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

SysSeconds now_or_fail() {
  try {
    return platform::wall_now();
  } catch (const platform::TimeError& e) {
    throw Failure(exit_usage, e.what());
  }
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
                              option, sanitize(text)));
  }
  return platform::to_sys(*parsed);
}

}  // namespace roll::cli

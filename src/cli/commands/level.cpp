// roll level [LEVEL]: the profile's level and whether roll suggests a step up, or a
// new level written into config.toml with every other line and comment kept.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/profile_file.hpp"
#include "roll/profile_edit.hpp"
#include "roll/text.hpp"
#include "roll/today.hpp"

namespace roll::cli {

namespace {

void show(Context& ctx, platform::HistoryStore& store, const Profile& profile, SysSeconds now) {
  StepUp s = step_up_now(recent_sessions(store, now), profile, platform::process_time_zone(), now);
  report_problems(ctx, store);
  Level level = profile.level.value_or(Level::beginner);
  fmt::print(ctx.out, "level: {}{}\n", to_string(level),
             profile.level ? "" : " (no `level` in config.toml: a beginner until you say)");
  fmt::print(ctx.out, "step up: {}: {}\n", s.suggested ? "suggested" : "not suggested", s.reason);
}

void change(Context& ctx, UserData& user, Level level) {
  Level was = user.profile().level.value_or(Level::beginner);
  // Refused if the file changed since it was read: nothing the user wrote meanwhile is lost.
  user.edit_profile([&](std::string_view text) { return with_level_line(text, level); },
                    "the level");
  fmt::print(ctx.out, "level: {} (was {}) in {}\n", to_string(level), to_string(was),
             sanitize(platform::profile_path(ctx.env).string()));
}

}  // namespace

void declare_level(CommandSpec& roll, LevelOptions& options) {
  auto& cmd =
      roll.command("level", "Show your level and whether a step up is suggested, or set it");
  cmd.option("level", options.level, "Set the profile's level to this")
      .choices({"beginner", "intermediate", "advanced"});
  cmd.footer = fmt::format(
      "\nExamples:\n"
      "  roll level                    your level, and whether roll suggests a step up and why\n"
      "  roll level intermediate       set `level` in config.toml (its other lines are kept)\n"
      "\nA beginner is offered the step up after {} completed sessions over at least {} days with\n"
      "no pain stop and no pressure reading above {} (roll's own reading of the second article's\n"
      "\"gradually build time and frequency\"); a pain stop or a harder reading starts the count\n"
      "over. The {} is a beginner's most, where the session eases off (roll's own reading).",
      kStepUpSessions, kStepUpDays, step_up_most_pressure(), step_up_most_pressure());
}

int run_level(Context& ctx, UserData& user, const LevelOptions& options) {
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  if (options.level.empty()) {
    show(ctx, user.history(), profile, now);
    return exit_ok;
  }
  Level level = options.level == "advanced"       ? Level::advanced
                : options.level == "intermediate" ? Level::intermediate
                                                  : Level::beginner;
  change(ctx, user, level);
  return exit_ok;
}

}  // namespace roll::cli

// roll level [LEVEL]: the profile's level and whether roll suggests a step up, or a
// new level written into config.toml with every other line and comment kept.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/prescription_follow.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/profile_edit.hpp"
#include "roll/text.hpp"
#include "roll/today.hpp"

namespace roll::cli {

namespace {

void show(Context& ctx, platform::HistoryStore& store, const Profile& profile, SysSeconds now) {
  StepUp s = step_up_now(recent_sessions(store, now), profile, platform::process_time_zone(), now);
  report_problems(ctx, store);
  LocalDays today = roll_day(platform::to_local(now), profile.day_start_hour);
  if (auto prescribed = recent_prescribed_level(store, profile.day_start_hour, today)) {
    defer_to_clinician(s, *prescribed, today);
  }
  Level level = profile.level.value_or(Level::beginner);
  fmt::print(ctx.out, "level: {}{}\n", to_string(level),
             profile.level ? "" : " (no `level` in config.toml: a beginner until you say)");
  fmt::print(ctx.out, "step up: {}: {}\n",
             s.prescribed_level ? "ask your clinician first"
             : s.suggested      ? "suggested"
                                : "not suggested",
             sanitize(s.reason));
}

void change(Context& ctx, UserData& user, Level level, SysSeconds now) {
  Level was = user.profile().level.value_or(Level::beginner);
  // Going past a clinician's prescription is the user's call, made on their own file: roll says
  // whose call it should be and does it, on a terminal or not, as it does every other setting.
  LocalDays today = roll_day(platform::to_local(now), user.profile().day_start_hour);
  auto prescribed = recent_prescribed_level(user.history(), user.profile().day_start_hour, today);
  if (prescribed && asks_clinician(*prescribed, level, today)) {
    std::string who = clinician_words(*prescribed);
    fmt::print(ctx.err,
               "roll: {}'s prescription is for {}: ask {} whether to step up to {} (set anyway; "
               "the prescription still decides what is due)\n",
               sanitize(who), level_words(prescribed->level),
               prescribed->clinician.empty() ? std::string("them") : sanitize(who),
               to_string(level));
  }
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
      "over. The {} is a beginner's most, where the session eases off (roll's own reading).\n"
      "\nUnder a clinician's prescription naming a lower level (active, or ended in the last {}\n"
      "days, roll's own span), the step up is theirs: roll says to ask them first, and setting a\n"
      "higher level warns so and still sets it (the prescription still decides what is due).",
      kStepUpSessions, kStepUpDays, step_up_most_pressure(), step_up_most_pressure(),
      kStepUpAsksClinicianDays);
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
  change(ctx, user, level, now);
  return exit_ok;
}

}  // namespace roll::cli

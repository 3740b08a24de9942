// roll due: exit 0 when today's session is still to do, 1 when it is done. For scripts:
// `roll due && notify-send "Time to roll"`.
#include "roll/due.hpp"

#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/wall_clock.hpp"
#include "roll/screening.hpp"

namespace roll::cli {

void declare_due(CommandSpec& roll, DueOptions& opts) {
  auto& cmd = roll.command("due", "Exit 0 if no session has been completed today, 1 if one has");
  cmd.flag("-q,--quiet", opts.quiet, "Print nothing; only the exit status speaks");
  cmd.footer =
      "\nExamples:\n"
      "  roll due\n"
      "  roll due --quiet && notify-send roll 'Five minutes on the roller before bed'\n"
      "\nExit status: 0 due (nothing completed today), 1 done for today, a rest day, or a\n"
      "condition in your profile not cleared (osteoporosis = true, ...), 2 error.\n"
      "Only a completed session counts (at least 80% of its planned time on the roller, not a\n"
      "--speed rehearsal). A day that ended in a pain stop is a rest day: nothing is due.\n"
      "Today starts at `day_start` from config.toml (default 04:00).";
}

int run_due(Context& ctx, UserData& user, const DueOptions& opts) {
  const Profile& profile = user.profile();
  // A condition not cleared: nothing is due, so a reminder stays quiet, whatever the history says.
  if (std::string held = held_reason(profile); !held.empty()) {
    if (!opts.quiet) fmt::print(ctx.out, "Not due: {}.\n", held);
    return exit_findings;
  }
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  DueToday due = [&] {
    auto snapshot = store.read_snapshot();
    return due_today(store, platform::process_time_zone(), now, profile.day_start_hour);
  }();
  bool done = due.done;
  const auto& stop = due.pain_stop;
  report_problems(ctx, store);
  if (!opts.quiet) {
    if (done) {
      fmt::print(ctx.out, "Done for today: a session is already completed.\n");
    } else if (stop) {
      fmt::print(ctx.out,
                 "Rest day: today's session ended in a pain stop at {}{}. Nothing is due; "
                 "if the pain is sharp or stays, see a clinician.\n",
                 format_local(LocalSeconds{(stop->at + stop->utc_offset).time_since_epoch()}),
                 stop->zone.empty() ? "" : fmt::format(" ({})", stop->zone));
    } else {
      fmt::print(ctx.out, "Due: no session completed today yet.\n");
    }
  }
  return done || stop ? exit_findings : exit_ok;
}

}  // namespace roll::cli

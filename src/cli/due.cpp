// roll due: exit 0 when today's session is still to do, 1 when it is done. For scripts:
// `roll due && notify-send "Time to roll"`.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/history_common.hpp"
#include "platform/wall_clock.hpp"

namespace roll::cli {

void add_due_command(CLI::App& app, Context& ctx) {
  auto* cmd =
      app.add_subcommand("due", "Exit 0 if no session has been completed today, 1 if one has");
  auto quiet = std::make_shared<bool>(false);
  cmd->add_flag("-q,--quiet", *quiet, "Print nothing; only the exit status speaks");
  cmd->footer(
      "\nExamples:\n"
      "  roll due\n"
      "  roll due --quiet && notify-send roll 'Five minutes on the roller before bed'\n"
      "\nExit status: 0 due (nothing completed today), 1 done for today, 2 error.\n"
      "Today starts at `day_start` from config.toml (default 04:00).");
  cmd->callback([&ctx, quiet] {
    Profile profile = load_profile_or_fail(ctx);
    SysSeconds now = now_or_fail();
    DayWindow window = roll_day_window(platform::to_local(now), profile.day_start_hour);
    auto store = open_history(ctx);
    bool done = store->any_session(platform::from_local(window.begin),
                                   platform::from_local(window.end), true);
    if (!*quiet) {
      fmt::print(ctx.out, "{}\n",
                 done ? "Done for today: a session is already completed."
                      : "Due: no session completed today yet.");
    }
    ctx.exit_code = done ? exit_findings : exit_ok;
  });
}

}  // namespace roll::cli

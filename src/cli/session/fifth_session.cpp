#include "cli/session/fifth_session.hpp"

#include <fmt/core.h>

#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "roll/check_in.hpp"
#include "roll/due.hpp"
#include "roll/progress.hpp"

namespace roll::cli {

void warn_fifth_session(Context& ctx, UserData& user, bool assume_yes, bool interactive) {
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  int completed = 0;
  try {
    completed = completed_on_roll_day(user.history(), platform::process_time_zone(), now,
                                      profile.day_start_hour);
  } catch (const Failure&) {
    // A history that cannot be opened holds no sessions to count; the session's own log says
    // why it cannot be opened (and --no-log runs without one).
    return;
  }
  auto warning = frequency_warning(completed);
  if (!warning) return;
  fmt::print(ctx.err, "roll: warning: {}\n", *warning);
  if (assume_yes || !interactive) return;
  std::fflush(ctx.err);
  TerminalPrompter prompter(ctx);
  if (ask_yes_no(prompter, "Start anyway?") != true) {
    throw Failure(exit_refused, "not started: enough for today (1-4 sessions a day)");
  }
}

}  // namespace roll::cli

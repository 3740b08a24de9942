#pragma once
// Bare `roll` (no command): the today view, in the house's command shape. Its one option,
// --json, sits on the root command.
#include "cli/command_line.hpp"
#include "cli/context.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

struct TodayOptions {
  bool json = false;
};

void declare_today(CommandSpec& roll, TodayOptions& options);
int run_today(Context& ctx, UserData& user, const TodayOptions& options);

}  // namespace roll::cli

#pragma once
// Bare `roll` (no command): the today view, in the house's command shape. Its one option,
// --json, sits on the root command.
#include "cli/app.hpp"
#include "cli/command_line.hpp"

namespace roll::cli {

struct TodayOptions {
  bool json = false;
};

void declare_today(CommandSpec& roll, TodayOptions& options);
int run_today(Context& ctx, const TodayOptions& options);

}  // namespace roll::cli

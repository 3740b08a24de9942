#pragma once
// One function per command, each defined in its own file under src/cli/commands/.
#include <CLI/CLI.hpp>

#include "cli/app.hpp"

namespace roll::cli {

void add_list_command(CLI::App& app, Context& ctx);
void add_show_command(CLI::App& app, Context& ctx);
void add_session_command(CLI::App& app, Context& ctx);
void add_lint_command(CLI::App& app, Context& ctx);
void add_explain_command(CLI::App& app, Context& ctx);
void add_rules_command(CLI::App& app, Context& ctx);
void add_history_command(CLI::App& app, Context& ctx);
void add_stats_command(CLI::App& app, Context& ctx);
void add_due_command(CLI::App& app, Context& ctx);
void add_remind_command(CLI::App& app, Context& ctx);
void add_injury_command(CLI::App& app, Context& ctx);
void add_completion_command(CLI::App& app, Context& ctx);
void add_new_command(CLI::App& app, Context& ctx);
void add_sync_command(CLI::App& app, Context& ctx);

}  // namespace roll::cli

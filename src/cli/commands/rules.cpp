// roll rules: every lint rule with its severity and a one-line summary.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/lint_output.hpp"

namespace roll::cli {

void add_rules_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("rules", "List every lint rule with its severity and summary");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print JSON instead of a table");
  cmd->footer(
      "\nExamples:\n"
      "  roll rules\n"
      "  roll rules --json | jq -r '.rules[] | select(.silenceable) | .name'");
  cmd->callback([&ctx, json] {
    fmt::print(ctx.out, "{}", *json ? format_rules_json() : format_rules_table());
  });
}

}  // namespace roll::cli

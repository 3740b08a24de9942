// roll rules: every lint rule with its severity and a one-line summary.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/rule_text.hpp"

namespace roll::cli {

void declare_rules(CommandSpec& roll, RulesOptions& opts) {
  auto& cmd = roll.command("rules", "List every lint rule with its severity and summary");
  cmd.flag("--json", opts.json, "Print JSON instead of a table");
  cmd.footer =
      "\nExamples:\n"
      "  roll rules\n"
      "  roll rules --json | jq -r '.rules[] | select(.silenceable) | .name'";
}

int run_rules(Context& ctx, const RulesOptions& opts) {
  fmt::print(ctx.out, "{}", opts.json ? format_rules_json() : format_rules_table());
  return exit_ok;
}

}  // namespace roll::cli

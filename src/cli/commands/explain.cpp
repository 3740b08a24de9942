// roll explain RULE: why a rule exists, the passage it rests on, and what to write instead.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/rule_text.hpp"
#include "roll/rules.hpp"
#include "roll/suggest.hpp"
#include "roll/text.hpp"

namespace roll::cli {

void declare_explain(CommandSpec& roll, ExplainOptions& opts) {
  auto& cmd = roll.command("explain", "Explain a lint rule: its reason, source and examples");
  cmd.option("rule", opts.rule, "A rule name, as printed by `roll lint` or `roll rules`")
      .required()
      .completes(Completion::rule);
  cmd.footer =
      "\nExamples:\n"
      "  roll explain no-lumbar\n"
      "  roll explain two-minute-zone";
}

int run_explain(Context& ctx, const ExplainOptions& opts) {
  const Rule* rule = find_rule(opts.rule);
  if (!rule) {
    std::vector<std::string_view> names;
    for (const Rule& r : all_rules()) names.push_back(r.name);
    auto guess = closest_match(opts.rule, names);
    // "lumbar" is far from "no-lumbar" by edit distance, but it is one of the name's words.
    if (guess.empty() && !opts.rule.empty()) {
      for (std::string_view candidate : names) {
        std::string padded = fmt::format("-{}-", candidate);
        if (padded.find(fmt::format("-{}-", opts.rule)) != std::string::npos) {
          guess = std::string(candidate);
          break;
        }
      }
    }
    throw Failure(exit_usage,
                  fmt::format("no rule named '{}'; {}", sanitize(opts.rule),
                              guess.empty() ? std::string("run `roll rules` for the list")
                                            : fmt::format("did you mean `{}`?", guess)));
  }
  fmt::print(ctx.out, "{}", format_explain(*rule));
  return exit_ok;
}

}  // namespace roll::cli

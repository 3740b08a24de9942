// roll explain RULE: why a rule exists, the passage it rests on, and what to write instead.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/lint_output.hpp"
#include "roll/rules.hpp"
#include "roll/suggest.hpp"
#include "roll/text.hpp"

namespace roll::cli {

void add_explain_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("explain", "Explain a lint rule: its reason, source and examples");
  auto name = std::make_shared<std::string>();
  cmd->add_option("rule", *name, "A rule name, as printed by `roll lint` or `roll rules`")
      ->required();
  cmd->footer(
      "\nExamples:\n"
      "  roll explain no-lumbar\n"
      "  roll explain two-minute-zone");
  cmd->callback([&ctx, name] {
    const Rule* rule = find_rule(*name);
    if (!rule) {
      std::vector<std::string_view> names;
      for (const Rule& r : all_rules()) names.push_back(r.name);
      auto guess = closest_match(*name, names);
      // "lumbar" is far from "no-lumbar" by edit distance, but it is one of the name's words.
      if (guess.empty() && !name->empty()) {
        for (std::string_view candidate : names) {
          std::string padded = fmt::format("-{}-", candidate);
          if (padded.find(fmt::format("-{}-", *name)) != std::string::npos) {
            guess = std::string(candidate);
            break;
          }
        }
      }
      throw Failure(exit_usage,
                    fmt::format("no rule named '{}'; {}", sanitize(*name),
                                guess.empty() ? std::string("run `roll rules` for the list")
                                              : fmt::format("did you mean `{}`?", guess)));
    }
    fmt::print(ctx.out, "{}", format_explain(*rule));
  });
}

}  // namespace roll::cli

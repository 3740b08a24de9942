#pragma once
// The rule catalog: every diagnostic name roll can print, with the reasons behind it. `roll
// explain`, `roll rules`, SARIF's tool.driver.rules and the `allow` checks all read this one table,
// so a rule cannot exist in the linter without its rationale and its article.
#include <span>
#include <string_view>

#include "roll/diagnostic.hpp"

namespace roll {

enum class RuleKind {
  safety,     // errors that no `allow` can silence
  technique,  // warnings that `allow` can silence, at routine or step level
  structure,  // the file itself is wrong (syntax, schema, unknown-zone, io)
  meta,       // about the `allow` lists themselves
};

[[nodiscard]] const char* rule_kind_name(RuleKind kind);

struct Rule {
  std::string_view name;  // stable kebab-case: the contract of `allow`, SARIF ruleId, output
  Severity severity;
  RuleKind kind;
  std::string_view summary;    // one line, for `roll rules`
  std::string_view rationale;  // why, including where the articles differ and which reading wins
  std::string_view article;    // "first article (back-stretches-using-foam-roller)"; may be empty
  std::string_view quote;      // a short passage the rule rests on
  std::string_view bad;        // a TOML fragment that trips the rule
  std::string_view good;       // the same fragment, fixed
  std::string_view fix;        // the help text of its diagnostics
};

// How far the linter reaches, said wherever its verdict is read (`roll explain`, `roll rules`, the
// README), so that no one trusts it further.
inline constexpr std::string_view kLintReach =
    "The linter judges what a routine declares (each step's zone, kind, `on_roller`, `move`, "
    "`along`, positions and timing) and its step names; it does not read cues. A routine that "
    "describes one place and declares another cannot be caught: read the cues too.";

[[nodiscard]] std::span<const Rule> all_rules();

[[nodiscard]] const Rule* find_rule(std::string_view name);

}  // namespace roll

#include "cli/rule_text.hpp"

#include <fmt/core.h>
#include <toml++/toml.h>

#include <algorithm>

#include "cli/json_output.hpp"
#include "platform/json.hpp"
#include "roll/injury.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using platform::to_json;

std::string indent_block(std::string_view text, std::string_view prefix) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    auto line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    out += fmt::format("{}{}\n", line.empty() ? std::string_view() : prefix, line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

// The zones an injury also guards, read from the injury check itself so the text cannot drift
// from what `roll session` refuses.
std::string neighbour_map() {
  std::string out = "Neighbours an injury also guards (roll's own reading, not an article's)\n";
  for (Zone injured : all_zones()) {
    if (injured == Zone::full_body) continue;
    std::string list;
    for (Zone pressed : all_zones()) {
      if (pressed == injured || pressed == Zone::full_body || !guards(injured, pressed)) continue;
      list += (list.empty() ? "" : ", ") + std::string(zone_name(pressed));
    }
    if (!list.empty()) out += fmt::format("  {}: {}\n", zone_name(injured), list);
  }
  return out + "\n";
}

// The prescription rules judge a prescription file, not a routine's steps: they say what they
// read instead of the linter's reach over routines.
bool is_prescription_rule(const Rule& rule) {
  return rule.name.starts_with("prescription-");
}

constexpr std::string_view kPrescriptionReach =
    "The prescription rules read a prescription file (a TOML file whose first key is "
    "`prescription = 1`, docs/prescriptions.md): its keys, its schedule and dates, and each "
    "routine it names, found as `roll session NAME` finds it or beside the prescription, and "
    "linted at the prescription's `level`. They do not judge the clinician's note or goals.";

}  // namespace

std::string format_explain(const Rule& rule) {
  std::string out;
  std::string_view silence =
      is_prescription_rule(rule)
          ? (rule.kind == RuleKind::structure
                 ? "prescription problem: the file is not a prescription roll can follow"
                 : "prescription safety rule: never silenced (a prescription has no `allow`)")
      : rule.kind == RuleKind::safety    ? "safety rule: never silenced"
      : rule.kind == RuleKind::technique ? "technique rule: `allow` can silence it"
      : rule.kind == RuleKind::structure ? "structure problem: the file is not a valid routine"
                                         : "about `allow` lists";
  out += fmt::format("{} ({}, {})\n", rule.name, severity_name(rule.severity), silence);
  out += fmt::format("{}\n\n", rule.summary);
  out += fmt::format("Why\n{}\n", indent_block(wrap(std::string(rule.rationale), 76), "  "));
  if (is_prescription_rule(rule)) {
    out += fmt::format("What it reads\n{}\n",
                       indent_block(wrap(std::string(kPrescriptionReach), 76), "  "));
  } else if (rule.kind == RuleKind::safety || rule.kind == RuleKind::technique) {
    out +=
        fmt::format("What it reads\n{}\n", indent_block(wrap(std::string(kLintReach), 76), "  "));
  }
  if (rule.name == "injury-wait") out += neighbour_map();
  if (!rule.article.empty()) {
    out += fmt::format("From the {}\n{}\n", rule.article,
                       indent_block(wrap(std::string(rule.quote), 76), "  "));
  } else if (is_prescription_rule(rule)) {
    out += "Source\n  roll's own reading: no article gives this rule.\n\n";
  }
  out += fmt::format("Bad\n{}\n", indent_block(rule.bad, "    "));
  out += fmt::format("Good\n{}\n", indent_block(rule.good, "    "));
  out += fmt::format("Fix\n{}", indent_block(wrap(std::string(rule.fix), 76), "  "));
  return out;
}

std::string format_rules_table() {
  std::size_t width = 0;
  for (const Rule& rule : all_rules()) width = std::max(width, rule.name.size());
  std::string out =
      fmt::format("{:<{}}  {:<8}  {:<10}  {}\n", "RULE", width, "SEVERITY", "KIND", "SUMMARY");
  for (const Rule& rule : all_rules()) {
    out += fmt::format("{:<{}}  {:<8}  {:<10}  {}\n", rule.name, width,
                       severity_name(rule.severity), rule_kind_name(rule.kind), rule.summary);
  }
  return out + "\n" + wrap(std::string(kLintReach), 76) + "\n\n" +
         wrap(std::string(kPrescriptionReach), 76) + "\n";
}

std::string format_rules_json() {
  toml::array list;
  for (const Rule& rule : all_rules()) {
    list.push_back(toml::table{{"name", std::string(rule.name)},
                               {"severity", severity_name(rule.severity)},
                               {"kind", rule_kind_name(rule.kind)},
                               {"silenceable", rule.kind == RuleKind::technique},
                               {"summary", std::string(rule.summary)},
                               {"article", std::string(rule.article)},
                               {"quote", std::string(rule.quote)},
                               {"fix", std::string(rule.fix)}});
  }
  return to_json(toml::table{{"version", kJsonVersion}, {"rules", std::move(list)}}) + "\n";
}

}  // namespace roll::cli

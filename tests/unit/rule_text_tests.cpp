// The text of `roll explain` and `roll rules`, built as strings from the rule catalog.
#include <doctest/doctest.h>

#include <string>

#include "cli/rule_text.hpp"

using namespace roll;
using namespace roll::cli;

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("explain: rationale, the article quoted, a bad and a good example, the fix") {
  auto out = format_explain(*find_rule("intensity-cap"));
  CHECK(out.starts_with("intensity-cap (error, safety rule: never silenced)\n"));
  CHECK(contains(out, "From the first article"));
  CHECK(contains(out, "6 or 7"));
  CHECK(contains(out, "Bad\n    intensity = 9\n"));
  CHECK(contains(out, "Good\n    intensity = 6\n"));
  CHECK(contains(out, "Fix\n"));
  CHECK(contains(format_explain(*find_rule("move-after")), "`allow` can silence it"));
}

TEST_CASE("rules: a table and a JSON array with every rule") {
  auto table = format_rules_table();
  auto json = format_rules_json();
  CHECK(table.starts_with("RULE"));
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.name);
    CHECK(contains(table, std::string(rule.name) + " "));
    CHECK(contains(json, "\"name\" : \"" + std::string(rule.name) + "\""));
  }
  CHECK(contains(json, "\"silenceable\" : true"));
  CHECK(contains(json, "\"silenceable\" : false"));
  CHECK(contains(json, "\"version\" : 1"));
  CHECK(json.starts_with("{"));
}

TEST_CASE("explain and rules say plainly that the linter reads declarations, never cues") {
  for (std::string_view name : {"no-lumbar", "move-direction", "slow-tempo"}) {
    CAPTURE(name);
    auto out = format_explain(*find_rule(name));
    CHECK(contains(out, "What it reads\n"));
    CHECK(contains(out, "does not read cues"));
    CHECK(contains(out, "cannot be caught"));
  }
  // A structure problem is about the file, not about what the rules can see.
  CHECK_FALSE(contains(format_explain(*find_rule("syntax")), "What it reads"));
  auto table = format_rules_table();
  CHECK(contains(table, "does not read cues"));
  CHECK(contains(table, "cannot be caught"));
}

TEST_CASE("explain credits each claim to its article and labels roll's own numbers") {
  // Both articles, since they disagree on the roller.
  auto roller = format_explain(*find_rule("beginner-roller"));
  CHECK(contains(roller, "From the first article: back-stretches-using-foam-roller; second "));
  CHECK(contains(roller, "6\" diameter"));
  CHECK(contains(roller, "gap"));
  // The first article's number is a target; the ceiling at 7 is roll's own.
  auto cap = std::string(find_rule("intensity-cap")->rationale);
  CHECK(contains(cap, "as a target"));
  CHECK(contains(cap, "roll's own reading"));
  CHECK_FALSE(contains(cap, "safer, numeric"));
  CHECK(contains(find_rule("no-neck")->rationale, "roll's own reading of the first article"));
  // The dose: the two articles disagree, and both are said.
  auto dose = std::string(find_rule("session-length")->rationale);
  CHECK(contains(dose, "10-15"));
  CHECK(contains(dose, "five minutes"));
  CHECK(contains(dose, "disagree"));
}

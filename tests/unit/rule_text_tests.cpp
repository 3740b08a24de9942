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

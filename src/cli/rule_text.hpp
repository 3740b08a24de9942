#pragma once
// The text about the lint rules themselves: `roll explain RULE` and the `roll rules` table and
// JSON, built as strings from the catalog (roll/rules.hpp). Kept in the CLI, not the core: the
// JSON form is written by the one JSON writer (platform/json.hpp) with the CLI's JSON version
// (json_output.hpp), and the catalog the core holds is the data, this its presentation for two
// commands, as diagnostic_formats.hpp is the linter's.
#include <string>

#include "roll/rules.hpp"

namespace roll::cli {

// `roll explain RULE`.
[[nodiscard]] std::string format_explain(const Rule& rule);

// `roll rules` and `roll rules --json`.
[[nodiscard]] std::string format_rules_table();
[[nodiscard]] std::string format_rules_json();

}  // namespace roll::cli

#pragma once
// JSON output goes through toml++'s JSON formatter: the tables are built as TOML nodes, never as
// concatenated strings, so escaping is always right.
#include <toml++/toml.h>

#include <cstdint>
#include <cstdio>

namespace roll::cli {

// Every JSON document roll prints is an object with "version": 1, so a key can be added later
// without breaking a reader (docs/json.md). A change that would break one raises the number.
// SARIF keeps its own "version": "2.1.0".
inline constexpr std::int64_t kJsonVersion = 1;

// Prints `document` with "version" added.
void print_json(std::FILE* out, toml::table document);

}  // namespace roll::cli

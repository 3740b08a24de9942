#pragma once
// Data formats (JSON, CSV, SARIF, GitHub annotations) on stdout. Their bytes are kept exact for
// the program reading a pipe or a file; on a terminal (decided once, at start-up, in the
// Environment) they pass the one sanitizer like everything else a person sees, so a title holding
// OSC 52 cannot write the clipboard through `roll history --csv`.
//
// JSON goes through toml++'s JSON formatter: the tables are built as TOML nodes, never as
// concatenated strings, so escaping is always right.
#include <toml++/toml.h>

#include <cstdint>
#include <string_view>

#include "cli/context.hpp"

namespace roll::cli {

// Every JSON document roll prints is an object with "version": 1, so a key can be added later
// without breaking a reader (docs/json.md). A change that would break one raises the number.
// SARIF keeps its own "version": "2.1.0".
inline constexpr std::int64_t kJsonVersion = 1;

// `document` on ctx.out, sanitized (layout kept) when stdout is a terminal.
void print_document(Context& ctx, std::string_view document);

// `document` as JSON with "version" added, and a newline, through print_document.
void print_json(Context& ctx, toml::table document);

}  // namespace roll::cli

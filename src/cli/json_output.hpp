#pragma once
// JSON output goes through toml++'s JSON formatter: the tables are built as TOML nodes, never as
// concatenated strings, so escaping is always right.
#include <toml++/toml.h>

#include <cstdio>

namespace roll::cli {

void print_json(std::FILE* out, const toml::node& node);

}  // namespace roll::cli

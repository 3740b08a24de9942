#pragma once
// The one JSON writer, as the platform and the CLI call it: every JSON roll prints is built as
// toml++ nodes and written by toml++'s JSON formatter, never concatenated from strings, so
// escaping is always right. It is the core's writer (src/core/json_writer.hpp), which the core's
// own builders (the FHIR export) call directly.
#include <toml++/toml.h>

#include <string>

namespace roll::platform {

enum class JsonLayout {
  indented,  // a document: `--json` output, lint's JSON and SARIF
  one_line,  // JSON lines: one event per line
};

// `node` as JSON, UTF-8 kept as it is; no trailing newline.
[[nodiscard]] std::string to_json(const toml::node& node, JsonLayout layout = JsonLayout::indented);

}  // namespace roll::platform

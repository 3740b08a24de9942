#pragma once
// The one JSON writer: every JSON roll writes is built as toml++ nodes and written by toml++'s
// JSON formatter, never concatenated from strings, so escaping is always right. The core's
// builders (fhir.cpp) call it directly; the platform's `to_json` (platform/json.hpp) is this.
// Private to the core: toml++ stays out of include/roll.
#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace roll::detail {

enum class JsonLayout {
  indented,  // a document
  one_line,  // JSON lines: one record per line
};

// How floats are written: with every digit a double holds (3.6699999999999999 for 3.67), or
// with at most six significant digits (3.67), for values already rounded to a few decimals.
enum class JsonFloats { exact, six_digits };

// `node` as JSON, UTF-8 kept as it is; no trailing newline.
[[nodiscard]] std::string write_json(const toml::node& node,
                                     JsonLayout layout = JsonLayout::indented,
                                     JsonFloats floats = JsonFloats::exact);

// `text` as valid UTF-8: each byte that does not start or continue a well-formed sequence becomes
// U+FFFD, since JSON cannot carry it (text from the history or a synced journal may hold any
// bytes).
[[nodiscard]] std::string valid_utf8(std::string_view text);

}  // namespace roll::detail

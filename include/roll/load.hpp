#pragma once
// TOML text -> Routine + diagnostics. No I/O: the caller reads the file (with its size cap) and
// passes the text in, so the loader is testable and fuzzable on plain strings.
#include <optional>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/routine.hpp"

namespace roll {

struct LoadResult {
  std::optional<Routine> routine;       // set when there is no error-severity diagnostic
  std::vector<Diagnostic> diagnostics;  // every problem found, sorted by position
};

// `file` is only used to label diagnostics. Reports every problem (syntax, schema, unknown-zone),
// not just the first. Never throws.
[[nodiscard]] LoadResult load_routine(std::string_view text, std::string_view file);

// What `name` may be, in a routine file and for `roll new`: lower-case letters, digits and '-',
// starting with a letter or digit, at most limits::max_short_string_chars long.
[[nodiscard]] bool is_routine_name(std::string_view name);

}  // namespace roll

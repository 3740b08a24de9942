#pragma once
// Checks that run on the raw text before it reaches toml++. Debian's toml++ 3.3 recurses once per
// bracket, brace and dotted-key part and can exhaust the stack on hostile input, so anything that
// could drive it deep is refused here, in one linear pass that never recurses.
#include <optional>
#include <string>
#include <string_view>

#include "roll/diagnostic.hpp"

namespace roll::detail {

struct InputProblem {
  SourceRange where;
  std::string message;
  std::string help;
};

// The text without a leading UTF-8 byte-order mark. toml++ does not count the mark as a column
// either, so positions stay the same whether or not it was there.
[[nodiscard]] std::string_view without_bom(std::string_view text);

// Size, NUL bytes, invalid UTF-8, nesting depth and dotted-key length: the first problem, if any.
[[nodiscard]] std::optional<InputProblem> check_input(std::string_view text);

}  // namespace roll::detail

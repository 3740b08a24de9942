#pragma once
// Number checks for options, with messages in the numbers a person writes: CLI11's own ranges
// print their bounds with %f ("0.010000 to 1000.000000", or the largest double in full).
#include <string>

#include "cli/command_line.hpp"

namespace roll::cli {

// What is wrong with `text` as a value in `range` ("600 is not between 1 and 520", "\"many\" is
// not a number"); empty when it is fine.
[[nodiscard]] std::string range_error(const NumberRange& range, const std::string& text);

// The range as --help shows it: "1 to 520", "0 or more".
[[nodiscard]] std::string describe(const NumberRange& range);

}  // namespace roll::cli

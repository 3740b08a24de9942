#pragma once
// Number checks for options, with messages in the numbers a person writes: CLI11's own ranges
// print their bounds with %f ("0.010000 to 1000.000000", or the largest double in full).
#include <CLI/CLI.hpp>

namespace roll::cli {

[[nodiscard]] CLI::Validator between(double min, double max);
[[nodiscard]] CLI::Validator zero_or_more();

}  // namespace roll::cli

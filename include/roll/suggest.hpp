#pragma once
// "Did you mean ...?" for unknown keys, zones, routine names and rule names.
#include <string>
#include <string_view>
#include <vector>

namespace roll {

// Levenshtein distance, case-insensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if within a distance that still looks like a typo
// (a third of the word's length, at least 2); empty otherwise.
[[nodiscard]] std::string closest_match(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

}  // namespace roll

#pragma once
// "Did you mean ...?" for unknown keys, zones, routine names and rule names.
#include <string>
#include <string_view>
#include <vector>

namespace roll {

// roll's own bounds, not an article's: no name, key or rule is anywhere near 64 bytes, and a user
// routines directory holds tens of files, not thousands. Past them there is no suggestion, so a
// 128K-character argument against 300 routines costs microseconds instead of 80 s.
inline constexpr std::size_t max_suggest_bytes = 64;
inline constexpr std::size_t max_suggest_candidates = 1000;

// Levenshtein distance, case-insensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if within a distance that still looks like a typo
// (a third of the word's length, at least 2); empty otherwise. A word or candidate longer than
// max_suggest_bytes is never matched, and only the first max_suggest_candidates are looked at.
[[nodiscard]] std::string closest_match(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

}  // namespace roll

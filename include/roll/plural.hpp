#pragma once
// "1 day", "3 days": the one way roll counts things in its sentences.
#include <concepts>
#include <string>
#include <string_view>

namespace roll {

// The noun for `n` things: `one` when n is 1, else `many` (by default `one` with an "s").
template <std::integral N>
[[nodiscard]] std::string plural_noun(N n, std::string_view one, std::string_view many = {}) {
  if (n == 1) return std::string(one);
  if (!many.empty()) return std::string(many);
  return std::string(one) + "s";
}

// `n` and its noun: "1 day", "3 days", "2 injuries".
template <std::integral N>
[[nodiscard]] std::string plural(N n, std::string_view one, std::string_view many = {}) {
  return std::to_string(n) + " " + plural_noun(n, one, many);
}

}  // namespace roll

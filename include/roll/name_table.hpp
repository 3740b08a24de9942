#pragma once
// One table per enum, value -> the name the files and the output use. The same table gives
// to_string, parsing and the list of choices in messages and completions, so they cannot drift.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace roll {

template <class E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; the first entry's name for a value not in the table (a cast gone wrong).
template <class E, std::size_t N>
[[nodiscard]] constexpr std::string_view name_in(const NameTable<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return table.front().second;
}

// The value named exactly `text`, if any.
template <class E, std::size_t N>
[[nodiscard]] constexpr std::optional<E> value_in(const NameTable<E, N>& table,
                                                  std::string_view text) {
  for (const auto& [v, name] : table)
    if (name == text) return v;
  return std::nullopt;
}

// Every name, in the table's order: the choices a message lists.
template <class E, std::size_t N>
[[nodiscard]] std::vector<std::string_view> names_in(const NameTable<E, N>& table) {
  std::vector<std::string_view> out;
  out.reserve(N);
  for (const auto& entry : table) out.push_back(entry.second);
  return out;
}

}  // namespace roll

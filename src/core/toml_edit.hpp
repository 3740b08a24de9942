#pragma once
// Editing a TOML file the user wrote, one key at a time, with every other byte kept: their lines,
// comments, spacing and order. Used for config.toml (profile_edit.hpp) and a copied routine's
// name and title. Private to the core, like toml_reader.hpp.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace roll::detail {

// Which keys of a table an edit touches: exact names, or a looser reading (the profile's
// conditions accept `recent_surgery` for `recent-surgery`).
using KeyMatch = std::function<bool(std::string_view key)>;

[[nodiscard]] KeyMatch exact_key(std::string_view key);

// `text` as a TOML basic string ("..."), its quotes and escapes written by toml++, UTF-8 kept.
[[nodiscard]] std::string toml_quoted(std::string_view text);

// `text` with `key` of `table` (empty: the top level) set to `value`, TOML text of one value
// (`"beginner"`, `true`, `2026-11-23`). Every key that `match` accepts has its value replaced in
// place; when none does, `key = value` is added as the table's last line (before the first table
// header, for the top level), and a missing table is added at the end of the file.
// nullopt when the text does not parse, or `table` is not a [table] of its own (an inline table,
// dotted keys, another type), which only a hand edit can change without moving the user's lines.
[[nodiscard]] std::optional<std::string> with_toml_value(std::string_view text,
                                                         std::string_view table,
                                                         std::string_view key,
                                                         std::string_view value,
                                                         const KeyMatch& match);

// `text` without the lines of every key of `table` that `match` accepts (the text as it was when
// there is none). nullopt as above.
[[nodiscard]] std::optional<std::string> without_toml_key(std::string_view text,
                                                          std::string_view table,
                                                          const KeyMatch& match);

}  // namespace roll::detail

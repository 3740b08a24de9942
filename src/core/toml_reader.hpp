#pragma once
// The one TOML reading layer under load.cpp (routines) and profile.cpp (the profile): the guarded
// parse, positions, ordered entries, the diagnostic cap and the wording of values in messages.
// Private to the core: toml++ stays out of include/roll.
#include <toml++/toml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"

namespace roll::detail {

// Every diagnostic carries a position: a problem with no better place points here.
inline constexpr SourceRange kTopOfFile{1, 1, 1, 1};

// Enough to show everything wrong with a real file; a hostile file of a million bad keys must
// not turn into a million lines of output.
inline constexpr std::size_t kMaxDiagnostics = 100;

[[nodiscard]] SourceRange range_of(const toml::source_region& region);

// Whether `a` starts before `b`.
[[nodiscard]] bool before(const SourceRange& a, const SourceRange& b);

struct Entry {
  std::string_view key;
  SourceRange key_range;
  SourceRange value_range;
  const toml::node* node = nullptr;
};

// A table's entries in source order (toml++ iterates in key-name order).
[[nodiscard]] std::vector<Entry> entries_of(const toml::table& table);
[[nodiscard]] const Entry* find(const std::vector<Entry>& entries, std::string_view key);

// "string", "integer", "date-time"...; "value" for anything else.
[[nodiscard]] std::string_view type_name(const toml::node& node);
// Long values are cut for messages; the position already says where the rest is.
[[nodiscard]] std::string quoted(std::string_view text);
// "a string", "an integer".
[[nodiscard]] std::string with_article(std::string_view noun);

// The text checked (check_input), without its byte-order mark, and parsed. On a problem, one
// "syntax" error diagnostic is appended to `out` and there is no table. Never throws.
[[nodiscard]] std::optional<toml::table> parse_guarded(std::string_view text, std::string_view file,
                                                       std::vector<Diagnostic>& out);

// Sorts by position and keeps the first kMaxDiagnostics, then one line (rule `rule`) saying how
// many more there were.
void sort_and_cap(std::vector<Diagnostic>& diagnostics, std::string_view file,
                  std::string_view rule);

}  // namespace roll::detail

#pragma once
// A routine's text changed key by key, every other line and comment kept: `roll new --from`'s copy
// gets its own name and title.
#include <optional>
#include <string>
#include <string_view>

namespace roll {

// `text` with its top-level `name` and `title` set (each replaced in place, or added after the
// last top-level key). nullopt when it does not parse as TOML.
[[nodiscard]] std::optional<std::string> with_name_and_title(std::string_view text,
                                                             std::string_view name,
                                                             std::string_view title);

}  // namespace roll

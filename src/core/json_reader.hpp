#pragma once
// The strict reader of the JSON that roll writes itself (the sync journal's and the export's
// records, src/core/sync_record.cpp): one object per text, holding strings, whole numbers, true,
// false, null and objects, bounded in depth and members. Everything else (arrays, fractions,
// exponents, duplicate keys, bytes that are not UTF-8, a lone surrogate in a \u escape, text
// after the object) is refused with the column and a reason, and no input can crash it, make it
// recurse deeper than its limit or hang it. toml++ only writes JSON, and a reader this small is
// not worth a dependency. Private to the core.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace roll::json {

// null, true or false, a whole number (64-bit) or a string.
using Scalar = std::variant<std::monostate, bool, std::int64_t, std::string>;

struct Member;
using Object = std::vector<Member>;  // in the order of the text
struct Member {
  std::string key;
  Scalar value;  // when !is_object
  bool is_object = false;
  Object object;
};

struct Limits {
  int max_depth = 2;             // the outer object is depth 1
  std::size_t max_members = 64;  // in any one object
};

struct Parsed {
  std::optional<Object> object;
  std::string error;  // when there is no object: "column 12: expected ':'"
};

// The object that is the whole of `text` (spaces, tabs and a CR around it allowed).
[[nodiscard]] Parsed parse_object(std::string_view text, const Limits& limits = {});

// The member named `key`, or null.
[[nodiscard]] const Member* find(const Object& object, std::string_view key);

}  // namespace roll::json

#include "roll/routine_edit.hpp"

#include <toml++/toml.h>

#include "toml_edit.hpp"

namespace roll {

std::optional<std::string> with_name_and_title(std::string_view text, std::string_view name,
                                               std::string_view title) {
  auto out = detail::with_toml_value(text, "", "name", detail::toml_quoted(name),
                                     detail::exact_key("name"));
  if (!out) return std::nullopt;
  return detail::with_toml_value(*out, "", "title", detail::toml_quoted(title),
                                 detail::exact_key("title"));
}

}  // namespace roll

#include "roll/routine_edit.hpp"

#include <toml++/toml.h>

#include <sstream>

#include "toml_edit.hpp"

namespace roll {

namespace {

std::string quoted(std::string_view text) {
  toml::value<std::string> value{std::string(text)};
  std::ostringstream out;
  out << toml::toml_formatter{value, toml::format_flags::allow_unicode_strings};
  return out.str();
}

}  // namespace

std::optional<std::string> with_name_and_title(std::string_view text, std::string_view name,
                                               std::string_view title) {
  auto out = detail::with_toml_value(text, "", "name", quoted(name), detail::exact_key("name"));
  if (!out) return std::nullopt;
  return detail::with_toml_value(*out, "", "title", quoted(title), detail::exact_key("title"));
}

}  // namespace roll

#include "platform/json.hpp"

#include <sstream>

namespace roll::platform {

std::string to_json(const toml::node& node, JsonLayout layout) {
  auto flags = toml::json_formatter::default_flags;
  if (layout == JsonLayout::one_line) flags &= ~toml::format_flags::indentation;
  std::ostringstream text;
  text << toml::json_formatter{node, flags};
  std::string out = text.str();
  // Without indentation the formatter still breaks lines between keys; a newline inside a value
  // is escaped as \n, so dropping the raw ones leaves the same JSON on one line.
  if (layout == JsonLayout::one_line) std::erase(out, '\n');
  return out;
}

}  // namespace roll::platform

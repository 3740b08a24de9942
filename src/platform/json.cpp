#include "platform/json.hpp"

#include "core/json_writer.hpp"

namespace roll::platform {

std::string to_json(const toml::node& node, JsonLayout layout) {
  return detail::write_json(node, layout == JsonLayout::one_line ? detail::JsonLayout::one_line
                                                                 : detail::JsonLayout::indented);
}

}  // namespace roll::platform

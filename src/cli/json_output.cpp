#include "cli/json_output.hpp"

#include <fmt/core.h>

#include <sstream>

namespace roll::cli {

void print_json(std::FILE* out, const toml::node& node) {
  std::ostringstream text;
  text << toml::json_formatter{node};
  fmt::print(out, "{}\n", text.str());
}

}  // namespace roll::cli

#include "cli/json_output.hpp"

#include <fmt/core.h>

#include <sstream>

namespace roll::cli {

void print_json(std::FILE* out, toml::table document) {
  document.insert_or_assign("version", kJsonVersion);
  std::ostringstream text;
  text << toml::json_formatter{document};
  fmt::print(out, "{}\n", text.str());
}

}  // namespace roll::cli

#include "cli/json_output.hpp"

#include <fmt/core.h>

#include "platform/json.hpp"
#include "roll/text.hpp"

namespace roll::cli {

void print_document(Context& ctx, std::string_view document) {
  if (ctx.env.stdout_is_terminal) {
    fmt::print(ctx.out, "{}", sanitize_document(document));
  } else {
    fmt::print(ctx.out, "{}", document);
  }
}

void print_json(Context& ctx, toml::table document) {
  document.insert_or_assign("version", kJsonVersion);
  print_document(ctx, platform::to_json(document) + "\n");
}

}  // namespace roll::cli

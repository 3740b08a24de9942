#include "cli/session/rating_question.hpp"

#include <fmt/core.h>

#include "cli/session/terminal_prompter.hpp"

namespace roll::cli {

std::optional<int> ask_pain(Context& ctx, std::string_view when) {
  fmt::print(ctx.out,
             "How much pain do you have {}? 0 (no pain) to 10 (the worst pain imaginable); Enter "
             "skips: ",
             when);
  return read_scale_answer(ctx);
}

}  // namespace roll::cli

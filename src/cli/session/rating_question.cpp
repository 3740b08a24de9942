#include "cli/session/rating_question.hpp"

#include <fmt/core.h>

#include "cli/session/terminal_prompter.hpp"

namespace roll::cli {

std::optional<int> ask_rating(Context& ctx, std::string_view when) {
  fmt::print(ctx.out,
             "How does your back feel {}? 0 (as bad as it gets) to 10 (fine); Enter skips: ", when);
  return read_scale_answer(ctx);
}

}  // namespace roll::cli

#include "cli/session/rating_question.hpp"

#include <fmt/core.h>

#include <string>

#include "platform/one_key.hpp"
#include "roll/progress.hpp"

namespace roll::cli {

std::optional<int> ask_rating(Context& ctx, std::string_view when) {
  fmt::print(ctx.out,
             "How does your back feel {}? 0 (as bad as it gets) to 9, t for 10 (fine); "
             "Enter skips: ",
             when);
  auto answer = platform::read_one_key(ctx.out);
  if (answer.what == platform::OneKey::What::signal) {
    fmt::print(ctx.out, "\n");
    throw Failure(exit_interrupted, "interrupted");
  }
  std::optional<int> rating;
  if (answer.what == platform::OneKey::What::key) rating = rating_from_key(answer.key);
  fmt::print(ctx.out, "{}\n", rating ? fmt::format("{}/10", *rating) : std::string("skipped"));
  return rating;
}

}  // namespace roll::cli

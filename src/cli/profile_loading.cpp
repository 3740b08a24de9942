#include "cli/profile_loading.hpp"

#include <fmt/core.h>

#include "cli/routine_loading.hpp"
#include "platform/profile_file.hpp"
#include "roll/text.hpp"

namespace roll::cli {

Profile load_profile_or_fail(Context& ctx) {
  auto result = platform::read_profile(ctx.env);
  if (!result.profile) {
    print_diagnostics(ctx, result.diagnostics);
    throw Failure(exit_usage, fmt::format("fix the profile {} first",
                                          sanitize(platform::profile_path(ctx.env).string())));
  }
  return *result.profile;
}

}  // namespace roll::cli

#include "cli/session/sync_after_session.hpp"

#include <fmt/core.h>

#include <exception>

#include "cli/folder_sync.hpp"
#include "cli/user_time.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll::cli {

void sync_after_session(Context& ctx, UserData& user) {
  try {
    const Profile& profile = user.profile();
    if (!profile.sync_after_session || profile.sync_dir.empty()) return;
    SysSeconds now = now_or_fail(ctx);
    auto report = sync_with_folder(ctx, user.history(), profile.sync_dir, now);
    if (!report.problems.empty()) {
      fmt::print(ctx.err,
                 "roll: synced after the session, {} skipped (run `roll sync` to see which)\n",
                 plural(report.problems.size(), "journal line"));
    }
  } catch (const std::exception& e) {
    fmt::print(ctx.err, "roll: the session is recorded, but syncing after it failed: {}\n",
               sanitize(e.what(), true));
  }
}

}  // namespace roll::cli

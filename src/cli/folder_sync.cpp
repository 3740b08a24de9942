#include "cli/folder_sync.hpp"

#include <fmt/core.h>

#include "roll/text.hpp"

namespace roll::cli {

platform::SyncReport sync_with_folder(const Context& ctx, platform::HistoryStore& store,
                                      const std::filesystem::path& dir, SysSeconds now) {
  return platform::sync_folder(store, {dir, ctx.env.data_dir(), ctx.env.state_home, now});
}

std::string counts_text(const platform::MergeCounts& m) {
  return fmt::format("{} new, {} updated, {} known", m.added, m.updated, m.known);
}

void print_skipped_lines(Context& ctx, const std::vector<std::string>& problems) {
  for (const auto& p : problems) fmt::print(ctx.err, "roll: {}\n", sanitize(p, true));
}

}  // namespace roll::cli

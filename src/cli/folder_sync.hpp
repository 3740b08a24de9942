#pragma once
// What `roll sync`, the sync after a session and `roll history import` share: the sync itself,
// and the words for what a merge did and what it skipped.
#include <filesystem>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "platform/history_store.hpp"
#include "platform/journal.hpp"
#include "roll/history.hpp"

namespace roll::cli {

// Appends this device's new records to its journal in `dir` and merges every other device's.
// Throws platform::SyncError when it cannot run.
[[nodiscard]] platform::SyncReport sync_with_folder(const Context& ctx,
                                                    platform::HistoryStore& store,
                                                    const std::filesystem::path& dir,
                                                    SysSeconds now);

// "3 new, 1 updated, 5 known".
[[nodiscard]] std::string counts_text(const platform::MergeCounts& counts);

// The journal or import lines skipped, one "roll: ..." line each on stderr.
void print_skipped_lines(Context& ctx, const std::vector<std::string>& problems);

}  // namespace roll::cli

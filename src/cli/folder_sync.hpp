#pragma once
// What `roll sync`, the sync after a session, `roll history import` and the bare `roll` share:
// the sync itself, and the words for what a merge did, what it skipped and what another device
// changed.
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

// "3 new, 1 updated, 5 known" (and how many kept hidden, as deleted, or refused).
[[nodiscard]] std::string counts_text(const platform::MergeCounts& counts);

// The journal or import lines skipped, one "roll: ..." line each on stderr, every one on a line
// of its own whatever the text it quotes holds.
void print_skipped_lines(Context& ctx, const std::vector<std::string>& problems);

// "from device 01890a5d: thoracic injury of 2026-11-23 14:33 cleared".
[[nodiscard]] std::string notice_text(const platform::MergeNotice& notice);

// What other devices changed, one line each, then what to do about it.
void print_notices(Context& ctx, const platform::MergeCounts& counts);

}  // namespace roll::cli

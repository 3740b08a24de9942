#pragma once
// After a pain stop (`!`) in a session: the stop recorded as an injury.
#include <cstddef>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "platform/history_store.hpp"
#include "roll/routine.hpp"

namespace roll::cli {

// Records the stop during `step` as an injury to that step's zone in `store`, so the zone is
// refused like a fresh injury. Returns the lines for the summary (what was recorded and how to
// clear it).
[[nodiscard]] std::vector<std::string> hold_pain_stop(Context& ctx, platform::HistoryStore& store,
                                                      const Routine& routine, std::size_t step);

}  // namespace roll::cli

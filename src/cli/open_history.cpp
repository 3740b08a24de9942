#include "cli/open_history.hpp"

#include <fmt/core.h>

#include "platform/ids.hpp"

namespace roll::cli {

std::unique_ptr<platform::HistoryStore> open_history(Context& ctx) {
  try {
    auto state = ctx.env.state_home;
    return std::make_unique<platform::HistoryStore>(
        platform::HistoryStore::default_file(ctx.env.data_dir()),
        [state] { return platform::device_id(state); });
  } catch (const platform::HistoryError& e) {
    throw Failure(exit_usage, e.what());
  }
}

void report_problems(Context& ctx, platform::HistoryStore& store) {
  for (const auto& line : store.take_problems()) fmt::print(ctx.err, "roll: {}\n", line);
}

std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log) {
  if (no_log) return std::make_unique<NullSessionLog>();
  return std::make_unique<platform::SqliteSessionLog>(open_history(ctx));
}

}  // namespace roll::cli

#pragma once
// The history database for a command: opened under $XDG_DATA_HOME/roll with the CLI's error
// conventions (exit 2 with a message that says what to do), as a store or as a session's log.
#include <memory>

#include "cli/app.hpp"
#include "platform/history_store.hpp"
#include "roll/session_log.hpp"

namespace roll::cli {

[[nodiscard]] std::unique_ptr<platform::HistoryStore> open_history(Context& ctx);

// Prints the store's one-line notes about rows it left out (values roll did not write).
void report_problems(Context& ctx, platform::HistoryStore& store);

// The log a session writes to: SQLite under $XDG_DATA_HOME/roll, or a null log for --no-log.
[[nodiscard]] std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log);

}  // namespace roll::cli

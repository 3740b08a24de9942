#pragma once
// roll history export and roll history import (issue 20), and the sync after a session; roll
// sync's own options, declare and run are in cli/commands.hpp.
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace roll::cli {

// `roll history export` and `roll history import`, under the `history` command; the history
// command sets their callbacks.
void declare_history_exchange(CommandSpec& history, ExportOptions& exp, ImportOptions& imp);
int run_export(Context& ctx, const ExportOptions& options);
int run_import(Context& ctx, const ImportOptions& options);

// After a recorded session with `sync_after_session = true`: a failure is one line on stderr
// and never touches the session, which is recorded already.
void sync_after_session(Context& ctx);

}  // namespace roll::cli

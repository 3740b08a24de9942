#pragma once
// roll history export and roll history import (issue 20), and the sync after a session; roll
// sync's own options, declare and run are in cli/commands.hpp.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/app.hpp"

namespace roll::cli {

struct ExportOptions {
  std::string since;
};
struct ImportOptions {
  std::string file;
};
// `roll history export` and `roll history import`, under the `history` command.
void add_history_exchange_commands(CLI::App& history, Context& ctx);
int run_export(Context& ctx, const ExportOptions& options);
int run_import(Context& ctx, const ImportOptions& options);

// After a recorded session with `sync_after_session = true`: a failure is one line on stderr
// and never touches the session, which is recorded already.
void sync_after_session(Context& ctx);

}  // namespace roll::cli

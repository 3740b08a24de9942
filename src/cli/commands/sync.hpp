#pragma once
// roll sync, roll history export and roll history import (issue 20), in the command shape of
// issue 13: options, a declare function and a run function.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/app.hpp"

namespace roll::cli {

struct SyncOptions {
  std::string dir;  // else the profile's sync_dir
  bool status = false;
  bool json = false;
};
void declare_sync(CLI::App& app, SyncOptions& options);
int run_sync(Context& ctx, const SyncOptions& options);
void add_sync_command(CLI::App& app, Context& ctx);

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

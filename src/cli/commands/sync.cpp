// roll sync [DIR] and roll sync --status. The work is in platform/journal.* and the store; this
// file turns it into lines, JSON and exit codes.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/folder_sync.hpp"
#include "cli/json_output.hpp"
#include "cli/user_time.hpp"
#include "platform/journal.hpp"
#include "platform/profile_file.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::filesystem::path sync_dir_or_fail(Context& ctx, UserData& user, const std::string& given) {
  if (!given.empty()) return given;
  const Profile& profile = user.profile();
  if (profile.sync_dir.empty()) {
    throw Failure(exit_usage,
                  fmt::format("no sync folder: give one (roll sync ~/Sync/roll) or set sync_dir "
                              "in {}",
                              sanitize(platform::profile_path(ctx.env).string())));
  }
  return profile.sync_dir;
}

int print_status(Context& ctx, platform::HistoryStore& store, const std::filesystem::path& dir,
                 bool json) {
  auto status = platform::sync_status(store, dir, ctx.env.state_home);
  if (json) {
    toml::array journals;
    for (const auto& j : status.journals) {
      toml::table row{{"device", j.device}, {"this_device", j.self}, {"bytes", j.bytes}};
      if (j.written) row.insert("written_at", format_utc(*j.written));
      if (!j.self) row.insert("unread_bytes", j.unread_bytes);
      journals.push_back(std::move(row));
    }
    toml::table doc{{"device", status.device},
                    {"folder", dir.string()},
                    {"pending", static_cast<std::int64_t>(status.pending)},
                    {"journals", std::move(journals)}};
    if (status.last_sync) doc.insert("last_sync", format_utc(*status.last_sync));
    print_json(ctx, std::move(doc));
    return exit_ok;
  }
  fmt::print(ctx.out, "this device: {}\n", status.device);
  fmt::print(ctx.out, "folder: {}\n", sanitize(dir.string()));
  fmt::print(ctx.out, "pending: {} not yet in this device's journal\n",
             plural(status.pending, "record"));
  fmt::print(ctx.out, "last sync: {}\n",
             status.last_sync ? format_utc(*status.last_sync) : std::string("never"));
  for (const auto& j : status.journals) {
    fmt::print(ctx.out, "{}  last written {}{}\n", j.device,
               j.written ? format_utc(*j.written) : std::string("?"),
               j.self           ? "  (this device)"
               : j.unread_bytes ? fmt::format("  ({} bytes not merged yet)", j.unread_bytes)
                                : std::string());
  }
  return exit_ok;
}

}  // namespace

void declare_sync(CommandSpec& roll, SyncOptions& o) {
  auto& cmd =
      roll.command("sync", "Merge your history with your other devices' through a folder you sync");
  cmd.option("dir", o.dir,
             "The shared folder (Syncthing, Nextcloud, a git work tree); else sync_dir "
             "from the profile")
      .completes(Completion::file);
  cmd.flag("--status", o.status,
           "Show what is pending and when each device last wrote; change nothing");
  cmd.flag("--json", o.json, "With --status: print JSON");
  cmd.footer =
      "\nExamples:\n"
      "  roll sync ~/Sync/roll\n"
      "  roll sync                      the folder from sync_dir in config.toml\n"
      "  roll sync --status --json | jq .pending\n"
      "\nEach device appends its new records to <folder>/<device-id>.ndjson, which only it\n"
      "writes, then merges every other device's journal. Any order, any number of times: the\n"
      "same history everywhere; a deletion wins over the record it deletes.\n"
      "Exit status: 0 synced, 1 synced but some journal lines were skipped (named on stderr),\n"
      "2 the sync could not run (no folder, a read-only folder): nothing changed.";
}

int run_sync(Context& ctx, UserData& user, const SyncOptions& o) {
  auto dir = sync_dir_or_fail(ctx, user, o.dir);
  if (o.status) {
    try {
      return print_status(ctx, user.history(), dir, o.json);
    } catch (const platform::SyncError& e) {
      throw Failure(exit_usage, e.what());
    }
  }
  if (o.json) throw Failure(exit_usage, "--json goes with --status");
  platform::SyncReport report;
  try {
    SysSeconds now = now_or_fail(ctx);
    report = sync_with_folder(ctx, user.history(), dir, now);
  } catch (const platform::SyncError& e) {
    throw Failure(exit_usage, e.what());
  }
  if (!report.device_change.empty())
    fmt::print(ctx.err, "roll: {}\n", sanitize(report.device_change, true));
  print_skipped_lines(ctx, report.problems);
  fmt::print(ctx.out, "Synced with {}: {} written, {} read ({}).\n", sanitize(dir.string()),
             plural(report.appended, "record"), plural(report.journals, "journal"),
             counts_text(report.merged));
  return report.problems.empty() ? exit_ok : exit_findings;
}

}  // namespace roll::cli

// roll sync [DIR] and roll sync --status; roll history export / import. The work is in
// platform/journal.* and the store; this file turns it into lines, JSON and exit codes.
#include "cli/commands/sync.hpp"

#include <fmt/core.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/open_history.hpp"
#include "cli/profile_loading.hpp"
#include "cli/user_time.hpp"
#include "platform/journal.hpp"
#include "platform/profile_file.hpp"
#include "roll/sync_record.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::filesystem::path sync_dir_or_fail(Context& ctx, const std::string& given) {
  if (!given.empty()) return given;
  Profile profile = load_profile_or_fail(ctx);
  if (profile.sync_dir.empty()) {
    throw Failure(exit_usage,
                  fmt::format("no sync folder: give one (roll sync ~/Sync/roll) or set sync_dir "
                              "in {}",
                              sanitize(platform::profile_path(ctx.env).string())));
  }
  return profile.sync_dir;
}

std::string counts_text(const platform::MergeCounts& m) {
  return fmt::format("{} new, {} updated, {} known", m.added, m.updated, m.known);
}

void print_problems(Context& ctx, const std::vector<std::string>& problems) {
  for (const auto& p : problems) fmt::print(ctx.err, "roll: {}\n", sanitize(p, true));
}

platform::SyncReport sync_now(Context& ctx, const std::filesystem::path& dir) {
  SysSeconds now = now_or_fail(ctx);
  auto store = open_history(ctx);
  return platform::sync_folder(*store, {dir, ctx.env.data_dir(), ctx.env.state_home, now});
}

int print_status(Context& ctx, const std::filesystem::path& dir, bool json) {
  auto store = open_history(ctx);
  auto status = platform::sync_status(*store, dir, ctx.env.state_home);
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
  fmt::print(ctx.out, "pending: {} record{} not yet in this device's journal\n", status.pending,
             status.pending == 1 ? "" : "s");
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

int run_sync(Context& ctx, const SyncOptions& o) {
  auto dir = sync_dir_or_fail(ctx, o.dir);
  if (o.status) {
    try {
      return print_status(ctx, dir, o.json);
    } catch (const platform::SyncError& e) {
      throw Failure(exit_usage, e.what());
    }
  }
  if (o.json) throw Failure(exit_usage, "--json goes with --status");
  platform::SyncReport report;
  try {
    report = sync_now(ctx, dir);
  } catch (const platform::SyncError& e) {
    throw Failure(exit_usage, e.what());
  }
  if (!report.device_change.empty())
    fmt::print(ctx.err, "roll: {}\n", sanitize(report.device_change, true));
  print_problems(ctx, report.problems);
  fmt::print(ctx.out, "Synced with {}: {} record{} written, {} journal{} read ({}).\n",
             sanitize(dir.string()), report.appended, report.appended == 1 ? "" : "s",
             report.journals, report.journals == 1 ? "" : "s", counts_text(report.merged));
  return report.problems.empty() ? exit_ok : exit_findings;
}

int run_export(Context& ctx, const ExportOptions& o) {
  std::optional<SysSeconds> since;
  if (!o.since.empty()) since = parse_user_time(o.since, "--since");
  auto store = open_history(ctx);
  std::string device;
  print_document(
      ctx, sync::encode_header(store->sync_self().device.empty() ? std::string("export")
                                                                 : store->sync_self().device) +
               "\n");
  std::string chunk;
  store->visit_records(since, [&](const sync::Record& r) {
    chunk += sync::encode(r);
    chunk += '\n';
    if (chunk.size() > 1 << 16) {
      print_document(ctx, chunk);
      chunk.clear();
    }
  });
  print_document(ctx, chunk);
  report_problems(ctx, *store);
  return exit_ok;
}

int run_import(Context& ctx, const ImportOptions& o) {
  auto store = open_history(ctx);
  platform::ImportReport report;
  try {
    report = platform::import_file(*store, o.file);
  } catch (const platform::SyncError& e) {
    throw Failure(exit_usage, e.what());
  }
  print_problems(ctx, report.problems);
  fmt::print(ctx.out, "Imported {}: {}.\n", sanitize(o.file), counts_text(report.merged));
  return report.problems.empty() ? exit_ok : exit_findings;
}

void declare_history_exchange(CommandSpec& history, ExportOptions& exp_opts,
                              ImportOptions& imp_opts) {
  auto& exp =
      history.command("export", "Print every record (sessions, injuries, deletions...) as NDJSON");
  exp.option("--since", exp_opts.since,
             "Only records of this local date or time or later (2026-11-01)");
  exp.footer =
      "\nExamples:\n"
      "  roll history export > roll-backup.ndjson\n"
      "  roll history export --since 2026-11-01 | jq -c 'select(.kind == \"session\")'\n"
      "\nOne JSON object a line, the format of docs/json.md; `roll history import` reads it.";

  auto& imp =
      history.command("import", "Merge the records of an export (or a journal) into this history");
  imp.option("file", imp_opts.file, "An NDJSON file from `roll history export`")
      .required()
      .completes(Completion::file);
  imp.footer =
      "\nExample:\n  roll history import roll-backup.ndjson\n"
      "\nWhat is known already is left as it is; a deletion wins. Imported records travel on in\n"
      "this device's journal at the next `roll sync`. Exit 1 when lines were skipped.";
}

void sync_after_session(Context& ctx) {
  try {
    auto profile = platform::read_profile(ctx.env);
    if (!profile.profile || !profile.profile->sync_after_session ||
        profile.profile->sync_dir.empty())
      return;
    auto report = sync_now(ctx, profile.profile->sync_dir);
    if (!report.problems.empty()) {
      fmt::print(ctx.err,
                 "roll: synced after the session, {} journal line{} skipped (run `roll "
                 "sync` to see which)\n",
                 report.problems.size(), report.problems.size() == 1 ? "" : "s");
    }
  } catch (const std::exception& e) {
    fmt::print(ctx.err, "roll: the session is recorded, but syncing after it failed: {}\n",
               sanitize(e.what(), true));
  }
}

}  // namespace roll::cli

// roll history deleted / restore / purge: what is deleted (kept hidden, by this device or
// another), bringing it back on every device, and forgetting it for good on this one.
#include <fmt/core.h>

#include <algorithm>
#include <vector>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/record_ids.hpp"
#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/wall_clock.hpp"
#include "roll/plural.hpp"
#include "roll/sync_record.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

using sync::Kind;

// "the bedtime session of 2026-11-22 21:30", from the kept record; its kind and id without one.
std::string what_of(const platform::DeletedRecord& d) {
  auto when = [](std::int64_t t) {
    return valid_unix_seconds(t)
               ? format_local(platform::to_local(SysSeconds{std::chrono::seconds{t}}))
               : std::string("an unknown time");
  };
  if (d.record) {
    const auto& r = *d.record;
    switch (d.kind) {
      case Kind::session:
        return fmt::format("the {} session of {}", r.text("routine"),
                           when(r.integer("started_at")));
      case Kind::injury:
        return fmt::format("the {} injury of {}", r.text("zone"), when(r.integer("at")));
      case Kind::pain_stop:
        return fmt::format("the pain stop of {}", when(r.integer("at")));
      case Kind::check_in:
        return fmt::format("the check-in of {}", r.text("day"));
      case Kind::injury_clearing:
        return fmt::format("the clearing of {}", when(r.integer("at")));
      case Kind::psfs:
        return fmt::format("the PSFS answer of {}", when(r.integer("at")));
      default:
        break;
    }
  }
  return fmt::format("a {} ({})", sync::kind_name(d.kind), d.uid);
}

toml::table json_row(const platform::DeletedRecord& d) {
  toml::table row{{"id", d.uid},
                  {"device", d.device},
                  {"kind", std::string(sync::kind_name(d.kind))},
                  {"what", what_of(d)},
                  {"deleted_by", d.deleted_by},
                  {"deleted_at", format_utc(d.deleted_at)},
                  {"with", static_cast<std::int64_t>(d.children)},
                  {"kept", d.record.has_value()},
                  {"guarding", d.held}};
  return row;
}

std::vector<platform::DeletedRecord> deleted_records(platform::HistoryStore& store) {
  std::vector<platform::DeletedRecord> all;
  store.visit_deleted([&](const platform::DeletedRecord& d) { all.push_back(d); });
  return all;
}

void list(Context& ctx, UserData& user, const HistoryOptions::Deleted& opt) {
  platform::HistoryStore& store = user.history();
  auto all = deleted_records(store);
  report_problems(ctx, store);
  if (opt.json) {
    toml::array rows;
    for (const auto& d : all) rows.push_back(json_row(d));
    print_json(ctx, toml::table{{"deleted", std::move(rows)}});
    return;
  }
  if (all.empty()) {
    fmt::print(ctx.out, "Nothing deleted.\n");
    return;
  }
  fmt::print(ctx.out, "{:<16}  {:<8}  {}\n", "DELETED", "BY", "WHAT (ID)");
  for (const auto& d : all) {
    // Two devices' records of one id: each named as restore and purge take it, ID@DEVICE.
    std::vector<std::string> devices;
    for (const auto& other : all)
      if (other.uid == d.uid &&
          std::find(devices.begin(), devices.end(), other.device) == devices.end())
        devices.push_back(other.device);
    std::string id = d.uid;
    if (devices.size() > 1) {
      auto names = record_names(d.uid, devices);
      id = names[static_cast<std::size_t>(std::find(devices.begin(), devices.end(), d.device) -
                                          devices.begin())];
    }
    std::string note;
    if (d.children > 0) note += fmt::format(", with {}", plural(d.children, "record"));
    if (!d.record) note += ", not kept here";
    if (d.held) note += ", still guarding here until `roll injury clear` confirms it";
    fmt::print(ctx.out, "{:<16}  {:<8}  {}{} ({})\n",
               format_local(platform::to_local(d.deleted_at)), sanitize(d.deleted_by.substr(0, 8)),
               sanitize(what_of(d)), note, sanitize(id));
  }
  fmt::print(ctx.out, "`roll history restore ID` brings one back, on every device.\n");
}

void restore(Context& ctx, UserData& user, const HistoryOptions::Restore& opt) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto all = deleted_records(store);
  std::vector<std::string> failed;
  for (const auto& id : opt.ids) {
    auto named =
        resolve_record_id(id, [&](const std::string& uid) { return store.deleted_devices(uid); });
    std::string what = fmt::format("\"{}\"", sanitize(id));
    for (const auto& d : all)
      if (d.uid == named.uid && d.device == named.device) what = sanitize(what_of(d));
    auto result = named.device.empty() && id != named.uid
                      ? platform::RestoreResult::unknown
                      : store.restore(named.uid, now, named.device);
    switch (result) {
      case platform::RestoreResult::restored:
        fmt::print(ctx.out, "Restored {}; `roll sync` brings it back on the other devices.\n",
                   what);
        break;
      case platform::RestoreResult::not_deleted:
        failed.push_back(fmt::format("{} is not deleted", what));
        break;
      case platform::RestoreResult::parent_deleted:
        failed.push_back(fmt::format("{} hangs on a deleted record: restore that one first", what));
        break;
      case platform::RestoreResult::unknown:
        failed.push_back(
            fmt::format("no deleted record with id {}; `roll history deleted` lists them", what));
        break;
      case platform::RestoreResult::ambiguous:
        failed.push_back(fmt::format("{} names the records of more than one device", what));
        break;
    }
  }
  report_problems(ctx, store);
  if (failed.empty()) return;
  for (std::size_t k = 0; k + 1 < failed.size(); ++k)
    fmt::print(ctx.err, "roll: not restored: {}\n", failed[k]);
  throw Failure(exit_usage, "not restored: " + failed.back());
}

void purge(Context& ctx, UserData& user, const HistoryOptions::Purge& opt) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto named =
      resolve_record_id(opt.id, [&](const std::string& uid) { return store.record_devices(uid); });
  std::string what = fmt::format("the record \"{}\"", sanitize(opt.id));
  for (const auto& d : deleted_records(store))
    if (d.uid == named.uid && d.device == named.device) what = sanitize(what_of(d));
  if (auto s = named.device.empty() ? std::nullopt : store.session_by_uid(named.uid, named.device))
    what = fmt::format("the {} session of {}", sanitize(s->routine_name),
                       format_local(platform::to_local(s->started_at)));
  if (!opt.yes) {
    if (!ctx.env.input_is_terminal) {
      throw Failure(exit_usage,
                    fmt::format("not purging {} without asking: run again with --yes", what));
    }
    if (!ask_once(ctx, fmt::format("Remove {} for good on this device? Nothing brings it back "
                                   "here; other devices keep it deleted, restorable. [y/N] ",
                                   what))) {
      fmt::print(ctx.out, "Nothing purged.\n");
      return;
    }
  }
  if ((named.device.empty() && opt.id != named.uid) || !store.purge(named.uid, now, named.device)) {
    throw Failure(exit_usage,
                  fmt::format("no record with id \"{}\"; `roll history deleted` lists the deleted "
                              "ones, `roll history --json` the sessions",
                              sanitize(opt.id)));
  }
  report_problems(ctx, store);
  fmt::print(ctx.out, "Purged {} from this device.\n", what);
}

}  // namespace

void declare_history_deleted(CommandSpec& history, HistoryOptions& opts) {
  auto& deleted = history.command(
      "deleted", "List the deleted records (kept hidden here) and who deleted them, newest first");
  deleted.flag("--json", opts.deleted.json,
               "Print JSON (times in UTC; each record's `id` is what restore takes)");
  deleted.footer =
      "\nExamples:\n"
      "  roll history deleted\n"
      "  roll history deleted --json | jq -r '.deleted[].id'\n"
      "\nA deletion, here or on a synced device, hides a record and keeps it: this lists them,\n"
      "`roll history restore ID` brings one back. What hangs on a record (a session's zones and\n"
      "pressures) is counted with it.";
  deleted.reached = [&opts] { opts.action = HistoryOptions::Action::list_deleted; };

  auto& restore_cmd =
      history.command("restore", "Bring deleted records back, here and on every synced device");
  restore_cmd.option("ids", opts.restore.ids, "The records' ids, from `roll history deleted`")
      .required();
  restore_cmd.footer =
      "\nExamples:\n"
      "  roll history restore 019ab1c2-3d4e-7f00-8a1b-2c3d4e5f6a7b\n"
      "  roll history deleted --json | jq -r '.deleted[].id' | xargs roll history restore\n"
      "\nA deletion and a restoration are versions of one record: the later wins on every device,\n"
      "whatever order they sync in. What hung on the record comes back with it. A record is its\n"
      "device and its id: when two devices' records share an id, name one as ID@DEVICE (the\n"
      "first characters of the device's id, as the error shows them).";
  restore_cmd.reached = [&opts] { opts.action = HistoryOptions::Action::restore; };

  auto& purge_cmd =
      history.command("purge", "Remove a record for good on this device (it asks first)");
  purge_cmd.option("id", opts.purge.id, "The record's id, from `roll history deleted`").required();
  purge_cmd.flag("--yes,-y", opts.purge.yes, "Purge without asking (for scripts)");
  purge_cmd.footer =
      "\nExample:\n  roll history purge 019ab1c2-3d4e-7f00-8a1b-2c3d4e5f6a7b --yes\n"
      "\nThe record (deleted first, when it is not) and what hangs on it are dropped here, and a\n"
      "copy that syncs in later is not kept. Other devices keep it deleted and restorable until\n"
      "it is purged there too. ID@DEVICE names one device's record when two share the id.";
  purge_cmd.reached = [&opts] { opts.action = HistoryOptions::Action::purge; };
}

int run_history_deleted(Context& ctx, UserData& user, const HistoryOptions& opts) {
  switch (opts.action) {
    case HistoryOptions::Action::list_deleted:
      list(ctx, user, opts.deleted);
      break;
    case HistoryOptions::Action::restore:
      restore(ctx, user, opts.restore);
      break;
    case HistoryOptions::Action::purge:
      purge(ctx, user, opts.purge);
      break;
    default:
      break;
  }
  return exit_ok;
}

}  // namespace roll::cli

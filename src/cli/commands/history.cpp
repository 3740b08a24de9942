// roll history: the sessions recorded, newest first, as a table, JSON or CSV; `delete` removes
// one (leaving a tombstone), `add` logs one done away from the terminal; `export` prints every
// record as NDJSON and `import` merges such a file.
#include <fmt/core.h>

#include <cstdio>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/folder_sync.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/record_ids.hpp"
#include "cli/routine_loading.hpp"
#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/ids.hpp"
#include "platform/journal.hpp"
#include "platform/wall_clock.hpp"
#include "roll/duration.hpp"
#include "roll/pain.hpp"
#include "roll/plan.hpp"
#include "roll/plural.hpp"
#include "roll/record_checks.hpp"
#include "roll/sync_record.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::string minutes_seconds(int s) {
  return clock_time(std::chrono::seconds{s});
}

// RFC 4180: quote when needed, double the quotes.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// What the table's last column says about how a session came in and what was skipped.
std::string note_of(const SessionRecord& r) {
  std::string note;
  if (r.origin == SessionOrigin::rehearsal) note = "rehearsal";
  if (r.origin == SessionOrigin::by_hand) note = "logged by hand";
  if (!r.skipped.empty()) {
    note += fmt::format("{}{} skipped", note.empty() ? "" : ", ", plural(r.skipped.size(), "step"));
  }
  if (!r.hold_changes.empty()) {
    int added = 0;
    for (const auto& h : r.hold_changes) added += h.seconds;
    note += fmt::format("{}holds {:+} s", note.empty() ? "" : ", ", added);
  }
  auto rating = [](std::optional<int> v) { return v ? fmt::format("{}", *v) : std::string("-"); };
  // Pain, 0-10 (0 none): compared only where the session has both; a rise of 2 or more flagged.
  if (auto pain = session_pain(r)) {
    note += fmt::format("{}pain {} -> {} /10{}", note.empty() ? "" : ", ", pain->before,
                        pain->after, pain->flagged() ? " FLAGGED: pain up 2+" : "");
  } else if (r.pain_before || r.pain_after) {
    note += fmt::format("{}pain {} -> {} /10", note.empty() ? "" : ", ", rating(r.pain_before),
                        rating(r.pain_after));
  }
  // The older "how does your back feel?", 0-10 (10 fine), labelled as that scale.
  if (r.rating_before || r.rating_after) {
    note += fmt::format("{}back feels {} -> {} /10 (10 fine)", note.empty() ? "" : ", ",
                        rating(r.rating_before), rating(r.rating_after));
  }
  return note;
}

std::string offset_text(std::chrono::seconds offset) {
  auto s = offset.count();
  char sign = s < 0 ? '-' : '+';
  s = s < 0 ? -s : s;
  return fmt::format("{}{:02}:{:02}", sign, s / 3600, s / 60 % 60);
}

toml::table json_row(const SessionRecord& r) {
  toml::table zones;
  for (const auto& [z, s] : r.zone_seconds) zones.insert(z, s);
  toml::array pressures;
  for (const auto& p : r.pressures)
    pressures.push_back(
        toml::table{{"at_seconds", p.at_seconds}, {"value", p.value}, {"zone", p.zone}});
  toml::array skipped;
  for (const auto& s : r.skipped)
    skipped.push_back(
        toml::table{{"step", s.step}, {"name", s.name}, {"at_seconds", s.at_seconds}});
  toml::array holds;
  for (const auto& h : r.hold_changes)
    holds.push_back(toml::table{
        {"step", h.step - 1}, {"at_seconds", h.at_seconds}, {"delta_seconds", h.seconds}});
  toml::table row{{"id", r.uid},
                  {"device", r.device},
                  {"routine", r.routine_name},
                  {"title", r.routine_title},
                  {"started_at", format_utc(r.started_at)},
                  {"ended_at", format_utc(r.ended_at)},
                  {"utc_offset", offset_text(r.utc_offset)},
                  {"status", status_name(r.status)},
                  {"origin", origin_name(r.origin)},
                  {"planned_seconds", r.planned_seconds},
                  {"completed_seconds", r.completed_seconds},
                  {"zone_seconds", std::move(zones)},
                  {"pressures", std::move(pressures)},
                  {"skipped_steps", std::move(skipped)},
                  {"hold_changes", std::move(holds)}};
  // The part of zone_seconds on the roller, zone by zone; null where it was not recorded (before
  // roll kept it, or logged by hand with --minutes), said by roller_recorded: never a guess
  // from zone_seconds.
  if (roller_seconds_done(r)) {
    toml::table roller;
    for (const auto& [z, s] : r.roller_seconds) roller.insert(z, s);
    row.insert("roller_recorded", true);
    row.insert("roller_seconds", std::move(roller));
  } else {
    row.insert("roller_recorded", false);
  }
  if (r.rating_before) row.insert("rating_before", *r.rating_before);
  if (r.rating_after) row.insert("rating_after", *r.rating_after);
  if (r.pain_before) row.insert("pain_before", *r.pain_before);
  if (r.pain_after) row.insert("pain_after", *r.pain_after);
  // Only within a session that has both (pain.hpp): the change, and the 2-point flag.
  if (auto pain = session_pain(r)) {
    row.insert("pain_change", pain->change());
    row.insert("pain_rise_flagged", pain->flagged());
  }
  return row;
}

// One row at a time, shaped as print_json would print the whole document ({"sessions": [...],
// "version": 1}), so that a million sessions stream in constant memory.
class JsonSessionsWriter {
 public:
  explicit JsonSessionsWriter(Context& ctx) : ctx_(ctx) {}
  void add(const toml::table& row) {
    std::ostringstream text;
    text << toml::json_formatter{row};
    std::string indented = first_ ? "{\n    \"sessions\" : [\n        " : ",\n        ";
    for (char c : text.str()) {
      indented += c;
      if (c == '\n') indented += "        ";
    }
    print_document(ctx_, indented);
    first_ = false;
  }
  void finish() {
    print_document(
        ctx_,
        first_ ? fmt::format("{{\n    \"sessions\" : [],\n    \"version\" : {}\n}}\n", kJsonVersion)
               : fmt::format("\n    ],\n    \"version\" : {}\n}}\n", kJsonVersion));
  }

 private:
  Context& ctx_;
  bool first_ = true;
};

void print_table_row(Context& ctx, const SessionRecord& r) {
  // Cut and padded by display width: fmt's padding counts an emoji as one column.
  std::string name = cut_to_width(sanitize(r.routine_name), 20, "~");
  name.append(20 - display_width(name), ' ');
  std::string line = fmt::format("{:<16}  {}  {:<11}  {:>11}", format_local(local_start(r)), name,
                                 status_name(r.status),
                                 fmt::format("{}/{}", minutes_seconds(r.completed_seconds),
                                             minutes_seconds(r.planned_seconds)));
  std::string note = note_of(r);
  fmt::print(ctx.out, "{}{}\n", line, note.empty() ? "" : "  " + note);
}

void show(Context& ctx, UserData& user, const HistoryOptions& opt) {
  SessionQuery q;
  if (!opt.since.empty()) q.since = parse_user_time(opt.since, "--since");
  q.limit = opt.limit;
  q.details = opt.json || !(opt.csv);
  platform::HistoryStore& store = user.history();
  if (opt.json) {
    JsonSessionsWriter writer(ctx);
    store.visit_sessions(q, [&](const SessionRecord& r) { writer.add(json_row(r)); });
    writer.finish();
  } else if (opt.csv) {
    print_document(ctx,
                   "id,routine,title,started_at,ended_at,status,planned_seconds,"
                   "completed_seconds,origin\r\n");
    // Row by row through print_document: sanitized on a terminal, exact in a pipe.
    store.visit_sessions(q, [&](const SessionRecord& r) {
      print_document(ctx,
                     fmt::format("{},{},{},{},{},{},{},{},{}\r\n", r.uid, csv_field(r.routine_name),
                                 csv_field(r.routine_title), format_utc(r.started_at),
                                 format_utc(r.ended_at), status_name(r.status), r.planned_seconds,
                                 r.completed_seconds, origin_name(r.origin)));
    });
  } else {
    bool any = false;
    bool flagged = false;
    store.visit_sessions(q, [&](const SessionRecord& r) {
      if (auto pain = session_pain(r); pain && pain->flagged()) flagged = true;
      if (!any) {
        fmt::print(ctx.out, "{:<16}  {:<20}  {:<11}  {:>11}\n", "STARTED", "ROUTINE", "STATUS",
                   "DONE/PLAN");
      }
      any = true;
      print_table_row(ctx, r);
    });
    if (!any)
      fmt::print(ctx.out, "No sessions recorded yet. Start one with `roll session bedtime`.\n");
    if (flagged) {
      fmt::print(ctx.out, "\nFLAGGED: pain after the session higher than before, {}.\n",
                 kPainRiseFlagLabel);
    }
  }
  report_problems(ctx, store);
}

void remove(Context& ctx, UserData& user, const HistoryOptions::Delete& opt) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto named =
      resolve_record_id(opt.id, [&](const std::string& uid) { return store.session_devices(uid); });
  std::optional<SessionRecord> found;
  if (!named.device.empty()) found = store.session_by_uid(named.uid, named.device);
  report_problems(ctx, store);
  if (!found) {
    throw Failure(exit_usage,
                  fmt::format("no session with id \"{}\"; `roll history --json` shows each "
                              "session's id",
                              sanitize(opt.id)));
  }
  std::string what = fmt::format("{} {} ({}, {}/{})", format_local(local_start(*found)),
                                 sanitize(found->routine_name), status_name(found->status),
                                 minutes_seconds(found->completed_seconds),
                                 minutes_seconds(found->planned_seconds));
  if (!opt.yes) {
    if (!ctx.env.input_is_terminal) {
      throw Failure(exit_usage,
                    fmt::format("not deleting {} without asking: run again with --yes", what));
    }
    if (!ask_once(ctx, fmt::format("Delete the session of {}? `roll history restore` brings it "
                                   "back. [y/N] ",
                                   what))) {
      fmt::print(ctx.out, "Nothing deleted.\n");
      return;
    }
  }
  if (!store.delete_session(named.uid, named.device, now))
    throw Failure(exit_usage, fmt::format("no session with id \"{}\"", sanitize(opt.id)));
  fmt::print(ctx.out, "Deleted the session of {}. `roll history restore {}` brings it back.\n",
             what, sanitize(opt.id));
}

void add(Context& ctx, UserData& user, const HistoryOptions::Add& opt) {
  SysSeconds now = now_or_fail(ctx);
  SysSeconds at = parse_user_time(opt.at, "--at");
  if (!valid_unix_seconds(at.time_since_epoch().count()))
    throw Failure(exit_usage, "--at must be in the years 1970-9999");
  if (at > now) throw Failure(exit_usage, "--at is in the future: log a session once it is done");
  auto loaded = load_named_routine(ctx, opt.routine);
  const Routine& routine = loaded.routine;
  Plan plan = make_plan(routine);
  SessionProgress p;
  p.routine_name = routine.name;
  p.routine_title = routine.title;
  p.origin = SessionOrigin::by_hand;
  p.started_at = at;
  p.planned_seconds =
      static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(plan.work).count());
  p.completed_seconds = opt.minutes >= 0 ? opt.minutes * 60 : p.planned_seconds;
  p.ended_at = at + std::chrono::seconds{p.completed_seconds};
  if (p.ended_at > now) p.ended_at = now;
  // The minutes given are spread over the plan's zones as written: the share of each is known,
  // where the time on it is not.
  double share = p.planned_seconds > 0
                     ? std::min(1.0, static_cast<double>(p.completed_seconds) / p.planned_seconds)
                     : 1.0;
  std::map<std::string, double> zones;
  std::map<std::string, double> roller;
  for (const Block& b : plan.blocks) {
    const Step& step = routine.steps[b.step];
    if (b.get_ready || !step.zone) continue;
    double secs = share * std::chrono::duration<double>(b.length).count();
    zones[std::string(zone_name(*step.zone))] += secs;
    roller[std::string(zone_name(*step.zone))] += on_roller(step) ? secs : 0.0;
  }
  for (const auto& [zone, secs] : zones) p.zone_seconds[zone] = static_cast<int>(secs + 0.5);
  // The whole plan done: its steps on the roller are known, zone by zone. With --minutes, which
  // of the steps were done is not, so the roller's time is not recorded rather than guessed.
  if (opt.minutes < 0) {
    for (const auto& [zone, secs] : roller) p.roller_seconds[zone] = static_cast<int>(secs + 0.5);
  }
  p.status = p.completed_seconds >= kCompletedShare * p.planned_seconds ? SessionStatus::completed
                                                                        : SessionStatus::partial;
  // The one check every record passes, whether typed here, imported or synced.
  auto unix = [](auto t) {
    return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
  };
  auto record = sync::Record::make(sync::Kind::session, "by-hand", "this-device");
  record.set("routine", p.routine_name)
      .set("title", p.routine_title)
      .set("started_at", unix(p.started_at))
      .set("ended_at", unix(p.ended_at))
      .set("planned_seconds", std::int64_t{p.planned_seconds})
      .set("completed_seconds", std::int64_t{p.completed_seconds})
      .set("status", std::string(status_name(p.status)))
      .set("origin", std::string(origin_name(p.origin)))
      .set("utc_offset", unix(platform::to_local(at)) - unix(at));
  if (auto problem = sync::check_record(record, unix(now))) {
    if (problem->field == "completed_seconds") {
      throw Failure(exit_usage,
                    fmt::format("--minutes {}: more than the {} that {} plans; log the minutes "
                                "done (at most {})",
                                opt.minutes, minutes_seconds(p.planned_seconds),
                                sanitize(routine.name), p.planned_seconds / 60));
    }
    throw Failure(exit_usage, fmt::format("not logged: {}", sanitize(problem->message)));
  }
  long long id = user.history().begin_session(p);
  if (opt.pain_before || opt.pain_after)
    user.history().set_pain(id, opt.pain_before, opt.pain_after);
  fmt::print(ctx.out, "Logged by hand: {} at {}, {} of {} ({}).\n", sanitize(routine.name),
             format_local(platform::to_local(at)), minutes_seconds(p.completed_seconds),
             minutes_seconds(p.planned_seconds), status_name(p.status));
}

int export_records(Context& ctx, UserData& user, const ExportOptions& o) {
  std::optional<SysSeconds> since;
  if (!o.since.empty()) since = parse_user_time(o.since, "--since");
  platform::HistoryStore& store = user.history();
  std::string device;
  print_document(ctx,
                 sync::encode_header(store.sync_self().device.empty() ? std::string("export")
                                                                      : store.sync_self().device) +
                     "\n");
  std::string chunk;
  // A backup holds the deleted records kept here too, after their tombstones: imported, they
  // are kept hidden there as here.
  store.visit_records(
      since,
      [&](const sync::Record& r) {
        chunk += sync::encode(r);
        chunk += '\n';
        if (chunk.size() > 1 << 16) {
          print_document(ctx, chunk);
          chunk.clear();
        }
      },
      true);
  print_document(ctx, chunk);
  report_problems(ctx, store);
  return exit_ok;
}

int import_records(Context& ctx, UserData& user, const ImportOptions& o) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  platform::ImportReport report;
  try {
    report = platform::import_file(
        store, {o.file, now, platform::device_id(ctx.env.state_home), o.restore});
  } catch (const platform::SyncError& e) {
    throw Failure(exit_usage, e.what());
  } catch (const platform::DeviceIdError& e) {
    throw Failure(exit_usage, e.what());
  }
  print_skipped_lines(ctx, report.problems);
  fmt::print(ctx.out, "Imported {}: {}.\n", sanitize(o.file), counts_text(report.merged));
  if (o.restore) {
    fmt::print(ctx.out, "Restored {} deleted here.\n", plural(report.restored, "record"));
  } else if (report.merged.hidden > 0) {
    fmt::print(ctx.out,
               "{} in the file {} deleted here and stay hidden: `roll history import --restore "
               "{}` brings them back.\n",
               plural(report.merged.hidden, "record"), report.merged.hidden == 1 ? "is" : "are",
               sanitize(o.file));
  }
  print_notices(ctx, report.merged);
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
  imp.flag("--restore", imp_opts.restore,
           "Bring back the records of the file that are deleted here (on every device)");
  imp.footer =
      "\nExamples:\n  roll history import roll-backup.ndjson\n"
      "  roll history import --restore roll-backup.ndjson\n"
      "\nWhat is known already is left as it is. A record of the file deleted here stays hidden\n"
      "unless --restore, which restores it as `roll history restore` does. Imported records\n"
      "travel on in this device's journal at the next `roll sync`. Exit 1 when lines were\n"
      "skipped.";
}

}  // namespace

// Each subcommand's `reached` only names the action; it runs before run_history.
void declare_history(CommandSpec& roll, HistoryOptions& opts) {
  auto& cmd = roll.command("history", "Show the sessions you have done, newest first");
  cmd.option("--since", opts.since,
             "Only sessions started on or after this local date or time (2026-11-01)");
  cmd.option("--limit", opts.limit, "At most this many sessions; 0 for all")
      .show_default()
      .zero_or_more();
  cmd.flag("--json", opts.json,
           "Print JSON (times in UTC, ISO 8601; each session's `id` is what delete takes)");
  cmd.flag("--csv", opts.csv, "Print CSV with a header row (times in UTC)").excludes("--json");
  cmd.footer =
      "\nExamples:\n"
      "  roll history\n"
      "  roll history --since 2026-11-01 --limit 0 --csv > rolls.csv\n"
      "  roll history --json | jq '.sessions[0].status'\n"
      "  roll history --json | jq '.sessions[] | select(.pain_rise_flagged)'   pain up 2+\n"
      "  roll history --json | jq '.sessions[] | select(.roller_recorded) | .roller_seconds'\n"
      "  roll history delete \"$(roll history --json --limit 1 | jq -r '.sessions[0].id')\"\n"
      "  roll history add bedtime --at '2026-11-23 21:30' --minutes 6\n"
      "  roll history deleted\n"
      "\nStatus: completed (the end reached with at least 80% of the planned time on the roller\n"
      "done), partial (the end reached with less: steps skipped), quit, pain-stop, interrupted,\n"
      "or unfinished (the process was killed). Only completed counts for `roll due` and streaks.\n"
      "A session run with --speed is a rehearsal and is not recorded unless --log-rehearsal.\n"
      "pain 3 -> 5 /10: pain before and after (0 none, 10 the worst imaginable), FLAGGED when it\n"
      "rose by 2 or more (roll's own threshold, after Ostelo et al. 2008); back feels 4 -> 7 /10\n"
      "(10 fine): the older \"how does your back feel\" ratings, not pain.\n"
      "zone_seconds count a step's whole time, cat-cow included; roller_seconds the steps on the\n"
      "roller only, absent (roller_recorded false: not recorded) for a session from before roll\n"
      "kept them or logged with `history add --minutes`.";

  auto& del = cmd.command(
      "delete", "Delete one session and what hangs on it (zones, pressures, its pain stop)");
  del.option("id", opts.del.id, "The session's id, from `roll history --json` or --csv").required();
  del.flag("--yes,-y", opts.del.yes, "Delete without asking (for scripts)");
  del.footer =
      "\nExample:\n  roll history delete 019ab1c2-3d4e-7f00-8a1b-2c3d4e5f6a7b --yes\n"
      "\nA deleted session is kept, hidden, with a tombstone (its id, who deleted it and when)\n"
      "that a synced device applies too; `roll history deleted` lists it and `roll history\n"
      "restore ID` brings it back. When two devices' sessions share an id (a record is its\n"
      "device and its id), name one as ID@DEVICE, as the error shows.";
  del.reached = [&opts] { opts.action = HistoryOptions::Action::remove; };

  auto& add_cmd = cmd.command("add", "Log a session done away from the terminal (marked by hand)");
  add_cmd.option("routine", opts.add.routine, "The routine done (see `roll list`) or a .toml path")
      .required()
      .completes(Completion::routine);
  add_cmd.option("--at", opts.add.at, "When it started, local time (2026-11-23T21:30)").required();
  add_cmd
      .option("--minutes", opts.add.minutes,
              "How many minutes were done; the whole plan when left out")
      .between(0, 1440);
  add_cmd
      .option("--pain-before", opts.add.pain_before,
              "Pain before the session, 0 (no pain) to 10 (the worst imaginable)")
      .between(0, 10);
  add_cmd
      .option("--pain-after", opts.add.pain_after,
              "Pain after the session, 0 (no pain) to 10 (the worst imaginable)")
      .between(0, 10);
  add_cmd.footer =
      "\nExamples:\n  roll history add bedtime --at '2026-11-23 21:30'\n"
      "  roll history add thoracic --at 2026-11-23T07:15 --minutes 3\n"
      "  roll history add bedtime --at '2026-11-23 21:30' --pain-before 5 --pain-after 3\n"
      "\nIt is completed when the minutes cover at least 80% of the plan, partial otherwise.\n"
      "Without --minutes the whole plan was done, so its time on the roller is recorded (its\n"
      "steps on the roller, zone by zone); with --minutes which steps were done is not known,\n"
      "so the time on the roller is not recorded (`roll stats` and the report say so).";
  add_cmd.reached = [&opts] { opts.action = HistoryOptions::Action::add; };
  declare_history_exchange(cmd, opts.exp, opts.imp);
  cmd.find("export")->reached = [&opts] { opts.action = HistoryOptions::Action::export_records; };
  cmd.find("import")->reached = [&opts] { opts.action = HistoryOptions::Action::import_records; };
  declare_history_deleted(cmd, opts);
}

int run_history(Context& ctx, UserData& user, const HistoryOptions& opts) {
  switch (opts.action) {
    case HistoryOptions::Action::show:
      show(ctx, user, opts);
      break;
    case HistoryOptions::Action::remove:
      remove(ctx, user, opts.del);
      break;
    case HistoryOptions::Action::add:
      add(ctx, user, opts.add);
      break;
    case HistoryOptions::Action::export_records:
      return export_records(ctx, user, opts.exp);
    case HistoryOptions::Action::import_records:
      return import_records(ctx, user, opts.imp);
    case HistoryOptions::Action::list_deleted:
    case HistoryOptions::Action::restore:
    case HistoryOptions::Action::purge:
      return run_history_deleted(ctx, user, opts);
  }
  return exit_ok;
}

}  // namespace roll::cli

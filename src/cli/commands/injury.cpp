// roll injury: record, list and clear injuries. A recorded injury keeps pressure off the zone and
// its neighbours for 48 h; from then on each session asks whether the acute pain has subsided
// (a yes from 72 h on clears it), and it stays open until then or `roll injury clear`.
#include <fmt/core.h>

#include <cmath>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/routine_loading.hpp"
#include "cli/session/preflight.hpp"
#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/wall_clock.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

// roll's own bound: an injury older than ten years guards nothing, and a bound keeps the
// conversion to seconds defined.
constexpr double kMaxHoursAgo = 10 * 365.25 * 24;

const char* window_name(Guard g) {
  switch (g) {
    case Guard::refuse:
      return "refuse";
    case Guard::ask:
      return "ask";
    case Guard::ask_to_clear:
      return "ask-to-clear";
    case Guard::none:
      break;
  }
  return "none";
}

std::string window_text(Guard g, std::chrono::seconds remaining) {
  switch (g) {
    case Guard::refuse:
      return fmt::format("no pressure, {} h left", hours_ceil(remaining));
    case Guard::ask:
      return fmt::format("asks if pain subsided, {} h left", hours_ceil(remaining));
    case Guard::ask_to_clear:
      return "open: a yes at a session clears it";
    case Guard::none:
      break;
  }
  return "cleared";
}

// An injury another device cleared or deleted keeps guarding here until confirmed.
std::string lift_text(const Injury& i) {
  if (i.lifted.empty()) return "";
  return fmt::format("{}[{} on device {}: `roll injury clear {}` confirms it here]",
                     i.note.empty() ? "" : " ", i.lifted == "deleted" ? "deleted" : "cleared",
                     sanitize(i.lifted_by.substr(0, 8)), i.id);
}

void add(Context& ctx, UserData& user, const InjuryOptions& o) {
  auto zone = find_zone(o.zone);
  if (!zone) {
    std::string near = nearest_zone(o.zone);
    throw Failure(exit_usage,
                  fmt::format("unknown zone \"{}\"{}", sanitize(o.zone),
                              near.empty() ? "; see `roll show` for zone names"
                                           : fmt::format("; did you mean \"{}\"?", near)));
  }
  SysSeconds now = now_or_fail(ctx);
  Injury injury;
  injury.zone = *zone;
  injury.note = o.note;
  injury.at = now;
  if (!o.at.empty()) {
    injury.at = parse_user_time(o.at, "--at");
  } else if (o.hours_ago >= 0) {
    // Checked before any arithmetic: 1e300 hours would overflow the conversion to seconds.
    if (!(o.hours_ago <= kMaxHoursAgo))
      throw Failure(exit_usage, fmt::format("--hours-ago {} is more than {} (ten years)",
                                            o.hours_ago, kMaxHoursAgo));
    injury.at = now - std::chrono::seconds{std::llround(o.hours_ago * 3600)};
  }
  if (injury.at > now) throw Failure(exit_usage, "an injury cannot be in the future");
  if (!valid_unix_seconds(injury.at.time_since_epoch().count()))
    throw Failure(exit_usage, "an injury must be in the years 1970-9999");
  long long id = user.history().add_injury(injury);
  fmt::print(ctx.out, "Recorded injury #{}: {} at {} ({}).\n", id, zone_name(*zone),
             format_local(platform::to_local(injury.at)),
             window_text(injury_window(injury, now), injury_window_remaining(injury, now)));
}

void list(Context& ctx, UserData& user, bool json) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto injuries = store.injuries(false);
  report_problems(ctx, store);
  if (json) {
    toml::array arr;
    for (const auto& i : injuries) {
      Guard g = injury_window(i, now);
      arr.push_back(toml::table{{"id", i.id},
                                {"zone", std::string(zone_name(i.zone))},
                                {"at", format_utc(i.at)},
                                {"hours_since", (now - i.at).count() / 3600},
                                {"window", window_name(g)},
                                {"hours_remaining", hours_ceil(injury_window_remaining(i, now))},
                                {"note", i.note}});
    }
    print_json(ctx, toml::table{{"injuries", std::move(arr)}});
    return;
  }
  if (injuries.empty()) {
    fmt::print(ctx.out, "No injuries recorded.\n");
    return;
  }
  fmt::print(ctx.out, "{:>3}  {:<10}  {:<16}  {:>7}  {:<36}  {}\n", "ID", "ZONE", "AT", "AGO",
             "NOW", "NOTE");
  for (const auto& i : injuries) {
    fmt::print(ctx.out, "{:>3}  {:<10}  {:<16}  {:>5} h  {:<36}  {}\n", i.id, zone_name(i.zone),
               format_local(platform::to_local(i.at)), (now - i.at).count() / 3600,
               window_text(injury_window(i, now), injury_window_remaining(i, now)),
               sanitize(i.note) + lift_text(i));
  }
}

// Why an injury may not be cleared now, or "". The first article's "wait at least 48 to 72
// hours" is a minimum: under 48 h nothing clears it; an injury recorded by mistake is deleted
// instead (visible, and restorable). Confirming a deletion made on another device is that.
std::string too_soon(const Injury& i, SysSeconds now) {
  if (i.lifted == "deleted" || now - i.at >= kInjuryRefuseWindow) return "";
  return fmt::format(
      "injury #{} ({}) is {} h old: the first article says to wait at least 48 to 72 hours "
      "until the acute pain has subsided, so it is not cleared before 48 h ({} h remain). "
      "Recorded by mistake? `roll injury delete {}`",
      i.id, zone_name(i.zone), std::max<long long>(0, (now - i.at).count() / 3600),
      hours_ceil(kInjuryRefuseWindow - (now - i.at)), i.id);
}

std::string cleared_text(const Injury& i, platform::ClearResult result) {
  switch (result) {
    case platform::ClearResult::cleared:
      return fmt::format("Cleared injury #{}.", i.id);
    case platform::ClearResult::confirmed_clearing:
      return fmt::format("Confirmed: injury #{} ({}), cleared on device {}, is cleared here too.",
                         i.id, zone_name(i.zone), i.lifted_by.substr(0, 8));
    case platform::ClearResult::confirmed_deletion:
      return fmt::format(
          "Confirmed: injury #{} ({}), deleted on device {}, is deleted here too (`roll history "
          "deleted` lists it).",
          i.id, zone_name(i.zone), i.lifted_by.substr(0, 8));
    case platform::ClearResult::not_open:
      break;
  }
  return "";
}

void clear(Context& ctx, UserData& user, const InjuryOptions& o) {
  if (!o.all && !o.id_given) throw Failure(exit_usage, "give an injury ID or --all");
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto open = store.injuries(false);
  report_problems(ctx, store);
  std::vector<std::string> refused;
  int done = 0;
  for (const auto& i : open) {
    if (!o.all && i.id != o.id) continue;
    if (auto why = too_soon(i, now); !why.empty()) {
      refused.push_back(std::move(why));
      continue;
    }
    auto result = store.clear_injury(i.id, now);
    if (result == platform::ClearResult::not_open) continue;
    ++done;
    if (!o.all || result != platform::ClearResult::cleared)
      fmt::print(ctx.out, "{}\n", cleared_text(i, result));
  }
  if (o.all) fmt::print(ctx.out, "Cleared {}.\n", plural(done, "injury", "injuries"));
  if (!o.all && done == 0 && refused.empty())
    throw Failure(exit_usage, fmt::format("no open injury with ID {}", o.id));
  if (refused.empty()) return;
  for (std::size_t k = 0; k + 1 < refused.size(); ++k)
    fmt::print(ctx.err, "roll: not cleared: {}\n", refused[k]);
  throw Failure(exit_refused, "not cleared: " + refused.back());
}

// An injury recorded by mistake is deleted, not cleared: the deletion is kept and listed, and
// `roll history restore` brings it back, here and on every device.
void remove(Context& ctx, UserData& user, const InjuryOptions& o) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  std::string what = fmt::format("injury #{}", o.id);
  for (const auto& i : store.injuries(true))
    if (i.id == o.id)
      what = fmt::format("injury #{} ({}, {})", i.id, zone_name(i.zone),
                         format_local(platform::to_local(i.at)));
  report_problems(ctx, store);
  if (!o.yes) {
    if (!ctx.env.input_is_terminal) {
      throw Failure(exit_usage,
                    fmt::format("not deleting {} without asking: run again with --yes", what));
    }
    if (!ask_once(ctx, fmt::format("Delete {}, recorded by mistake? `roll history restore` brings "
                                   "it back. [y/N] ",
                                   what))) {
      fmt::print(ctx.out, "Nothing deleted.\n");
      return;
    }
  }
  if (!store.delete_injury(o.id, now))
    throw Failure(exit_usage, fmt::format("no injury with ID {}", o.id));
  fmt::print(ctx.out,
             "Deleted {}. `roll history deleted` lists it; `roll history restore` brings it "
             "back.\n",
             what);
}

void check(Context& ctx, UserData& user, const InjuryOptions& o) {
  auto loaded = load_named_routine(ctx, o.routine);
  // Never asks: a check has no one to answer "has the acute pain subsided?".
  preflight(ctx, user, loaded.routine, false, false);
  fmt::print(ctx.out, "OK: nothing in your profile or injury log stops `{}` now.\n",
             sanitize(loaded.file.name));
}

}  // namespace

// Each subcommand's `reached` only names the action; it runs before run_injury.
void declare_injury(CommandSpec& roll, InjuryOptions& opts) {
  auto& cmd = roll.command("injury",
                           "Record injuries so sessions keep pressure off them (the 48-72 h rule)");
  cmd.subcommand_required = true;
  cmd.footer =
      "\nExamples:\n"
      "  roll injury add lumbar --hours-ago 6 --note 'tweaked lifting a box'\n"
      "  roll injury list\n"
      "  roll injury check glutes\n"
      "  roll injury clear --all\n"
      "\nWithin 48 h no pressure goes on the zone or its neighbours (a lower-back injury also "
      "guards the\n"
      "glutes and hips). From 48 h on, a session asks whether the acute pain has subsided: no\n"
      "refuses; from 72 h on a yes clears the injury. An injury never lapses by itself. Without\n"
      "a terminal (or with --yes) the question cannot be asked, so the zone is refused until\n"
      "`roll injury clear ID`.";

  auto& add_cmd = cmd.command("add", "Record an injury to a zone");
  add_cmd.option("zone", opts.zone, "The injured zone, e.g. lumbar, neck, thoracic")
      .required()
      .completes(Completion::zone);
  add_cmd.option("--hours-ago", opts.hours_ago, "It happened this many hours ago").zero_or_more();
  add_cmd.option("--at", opts.at, "It happened at this local time (2026-11-23T08:00)")
      .excludes("--hours-ago");
  add_cmd.option("--note", opts.note, "What happened, for your own record");
  add_cmd.footer =
      "\nExample:\n  roll injury add lumbar --hours-ago 6 --note 'tweaked lifting a box'";
  add_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::add; };

  auto& list_cmd = cmd.command("list", "List injuries not yet cleared, and where each stands");
  list_cmd.flag("--json", opts.json, "Print JSON");
  list_cmd.footer = "\nExample:\n  roll injury list --json | jq '.injuries[].window'";
  list_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::list; };

  auto& clear_cmd = cmd.command("clear", "Mark an injury (or all) as cleared");
  clear_cmd.option("id", opts.id, "The injury's ID from `roll injury list`").given(opts.id_given);
  clear_cmd.flag("--all", opts.all, "Clear every injury").excludes("id");
  clear_cmd.footer =
      "\nExamples:\n  roll injury clear 3\n  roll injury clear --all\n"
      "\nThe first article's \"wait at least 48 to 72 hours\" is a minimum: an injury under 48 h\n"
      "old is not cleared (one recorded by mistake is deleted: `roll injury delete ID`). An\n"
      "injury cleared or deleted on another device keeps guarding here until this confirms it.";
  clear_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::clear; };

  auto& delete_cmd = cmd.command("delete", "Delete an injury recorded by mistake (restorable)");
  delete_cmd.option("id", opts.id, "The injury's ID from `roll injury list`").required();
  delete_cmd.flag("--yes,-y", opts.yes, "Delete without asking (for scripts)");
  delete_cmd.footer =
      "\nExample:\n  roll injury delete 3 --yes\n"
      "\nThe injury is kept, hidden: `roll history deleted` lists it and `roll history restore`\n"
      "brings it back, on every device.";
  delete_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::remove; };

  auto& check_cmd = cmd.command("check", "Say whether a routine may run now, as a session would");
  check_cmd.option("routine", opts.routine, "Routine name or path")
      .required()
      .completes(Completion::routine);
  check_cmd.footer =
      "\nExample:\n  roll injury check glutes && roll session glutes\n"
      "\nExit status: 0 may run, 3 refused for safety (with the hours remaining, or the question\n"
      "a session would ask and the `roll injury clear ID` that answers it), 2 error.";
  check_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::check; };
}

int run_injury(Context& ctx, UserData& user, const InjuryOptions& opts) {
  switch (opts.action) {
    case InjuryOptions::Action::add:
      add(ctx, user, opts);
      break;
    case InjuryOptions::Action::list:
      list(ctx, user, opts.json);
      break;
    case InjuryOptions::Action::clear:
      clear(ctx, user, opts);
      break;
    case InjuryOptions::Action::remove:
      remove(ctx, user, opts);
      break;
    case InjuryOptions::Action::check:
      check(ctx, user, opts);
      break;
    case InjuryOptions::Action::none:
      break;
  }
  return exit_ok;
}

}  // namespace roll::cli

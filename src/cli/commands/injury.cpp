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
               sanitize(i.note));
  }
}

void clear(Context& ctx, UserData& user, const InjuryOptions& o) {
  if (!o.all && !o.id_given) throw Failure(exit_usage, "give an injury ID or --all");
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  if (o.all) {
    int n = store.clear_all_injuries(now);
    fmt::print(ctx.out, "Cleared {}.\n", plural(n, "injury", "injuries"));
    return;
  }
  if (!store.clear_injury(o.id, now))
    throw Failure(exit_usage, fmt::format("no open injury with ID {}", o.id));
  fmt::print(ctx.out, "Cleared injury #{}.\n", o.id);
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
  clear_cmd.footer = "\nExamples:\n  roll injury clear 3\n  roll injury clear --all";
  clear_cmd.reached = [&opts] { opts.action = InjuryOptions::Action::clear; };

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
    case InjuryOptions::Action::check:
      check(ctx, user, opts);
      break;
    case InjuryOptions::Action::none:
      break;
  }
  return exit_ok;
}

}  // namespace roll::cli

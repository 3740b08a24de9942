// roll suggest --tight ZONE: a routine composed for where it feels tight, printed as
// TOML, saved as a user routine or started at once. The composing is the pure compose_routine();
// this file only gathers what it needs (the bundled routines, the profile, the injury log).
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/routine_loading.hpp"
#include "cli/session/guided_session.hpp"
#include "platform/atomic_file.hpp"
#include "platform/routine_files.hpp"
#include "roll/compose.hpp"
#include "roll/screening.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::vector<Routine> bundled_routines(Context& ctx) {
  auto out = load_bundled_routines(ctx.env);
  if (out.empty()) {
    throw Failure(exit_usage, fmt::format("no bundled routines in {}; is roll installed whole?",
                                          sanitize(ctx.env.bundled_routines_dir().string())));
  }
  return out;
}

Zone tight_zone(const std::string& text) {
  if (auto zone = find_zone(text)) return *zone;
  std::string near = nearest_zone(text);
  throw Failure(exit_usage,
                fmt::format("--tight: unknown zone '{}'; {}", sanitize(text),
                            near.empty() ? std::string("run `roll suggest --help` for the zones")
                                         : fmt::format("did you mean '{}'?", near)));
}

std::filesystem::path save(Context& ctx, const std::string& name, const std::string& text) {
  auto path = ctx.env.user_routines_dir() / (name + ".toml");
  switch (platform::create_new_file(path, text)) {
    case platform::CreateResult::created:
      return path;
    case platform::CreateResult::exists:
      throw Failure(exit_usage,
                    fmt::format("--save: {} already exists and is never overwritten; choose "
                                "another name or remove it first",
                                sanitize(path.string())));
    case platform::CreateResult::failed:
      break;
  }
  throw Failure(exit_usage, fmt::format("--save: cannot write {}: {}", sanitize(path.string()),
                                        std::strerror(errno)));
}

// The composer fed with this user's profile (level, roller) and open injuries and pain stops.
ComposeResult compose_for(Context& ctx, UserData& user, Zone tight, std::optional<int> minutes,
                          const std::string& name) {
  const Profile& profile = user.profile();
  ComposeRequest request;
  request.tight = tight;
  request.minutes = minutes;
  request.level = profile.level.value_or(Level::beginner);
  request.roller = profile.roller.value_or(Roller::soft);
  request.name = name;
  platform::HistoryStore& store = user.history();
  request.injuries = store.injuries(false);  // pain stops are open injuries too
  report_problems(ctx, store);
  return compose_routine(request, bundled_routines(ctx));
}

}  // namespace

void declare_suggest(CommandSpec& roll, SuggestOptions& options) {
  auto& cmd = roll.command("suggest", "Compose a routine for where it feels tight");
  std::vector<std::string> zones;
  for (Zone z : all_zones()) zones.emplace_back(zone_name(z));
  cmd.option("--tight", options.tight,
             "Where it feels tight: a zone name or alias (lower-back, neck, mid-back, glutes, "
             "...; the list is below)")
      .required()
      .value_name("ZONE")
      .completes(Completion::zone);
  cmd.option("--minutes", options.minutes,
             "How long the session lasts (default by your level: beginner 8, intermediate "
             "10, advanced 12; at most 8 for a beginner, 15 otherwise)")
      .between(1, 60)
      .value_name("N");
  cmd.option("--save", options.save,
             "Write it to your routines as NAME.toml (never overwrites) instead of printing")
      .value_name("NAME");
  cmd.flag("--start", options.start, "Start it at once as a guided session");
  cmd.option("--speed", options.speed, "With --start: as `roll session --speed` (a rehearsal)")
      .between(0.01, 1000);
  cmd.flag("--yes,-y", options.yes, "With --start: as `roll session --yes`");
  cmd.footer = fmt::format(
      "\nExamples:\n"
      "  roll suggest --tight lower-back                 print a routine for a tight lower back\n"
      "  roll suggest --tight neck --minutes 6 --save neck-evening\n"
      "  roll suggest --tight thoracic --start\n"
      "\nThe areas around the tight one are worked, never the forbidden zones themselves (lower\n"
      "back: hips and glutes, then the mid-back; neck: mid-back, lats, shoulders), with your\n"
      "profile's level and roller; zones an open injury or pain stop guards are left out. It ends\n"
      "with three minutes of movement and passes `roll lint --strict`.\n"
      "{}\n"
      "Exit status: 0 ok, 2 unknown zone, no steps near it, or the --save file exists, 3 a\n"
      "condition in your profile is not cleared (no session is suggested then).",
      wrap(fmt::format("Zones: {}.", fmt::join(zones, ", ")), 90));
}

int run_suggest(Context& ctx, UserData& user, const SuggestOptions& options) {
  Zone tight = tight_zone(options.tight);
  if (!options.save.empty() && !is_routine_name(options.save)) {
    throw Failure(exit_usage,
                  fmt::format("--save: '{}' is not a routine name: use lower-case letters, digits "
                              "and '-', starting with a letter or digit (e.g. tight-back)",
                              sanitize(options.save)));
  }
  if (!options.start && (options.speed != 1.0 || options.yes)) {
    throw Failure(exit_usage, "--speed and --yes go with --start");
  }
  if (std::string held = held_reason(user.profile()); !held.empty()) {
    throw Failure(exit_refused, fmt::format("no session suggested: {}", held));
  }
  auto result = compose_for(ctx, user, tight, options.minutes, options.save);
  if (!result.routine) throw Failure(exit_usage, result.error);
  std::string text = routine_to_toml(*result.routine, result.notes);

  std::filesystem::path file;
  if (!options.save.empty()) {
    file = save(ctx, options.save, text);
    fmt::print(ctx.out, "Wrote {}\n", sanitize(file.string()));
    for (const auto& note : result.notes) fmt::print(ctx.out, "note: {}\n", sanitize(note));
    if (!options.start) {
      fmt::print(ctx.out, "Run it: `roll session {}`\n", options.save);
      return exit_ok;
    }
  } else if (options.start) {
    // roll's own file, replaced each time: the session reads a routine file like any other.
    file = ctx.env.state_home / "roll" / "suggested" / (result.routine->name + ".toml");
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    try {
      platform::write_text_file(file, text);
    } catch (const platform::FileError& e) {
      throw Failure(exit_usage, sanitize(e.what()));
    }
  } else {
    print_document(ctx, text);
    return exit_ok;
  }
  std::fflush(ctx.out);
  // `roll session FILE` with its defaults, but for --speed and --yes.
  SessionOptions session;
  session.routine = file.string();
  session.speed = options.speed;
  session.yes = options.yes;
  return run_guided_session(ctx, user, session);
}

}  // namespace roll::cli

// The safety checks that run before a session's first second: profile contraindications and
// level, the daily check-in, the 48-72 h rule.
#include "cli/session/preflight.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/session/daily_check_in.hpp"
#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/profile_file.hpp"
#include "roll/check_in.hpp"
#include "roll/lint.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

void refuse_conditions(Context& ctx, const Profile& profile) {
  auto blocking = profile.blocking();
  if (blocking.empty()) return;
  std::string names;
  for (auto c : blocking) {
    fmt::print(ctx.err, "roll: {}: {}\n", condition_name(c), condition_advice(c));
    names += names.empty() ? "" : ", ";
    names += condition_name(c);
  }
  throw Failure(
      exit_refused,
      fmt::format("not starting: your profile lists {}. Talk to a doctor or physical therapist "
                  "before foam rolling; once one has said it is safe, mark it in {} as "
                  "`{} = \"cleared\"`.",
                  names, sanitize(platform::profile_path(ctx.env).string()),
                  condition_name(blocking.front())));
}

// What the profile's level and roller change: a warning for a beginner above their level, the
// beginner rules on the user's own roller, and the bone caution when osteoporosis is cleared.
// Returns whether anything was said.
bool profile_notices(Context& ctx, const Routine& routine, const Profile& profile,
                     Notices& notices) {
  bool said = false;
  if (beginner_above_level(routine, profile)) {
    said = true;
    notices.add(fmt::format(
        "roll: warning: your profile says level = \"beginner\" and '{}' is an {} routine; "
        "start with the beginner routine: roll session beginner",
        sanitize(routine.name), to_string(routine.level)));
    fmt::print(ctx.err, "{}\n", notices.lines.back());
  }
  if (profile.level == Level::beginner) {
    auto own = lint_routine(routine, "");
    std::vector<Diagnostic> extra;
    for (auto& d : lint_routine(with_profile(routine, profile), "")) {
      if (!d.rule.starts_with("beginner-")) continue;
      bool already = std::any_of(own.begin(), own.end(), [&](const Diagnostic& o) {
        return o.rule == d.rule && o.message == d.message;
      });
      if (!already) extra.push_back(std::move(d));
    }
    for (const auto& d : extra) {
      said = true;
      notices.add(fmt::format(
          "roll: warning: as a beginner with a {} roller (your profile): {} [{}]",
          to_string(profile.roller.value_or(routine.roller)), sanitize(d.message), d.rule));
      fmt::print(ctx.err, "{}\n", notices.lines.back());
    }
  }
  if (auto caution = bone_caution(routine, profile)) {
    said = true;
    notices.add("roll: " + *caution);
    fmt::print(ctx.err, "{}\n", notices.lines.back());
  }
  return said;
}

std::string describe(const InjuryFinding& f) {
  return fmt::format("{} was injured {} h ago (injury #{}{}); step \"{}\" presses {}",
                     zone_name(f.injury->zone), f.since.count() / 3600, f.injury->id,
                     f.injury->note.empty() ? "" : ": " + sanitize(f.injury->note),
                     sanitize(f.step_name), zone_name(f.pressed));
}

void apply_injury_rule(Context& ctx, const Routine& routine, platform::HistoryStore& store,
                       SysSeconds now, bool can_ask, Notices& notices) {
  auto injuries = store.injuries(false);
  for (const auto& f : injury_findings(routine, injuries, now)) {
    std::string what = describe(f);
    long long id = f.injury->id;
    switch (gate_step(f.guard, can_ask)) {
      case GateStep::run:
        continue;
      case GateStep::refuse:
        if (f.guard == Guard::refuse) {
          throw Failure(
              exit_refused,
              fmt::format("{}. No pressure on an injured zone or its neighbours for the first 48 "
                          "h: {} h remain. Rest it, or choose a routine that keeps off it.",
                          what, hours_ceil(f.remaining)));
        }
        throw Failure(exit_refused,
                      fmt::format("{}. From 48 h on a session asks whether the acute pain has "
                                  "subsided, and only you can answer that (not --yes): run the "
                                  "session on a terminal, or once it has, `roll injury clear {}`.",
                                  what, id));
      case GateStep::ask:
        break;
    }
    fmt::print(ctx.out, "{}.\n", what);
    notices.unread = false;  // what came before is on screen above this question
    TerminalPrompter prompter(ctx);
    auto answer = ask_yes_no(prompter, kSubsidedQuestion);
    switch (gate_outcome(f.guard, answer)) {
      case GateOutcome::refuse:
        throw Failure(exit_refused,
                      fmt::format("not starting: injury #{} needs more rest. Wait until the acute "
                                  "pain has subsided (`roll injury clear {}` once it has).",
                                  id, id));
      case GateOutcome::run:
        notices.add(
            fmt::format("Roll it gently and stop at any sharp pain. Injury #{} stays "
                        "open: in {} h a yes here clears it (or `roll injury clear {}`).",
                        id, hours_ceil(f.remaining), id));
        fmt::print(ctx.out, "{}\n", notices.lines.back());
        break;
      case GateOutcome::run_and_clear:
        if (store.clear_injury(id, now) != platform::ClearResult::not_open) {
          notices.add(fmt::format("Cleared injury #{}.", id));
          fmt::print(ctx.out, "{}\n", notices.lines.back());
        }
        break;
    }
  }
}

}  // namespace

void wait_for_reading(Prompter& prompter) {
  prompter.say("Read the above, then press Enter to start (q and Enter: do not start) ");
  auto line = prompter.read_line();
  if (!line) prompter.say("\n");
  std::string answer = line.value_or("q");
  std::erase_if(answer, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
  if (answer == "q" || answer == "Q") throw Failure(exit_refused, "not starting");
}

void preflight(Context& ctx, UserData& user, const Routine& routine, bool assume_yes,
               bool interactive, Notices& notices) {
  const Profile& profile = user.profile();
  refuse_conditions(ctx, profile);
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  bool can_ask = interactive && !assume_yes;
  // The check-in is left for the next session that has someone to ask, rather than recorded as
  // "no injury".
  if (can_ask) {
    TerminalPrompter prompter(ctx);
    daily_check_in(ctx, store, now, profile, prompter, notices);
  }
  apply_injury_rule(ctx, routine, store, now, can_ask, notices);
  // Last, just before the first second: a confirmation, which --yes answers.
  if (profile_notices(ctx, routine, profile, notices) && can_ask) {
    TerminalPrompter prompter(ctx);
    if (ask_yes_no(prompter, "Start anyway?") != true) {
      throw Failure(exit_refused,
                    beginner_above_level(routine, profile)
                        ? "not starting; the beginner routine is `roll session beginner`"
                        : "not starting");
    }
    notices.unread = false;
  }
}

}  // namespace roll::cli

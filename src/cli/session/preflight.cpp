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
#include "platform/told_once.hpp"
#include "roll/check_in.hpp"
#include "roll/lint.hpp"
#include "roll/screening.hpp"
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
      fmt::format("not starting: your profile lists {}. Talk to {} before foam rolling; once "
                  "they have said it is safe: `{}` (or `{} = \"cleared\"` in {}).",
                  names,
                  // The article sends recent surgery to the surgeon.
                  blocking.size() == 1 && blocking.front() == Condition::recent_surgery
                      ? "your surgeon"
                      : "a doctor or physical therapist",
                  clearing_command(blocking.front()), condition_name(blocking.front()),
                  sanitize(platform::profile_path(ctx.env).string())));
}

// What the profile's level and roller change: a warning for a beginner above their level, the
// beginner rules on the user's own roller, and the bone caution when osteoporosis is cleared.
// Returns whether they want a confirmation ("Start anyway?"): not for a level the beginner routine
// was just offered for, nor for a ball or peanut, which is said once (not at every session).
bool profile_notices(Context& ctx, const Routine& routine, const Profile& profile,
                     bool level_offered, Notices& notices) {
  bool confirm = false;
  if (beginner_above_level(routine, profile)) {
    confirm = confirm || !level_offered;
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
    Roller roller = profile.roller.value_or(routine.roller);
    for (const auto& d : extra) {
      bool small =
          d.rule == "beginner-roller" && (roller == Roller::ball || roller == Roller::peanut);
      if (small) {
        std::string key = fmt::format("beginner-roller:{}", to_string(roller));
        if (platform::told_before(ctx.env, key)) continue;
        notices.add(fmt::format(
            "roll: note: your profile's roller is {} and you are a beginner: beginners start with "
            "a soft roller (roll's own, safer reading of the articles: `roll explain "
            "beginner-roller`). The session's cues speak of the {} where they say roller; this is "
            "said once.",
            tool_phrase(roller), tool_word(roller)));
        fmt::print(ctx.err, "{}\n", notices.lines.back());
        platform::remember_told(ctx.env, key);
        continue;
      }
      confirm = true;
      notices.add(fmt::format("roll: warning: as a beginner with {} (your profile): {} [{}]",
                              tool_phrase(roller), sanitize(d.message), d.rule));
      fmt::print(ctx.err, "{}\n", notices.lines.back());
    }
  }
  if (auto caution = bone_caution(routine, profile)) {
    confirm = true;
    notices.add("roll: " + *caution);
    fmt::print(ctx.err, "{}\n", notices.lines.back());
  }
  return confirm;
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
               bool interactive, Notices& notices, bool level_offered) {
  const Profile& profile = user.profile();
  refuse_conditions(ctx, profile);
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  // Questions of fact are asked whenever someone is at the terminal, --yes or not. Without one
  // the check-in is left for the next session that has someone to ask, rather than recorded as
  // "no injury".
  if (interactive) {
    TerminalPrompter prompter(ctx);
    daily_check_in(ctx, store, now, profile, prompter, notices);
  }
  apply_injury_rule(ctx, routine, store, now, interactive, notices);
  // Last, just before the first second: a confirmation, which --yes answers.
  bool can_confirm = interactive && !assume_yes;
  if (profile_notices(ctx, routine, profile, level_offered, notices) && can_confirm) {
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

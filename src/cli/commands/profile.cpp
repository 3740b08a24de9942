// roll profile conditions: the screening's six answers as the profile keeps them, or answers
// written into config.toml's [conditions] by a script (every other line and comment kept).
#include <fmt/core.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/user_time.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/profile_edit.hpp"
#include "roll/screening.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

// The option's field for a condition, in ProfileOptions' order (the profile's enum order).
std::string& answer_field(ProfileOptions& opts, Condition c) {
  switch (c) {
    case Condition::osteoporosis:
      return opts.osteoporosis;
    case Condition::recent_surgery:
      return opts.recent_surgery;
    case Condition::recent_trauma:
      return opts.recent_trauma;
    case Condition::active_cancer:
      return opts.active_cancer;
    case Condition::neurological_symptoms:
      return opts.neurological_symptoms;
    case Condition::muscle_guarding:
      return opts.muscle_guarding;
  }
  return opts.osteoporosis;
}

std::string_view answer_of(const Profile& profile, Condition c) {
  if (std::find(profile.answered.begin(), profile.answered.end(), c) == profile.answered.end())
    return "not answered";
  for (const auto& e : profile.conditions) {
    if (e.condition == c) return e.cleared ? "cleared" : "yes";
  }
  return "no";
}

void show(Context& ctx, const Profile& profile, LocalDays today) {
  for (const auto& q : kScreeningQuestions) {
    fmt::print(ctx.out, "{:<22} {:<13} {}\n", condition_name(q.condition),
               answer_of(profile, q.condition), q.question);
  }
  ScreeningState state = screening_state(profile, today);
  if (state.need == ScreeningNeed::none) {
    fmt::print(ctx.out, "answered{}; asked again every {} months (roll's own reading)\n",
               profile.conditions_asked
                   ? fmt::format(" on {}", format_date(*profile.conditions_asked))
                   : std::string(),
               kScreeningMonths);
  } else {
    fmt::print(ctx.out, "{}\n", state.why);
  }
  if (std::string held = held_reason(profile); !held.empty()) {
    fmt::print(ctx.out, "no session for now: {}\n", held);
  }
}

}  // namespace

void declare_profile(CommandSpec& roll, ProfileOptions& opts) {
  auto& cmd = roll.command("profile", "Show or answer what your profile keeps (config.toml)");
  cmd.subcommand_required = true;
  cmd.footer =
      "\nExamples:\n"
      "  roll profile conditions                        the screening's answers\n"
      "  roll profile conditions --osteoporosis cleared  a clinician has said it is safe\n"
      "\n`roll level` sets the level; the rest of config.toml is yours to edit (`man roll`).";
  auto& conditions = cmd.command(
      "conditions", "The screening's six questions: show the answers, or give them for a script");
  for (const auto& q : kScreeningQuestions) {
    conditions
        .option(fmt::format("--{}", condition_name(q.condition)), answer_field(opts, q.condition),
                fmt::format("{} yes, no or cleared", q.question))
        .choices({"yes", "no", "cleared"})
        .value_name("ANSWER");
  }
  conditions.footer = fmt::format(
      "\nExamples:\n"
      "  roll profile conditions          each answer, and whether a session is held\n"
      "  {}\n"
      "  roll profile conditions --osteoporosis cleared\n"
      "\nThe six are the second article's \"When to avoid foam rolling\"; each is a question of\n"
      "fact that only you can answer, so `roll session --yes` never answers them. The first real\n"
      "session on a terminal asks them; a session without a terminal is refused (exit 3) until\n"
      "all six are answered. cleared: you have it, and a doctor or physical therapist (for\n"
      "surgery, your surgeon) has said foam rolling is safe for you. Once all six are answered,\n"
      "the day is kept as `asked`, and roll asks again after {} months (its own reading of\n"
      "\"conditions arise later\"). A yes holds every session, `roll due` and `roll suggest` "
      "until\n"
      "the condition is marked cleared.",
      fmt::format("roll profile conditions --osteoporosis no --recent-trauma no "
                  "--muscle-guarding no \\\n    --active-cancer no --neurological-symptoms no "
                  "--recent-surgery no"),
      kScreeningMonths);
  conditions.reached = [&opts] { opts.action = ProfileOptions::Action::conditions; };
}

int run_profile(Context& ctx, UserData& user, const ProfileOptions& opts) {
  LocalDays today = std::chrono::floor<std::chrono::days>(platform::to_local(now_or_fail(ctx)));
  std::vector<std::pair<Condition, ConditionAnswer>> answers;
  ProfileOptions given = opts;
  for (const auto& q : kScreeningQuestions) {
    const std::string& value = answer_field(given, q.condition);
    if (value.empty()) continue;
    answers.emplace_back(q.condition, value == "yes"       ? ConditionAnswer::yes
                                      : value == "cleared" ? ConditionAnswer::cleared
                                                           : ConditionAnswer::no);
  }
  if (answers.empty()) {
    show(ctx, user.profile(), today);
    return exit_ok;
  }
  // The day counts as the screening's only once all six have an answer.
  std::vector<Condition> answered = user.profile().answered;
  for (const auto& [c, a] : answers) {
    if (std::find(answered.begin(), answered.end(), c) == answered.end()) answered.push_back(c);
  }
  bool all = answered.size() >= kScreeningQuestions.size();
  const Profile& now = user.edit_profile(
      [&](std::string_view text) {
        return with_condition_answers(text, answers, all ? std::optional(today) : std::nullopt);
      },
      "the screening's answers");
  fmt::print(ctx.out, "Kept in {}.\n", sanitize(platform::profile_path(ctx.env).string()));
  show(ctx, now, today);
  return exit_ok;
}

}  // namespace roll::cli

#include "cli/session/screening.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "cli/session/terminal_prompter.hpp"
#include "cli/user_time.hpp"
#include "platform/wall_clock.hpp"
#include "roll/profile_edit.hpp"
#include "roll/screening.hpp"
#include "roll/text.hpp"

namespace roll::cli {

void screen_conditions(Context& ctx, UserData& user, bool interactive) {
  const Profile& profile = user.profile();
  LocalDays today = std::chrono::floor<std::chrono::days>(platform::to_local(now_or_fail(ctx)));
  ScreeningState state = screening_state(profile, today);
  if (state.need == ScreeningNeed::none) return;
  if (!interactive) {
    throw Failure(
        exit_refused,
        fmt::format("not starting: {} They are questions of fact, which only you can answer: run "
                    "the session on a terminal, where roll asks them, or answer them for a "
                    "script with\n  {}\n(or write all six in config.toml's [conditions] table: "
                    "`roll profile conditions --help`)",
                    state.why, screening_command()));
  }
  TerminalPrompter prompter(ctx);
  std::size_t width = static_cast<std::size_t>(ctx.env.columns > 20 ? ctx.env.columns - 1 : 79);
  prompter.say(wrap(fmt::format("{} Each is a question of fact: y or n. A yes keeps roll from "
                                "starting a session until a doctor or physical therapist has said "
                                "foam rolling is safe for you.",
                                state.why),
                    width) +
               "\n");
  std::vector<std::pair<Condition, ConditionAnswer>> answers;
  for (const auto& q : kScreeningQuestions) {
    auto answer = ask_yes_no(prompter, q.question);
    if (!answer) {
      throw Failure(exit_refused,
                    "not starting: the screening got no answer (the input ended); run the session "
                    "again and answer y or n");
    }
    bool cleared = std::any_of(
        profile.conditions.begin(), profile.conditions.end(),
        [&](const ConditionEntry& e) { return e.condition == q.condition && e.cleared; });
    // A clinician's word stands while the answer is still yes: asking again does not undo it.
    ConditionAnswer kept = !*answer  ? ConditionAnswer::no
                           : cleared ? ConditionAnswer::cleared
                                     : ConditionAnswer::yes;
    answers.emplace_back(q.condition, kept);
  }
  user.edit_profile(
      [&](std::string_view text) { return with_condition_answers(text, answers, today); },
      "the screening's answers");
  fmt::print(ctx.out, "Kept in your profile; roll asks again in {} months.\n", kScreeningMonths);
}

void ask_screening_again(Context& ctx, UserData& user, std::string_view why) {
  (void)ctx;
  user.edit_profile([&](std::string_view text) { return with_screening_due(text, why); },
                    "the screening's reminder");
}

}  // namespace roll::cli

#include "roll/screening.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace roll {

ScreeningState screening_state(const Profile& profile, LocalDays today) {
  ScreeningState state;
  for (const auto& q : kScreeningQuestions) {
    if (std::find(profile.answered.begin(), profile.answered.end(), q.condition) ==
        profile.answered.end())
      state.missing.push_back(q.condition);
  }
  if (!state.missing.empty()) {
    state.need = ScreeningNeed::first;
    state.why = state.missing.size() == kScreeningQuestions.size()
                    ? "Before your first session: six questions from the second article's "
                      "\"When to avoid foam rolling\"."
                    : "Your profile does not answer all six of the second article's questions "
                      "yet.";
    return state;
  }
  if (!profile.conditions_ask_again.empty()) {
    state.need = ScreeningNeed::ask_again;
    state.why = fmt::format("The six questions again: {}.", profile.conditions_ask_again);
    return state;
  }
  if (profile.conditions_asked) {
    using namespace std::chrono;
    year_month_day asked{*profile.conditions_asked};
    year_month_day due = asked + months{kScreeningMonths};
    // 31 August + 6 months is 31 February: the last day of that month.
    if (!due.ok()) due = due.year() / due.month() / last;
    if (*profile.conditions_asked > today || LocalDays{due} <= today) {
      state.need = ScreeningNeed::stale;
      state.why = fmt::format(
          "The six questions again: you answered them on {}, and conditions can arise later "
          "(roll asks every {} months, its own reading).",
          format_date(*profile.conditions_asked), kScreeningMonths);
      return state;
    }
  }
  state.need = ScreeningNeed::none;
  return state;
}

std::string screening_command() {
  std::string out = "roll profile conditions";
  for (const auto& q : kScreeningQuestions)
    out += fmt::format(" --{} yes|no", condition_name(q.condition));
  return out;
}

std::string clearing_command(Condition c) {
  return fmt::format("roll profile conditions --{} cleared", condition_name(c));
}

std::string held_reason(const Profile& profile) {
  auto blocking = profile.blocking();
  if (blocking.empty()) return "";
  std::vector<std::string_view> names;
  for (Condition c : blocking) names.push_back(condition_name(c));
  // The article sends recent surgery to the surgeon; the rest to "your doctor or physical
  // therapist", as its closing advice does.
  bool surgery_only = blocking.size() == 1 && blocking.front() == Condition::recent_surgery;
  return fmt::format(
      "your profile lists {} (the second article: when to avoid foam rolling), not cleared: talk "
      "to {} first; once they have said it is safe, `{}`",
      fmt::join(names, ", "), surgery_only ? "your surgeon" : "a doctor or physical therapist",
      clearing_command(blocking.front()));
}

bool limbs_screened_on(const Profile& profile, LocalDays today) {
  if (profile.conditions_asked != today) return false;
  auto is_limbs = [](Condition c) { return c == Condition::neurological_symptoms; };
  bool answered = std::any_of(profile.answered.begin(), profile.answered.end(), is_limbs);
  bool yes = std::any_of(profile.conditions.begin(), profile.conditions.end(),
                         [&](const ConditionEntry& e) { return is_limbs(e.condition); });
  return answered && !yes;
}

}  // namespace roll

#pragma once
// The screening: the second article's six contraindications ("When to Avoid Foam Rolling?"),
// asked of the person before their first real session, each as its own yes-or-no question of fact,
// and again six months on or when a prescription is added. The answers live in the profile's
// [conditions] table (profile.hpp); this says which questions, in what words, and whether they
// must be asked now. Pure.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "roll/history.hpp"
#include "roll/profile.hpp"

namespace roll {

struct ScreeningQuestion {
  Condition condition = Condition::osteoporosis;
  std::string_view question;  // a question of fact, answered yes or no
};

// In the article's order, in the article's words where it has them: "thin, fragile bones" is
// roll's gloss of osteoporosis, the surgery question the article's heading (any surgery: it asks
// the surgeon's permission before a treatment program for the spine), and the limbs are
// named as arms or legs. The trauma question keeps the article's one example (a car accident);
// the numbness one is the article's sentence as a question, short enough for 80 columns.
// A yes is kept as the condition (`true`); clearing it is a separate, deliberate step
// (clearing_command) once a clinician has said rolling is safe.
inline constexpr std::array<ScreeningQuestion, 6> kScreeningQuestions{{
    {Condition::osteoporosis, "Do you have osteoporosis (thin, fragile bones)?"},
    {Condition::recent_trauma, "Do you have back pain from a trauma, such as a car accident?"},
    {Condition::muscle_guarding, "Are your back muscles so tense that you cannot relax them?"},
    {Condition::active_cancer, "Do you have active cancer?"},
    {Condition::neurological_symptoms,
     "Rapid onset of numbness, shooting pain or weakness in your arms or legs?"},
    {Condition::recent_surgery, "Have you had surgery recently?"},
}};

// roll's own reading of "conditions arise later": the answers are asked again after this long.
inline constexpr int kScreeningMonths = 6;

enum class ScreeningNeed {
  none,       // all six answered, within six months, nothing asks again
  first,      // never answered (no [conditions], or some of the six missing)
  stale,      // answered more than six months ago
  ask_again,  // [conditions] `ask_again` (a prescription was added)
};

struct ScreeningState {
  ScreeningNeed need = ScreeningNeed::first;
  std::vector<Condition> missing;  // the conditions without an answer, in the article's order
  std::string why;                 // one sentence when need != none: why the questions come
};

// From the profile and the local `today`. A profile whose [conditions] answers all six counts as
// answered; its `asked` day, when written, starts the six months (a day after `today` counts as
// old: it cannot be the day they were answered).
[[nodiscard]] ScreeningState screening_state(const Profile& profile, LocalDays today);

// The command that answers the six questions for a script, with every answer to fill in:
// `roll profile conditions --osteoporosis yes|no ...`.
[[nodiscard]] std::string screening_command();

// The command that marks `c` cleared once a clinician has said rolling is safe.
[[nodiscard]] std::string clearing_command(Condition c);

// Whether the screening answered its numbness, shooting pain or weakness question "no" on
// `today` (the local calendar day its `asked` holds): the daily check-in asked minutes later
// need not ask it again. A yes, even one a clinician cleared, is asked about every day.
[[nodiscard]] bool limbs_screened_on(const Profile& profile, LocalDays today);

// While a condition is not cleared, no session is suggested or due: the one sentence that says
// so (bare `roll`, `roll due`, `roll suggest`, `roll lint --profile`), naming them. Empty when
// nothing blocks.
[[nodiscard]] std::string held_reason(const Profile& profile);

}  // namespace roll

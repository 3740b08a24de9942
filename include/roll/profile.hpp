#pragma once
// The user's profile ($XDG_CONFIG_HOME/roll/config.toml): level, roller, day-start hour, speech
// command and the second article's contraindications. Validated like routines: every problem is
// a Diagnostic with its line:col.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/diagnostic.hpp"
#include "roll/history.hpp"
#include "roll/routine.hpp"

namespace roll {

// The second article's "When to avoid foam rolling", one per contraindication.
enum class Condition {
  osteoporosis,
  recent_surgery,
  recent_trauma,
  active_cancer,
  neurological_symptoms,
  muscle_guarding,
};

// The names a profile's [conditions] table uses (name_table.hpp), in the article's order.
inline constexpr NameTable<Condition, 6> kConditionNames{{
    {Condition::osteoporosis, "osteoporosis"},
    {Condition::recent_surgery, "recent-surgery"},
    {Condition::recent_trauma, "recent-trauma"},
    {Condition::active_cancer, "active-cancer"},
    {Condition::neurological_symptoms, "neurological-symptoms"},
    {Condition::muscle_guarding, "muscle-guarding"},
}};

[[nodiscard]] constexpr std::string_view condition_name(Condition c) {  // "recent-surgery"
  return name_in(kConditionNames, c);
}
// The condition a [conditions] key names: its name, or the same with `_` or spaces for `-`, in any
// case ("recent_surgery", "Recent-Surgery").
[[nodiscard]] std::optional<Condition> condition_from_key(std::string_view key);
// The article's reason and what to do, for the refusal message.
[[nodiscard]] std::string_view condition_advice(Condition c);

// The answer to one contraindication: the profile's `true` (I have it), `false` (I do not) or
// `"cleared"` (I have it and a clinician has said foam rolling is safe for me).
enum class ConditionAnswer { no, yes, cleared };
inline constexpr NameTable<ConditionAnswer, 3> kConditionAnswerNames{{
    {ConditionAnswer::no, "no"},
    {ConditionAnswer::yes, "yes"},
    {ConditionAnswer::cleared, "cleared"},
}};
[[nodiscard]] constexpr std::string_view to_string(ConditionAnswer a) {
  return name_in(kConditionAnswerNames, a);
}

// How a session's first get-ready ends: after a timed get-ready long enough to lie down on the
// roller, or when a key is pressed. Later get-readies are the short timed ones either way.
enum class FirstReady { timer, key };
inline constexpr NameTable<FirstReady, 2> kFirstReadyNames{{
    {FirstReady::timer, "timer"},
    {FirstReady::key, "key"},
}};
[[nodiscard]] constexpr std::string_view to_string(FirstReady r) {
  return name_in(kFirstReadyNames, r);
}

struct ConditionEntry {
  Condition condition = Condition::osteoporosis;
  bool cleared = false;  // a clinician has said rolling is fine
};

struct Profile {
  std::optional<Level> level;
  std::optional<Roller> roller;
  int day_start_hour = 4;
  std::string speech;                      // command line, empty for none
  std::vector<ConditionEntry> conditions;  // the conditions the user has (yes or cleared)
  // Every condition with an answer in [conditions], whatever it is: the screening
  // (roll/screening.hpp) counts as answered when all six are here.
  std::vector<Condition> answered;
  // [conditions] `asked = 2026-11-23`: the day the screening was last answered.
  std::optional<LocalDays> conditions_asked;
  // [conditions] `ask_again = "..."`: why the screening must be asked again before the next
  // session (a prescription was added); empty for none.
  std::string conditions_ask_again;
  // `first_ready = "timer" | "key"`: how a session's first get-ready ends; asked once on the
  // first session, and `roll session --ready` overrides it.
  std::optional<FirstReady> first_ready;
  // `workout_time = "18:00"`: minutes after midnight; bare `roll` suggests the warm-up before it.
  std::optional<int> workout_minute;
  // `ratings = false` turns off the full screen's "how does your back feel?" before and after.
  bool ratings = true;
  // `roll sync`: the folder a sync program shares (an absolute path), and whether
  // to sync after each recorded session.
  std::string sync_dir;
  bool sync_after_session = false;

  // Conditions listed and not cleared: each one refuses a session.
  [[nodiscard]] std::vector<Condition> blocking() const;
};

struct ProfileResult {
  std::optional<Profile> profile;  // set when there is no error
  std::vector<Diagnostic> diagnostics;
};

// `file` labels diagnostics. Never throws.
[[nodiscard]] ProfileResult load_profile(std::string_view text, std::string_view file);

// The routine as this user would do it: the profile's level and roller, where it gives them,
// replace the routine's, so the linter's beginner rules judge the roller the user really has.
[[nodiscard]] Routine with_profile(Routine routine, const Profile& profile);

// A beginner (by the profile) starting an intermediate or advanced routine.
[[nodiscard]] bool beginner_above_level(const Routine& routine, const Profile& profile);

// With osteoporosis marked "cleared", a firm or textured roller (the user's, else the routine's),
// pressure on the ribs (thoracic, rhomboids, lats, chest, full-body, and a roller along the spine:
// roll's own reading of "the ribs"), or a ball or peanut on the shoulder blades (shoulders, traps,
// rhomboids) still gets the articles' caution; nothing otherwise.
[[nodiscard]] std::optional<std::string> bone_caution(const Routine& routine,
                                                      const Profile& profile);

}  // namespace roll

#pragma once
// The questions of fact asked before a session: the daily check-in and, from 48 h after an
// injury, whether the acute pain has subsided. Only a clear yes or no is an answer. The dialogue
// runs over a Prompter, so it is tested with scripted lines instead of a terminal.
#include <optional>
#include <string>
#include <string_view>

#include "roll/zone.hpp"

namespace roll {

// "y", "yes", "n" or "no" in any case, with blanks around: true or false. Anything else ("yes, my
// neck hurts", "", "maybe", "yess") is no answer.
[[nodiscard]] std::optional<bool> parse_yes_no(std::string_view text);

class Prompter {
 public:
  virtual ~Prompter() = default;
  virtual void say(std::string_view text) = 0;         // shown as is (no newline added)
  virtual std::optional<std::string> read_line() = 0;  // nothing once the input has ended
  // The answer to a question of a few choices (yes or no, i or a): on a terminal one key, taken at
  // once and shown; elsewhere a line, as read_line.
  virtual std::optional<std::string> read_answer() { return read_line(); }
};

// Asks `question` until the answer is a clear yes or no; nothing when the input ends first. On a
// terminal, y or n (one key, no Enter); every yes-or-no question roll asks goes through here, so
// they all take the same keys.
[[nodiscard]] std::optional<bool> ask_yes_no(Prompter& prompter, std::string_view question);

// Asks `question` (which names its choices, e.g. "[i/a]") until the answer is one of `keys`, in
// either case: that key, lower-case; nothing when the input ends first.
[[nodiscard]] std::optional<char> ask_choice(Prompter& prompter, std::string_view question,
                                             std::string_view keys);

inline constexpr std::string_view kInjuryQuestion = "Any fresh injury in the last 72 h?";
// The second article's neurological contraindication, asked on its own: it is not an injury to
// one zone, and a yes stops the whole session.
inline constexpr std::string_view kLimbQuestion =
    "Any numbness, weakness or shooting pain in your arms or legs?";
inline constexpr std::string_view kSubsidedQuestion = "Has the acute pain subsided?";

struct CheckIn {
  bool answered = false;  // false: the input ended before both questions had an answer
  bool fresh_injury = false;
  std::optional<Zone> zone;    // where the fresh injury is; nothing when the user is unsure
  bool limb_symptoms = false;  // numbness, weakness or shooting pain in the arms or legs
};

// The daily check-in: a fresh injury (and where), then numbness, weakness or shooting pain,
// unless `ask_limbs` is false (the screening asked it today and heard no), when the answer is
// taken as that no.
[[nodiscard]] CheckIn run_check_in(Prompter& prompter, bool ask_limbs = true);

// What to tell someone who reports numbness, weakness or shooting pain in the limbs.
[[nodiscard]] std::string limb_symptoms_advice();

}  // namespace roll

#pragma once
// Pain before and after one session, on the 0-10 numeric rating scale (0 no pain, 10 the worst
// imaginable): the one definition of comparing them, used by `roll history`, `roll stats`, the
// report, the session's end and the coach. Before and after are compared only within a session
// that has both; the older "how does your back feel" ratings (10 fine) never come in here. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roll/history.hpp"
#include "roll/outcomes.hpp"

namespace roll {

// roll's own threshold for flagging a rise within a session: 2 points, after the smallest change
// on a 0-10 scale that patients notice (Ostelo et al. 2008).
inline constexpr int kPainRiseFlagPoints = kPainMeaningfulPoints;
inline constexpr std::string_view kPainRiseFlagLabel =
    "a rise of 2 points or more: roll's own threshold, after the smallest change on a 0-10 scale "
    "that patients notice (Ostelo et al. 2008)";
// Two flagged sessions in a row on one routine pause it.
inline constexpr int kPainRisesToPause = 2;

// The second article's words, exactly.
inline constexpr std::string_view kPainIncreasingQuote =
    "If your pain is increasing, symptoms are worsening, or you feel uncomfortable, listen to your "
    "body and stop. Sharp, shooting pain should especially never be tolerated.";

// Whether `value` is on the 0-10 pain scale.
[[nodiscard]] constexpr bool valid_pain(int value) {
  return value >= kScaleMin && value <= kScaleMax;
}

struct SessionPain {
  int before = 0;
  int after = 0;
  [[nodiscard]] int change() const { return after - before; }
  [[nodiscard]] bool rose() const { return after > before; }
  [[nodiscard]] bool flagged() const { return change() >= kPainRiseFlagPoints; }
};

// Both pain ratings of a session, each on the scale; nothing when either is missing.
[[nodiscard]] std::optional<SessionPain> session_pain(const SessionRecord& session);
[[nodiscard]] std::optional<SessionPain> session_pain(std::optional<int> before,
                                                      std::optional<int> after);

// The routines whose last kPainRisesToPause compared sessions (session_pain, rehearsals left out)
// were each flagged, in the order of their latest session. `sessions` in any order.
[[nodiscard]] std::vector<std::string> routines_to_pause(
    const std::vector<SessionRecord>& sessions);

// Said at once when a session's pain after is higher than before: the second article's words
// and a gentler suggestion for next time (the second article's, labelled).
[[nodiscard]] std::vector<std::string> pain_rose_advice(const SessionPain& pain);

// "pain 3 -> 6 of 10, up 3" (0-10 pain scale), with " (flagged: ...)" at 2 points or more.
[[nodiscard]] std::string session_pain_words(const SessionPain& pain);

// What bare `roll` says for a paused routine.
[[nodiscard]] std::string pause_routine_words(std::string_view routine);

}  // namespace roll

#include "roll/pain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace roll {

std::optional<SessionPain> session_pain(std::optional<int> before, std::optional<int> after) {
  if (!before || !after || !valid_pain(*before) || !valid_pain(*after)) return std::nullopt;
  return SessionPain{*before, *after};
}

std::optional<SessionPain> session_pain(const SessionRecord& session) {
  return session_pain(session.pain_before, session.pain_after);
}

std::vector<std::string> routines_to_pause(const std::vector<SessionRecord>& sessions) {
  std::vector<const SessionRecord*> compared;
  for (const auto& s : sessions)
    if (s.origin != SessionOrigin::rehearsal && session_pain(s)) compared.push_back(&s);
  // Newest first; the uid breaks a tie so the order never depends on the input's.
  std::sort(compared.begin(), compared.end(), [](const SessionRecord* a, const SessionRecord* b) {
    return a->started_at != b->started_at ? a->started_at > b->started_at : a->uid > b->uid;
  });
  std::map<std::string, int> seen;  // compared sessions counted per routine, newest first
  std::map<std::string, bool> all_flagged;
  std::vector<std::string> out;
  for (const auto* s : compared) {
    int& n = seen[s->routine_name];
    if (n >= kPainRisesToPause) continue;
    ++n;
    auto [it, fresh] = all_flagged.try_emplace(s->routine_name, true);
    it->second = it->second && session_pain(*s)->flagged();
    if (n == kPainRisesToPause && it->second) out.push_back(s->routine_name);
  }
  // In the order of their latest session.
  std::vector<std::string> ordered;
  for (const auto* s : compared)
    if (std::find(out.begin(), out.end(), s->routine_name) != out.end() &&
        std::find(ordered.begin(), ordered.end(), s->routine_name) == ordered.end())
      ordered.push_back(s->routine_name);
  return ordered;
}

std::vector<std::string> pain_rose_advice(const SessionPain& pain) {
  std::vector<std::string> out;
  out.push_back(
      fmt::format("Your pain went up this session, from {} to {} of 10.", pain.before, pain.after));
  out.push_back(fmt::format("The second article: \"{}\"", kPainIncreasingQuote));
  out.push_back(
      "Next time, go gentler: \"Start slow and small\", \"no more than 30 seconds of focus on each "
      "spot\", and \"if you are sensitive to pressure you may consider a softer option\" (the "
      "second article).");
  if (pain.flagged()) out.push_back(fmt::format("Flagged: {}.", kPainRiseFlagLabel));
  return out;
}

std::string session_pain_words(const SessionPain& pain) {
  std::string change = pain.change() == 0  ? "the same"
                       : pain.change() > 0 ? fmt::format("up {}", pain.change())
                                           : fmt::format("down {}", -pain.change());
  std::string out = fmt::format("pain {} -> {} of 10, {}", pain.before, pain.after, change);
  if (pain.flagged()) out += fmt::format(" (flagged: {})", kPainRiseFlagLabel);
  return out;
}

std::string pause_routine_words(std::string_view routine) {
  return fmt::format(
      "your pain rose by {} points or more after your last {} sessions of {}: pause that routine "
      "and ask a physical therapist before you do it again",
      kPainRiseFlagPoints, kPainRisesToPause, routine);
}

}  // namespace roll

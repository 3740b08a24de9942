#include "roll/check_in.hpp"

#include <fmt/format.h>

#include "roll/profile.hpp"

namespace roll {

std::optional<bool> parse_yes_no(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "y" || lower == "yes") return true;
  if (lower == "n" || lower == "no") return false;
  return std::nullopt;
}

std::optional<bool> ask_yes_no(Prompter& prompter, std::string_view question) {
  prompter.say(fmt::format("{} [y/n] ", question));
  for (;;) {
    auto line = prompter.read_answer();
    if (!line) {
      prompter.say("\n");
      return std::nullopt;
    }
    if (auto answer = parse_yes_no(*line)) return answer;
    // A sentence may hold the real answer ("yes, my neck hurts"): ask for the word, never guess.
    prompter.say(fmt::format("Please answer y or n. {} [y/n] ", question));
  }
}

std::optional<char> ask_choice(Prompter& prompter, std::string_view question,
                               std::string_view keys) {
  prompter.say(fmt::format("{} ", question));
  for (;;) {
    auto line = prompter.read_answer();
    if (!line) {
      prompter.say("\n");
      return std::nullopt;
    }
    std::string_view answer = *line;
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!answer.empty() && blank(answer.front())) answer.remove_prefix(1);
    while (!answer.empty() && blank(answer.back())) answer.remove_suffix(1);
    if (answer.size() == 1) {
      char c = answer[0];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (keys.find(c) != std::string_view::npos) return c;
    }
    std::string listed;
    for (char k : keys) listed += listed.empty() ? std::string(1, k) : fmt::format(" or {}", k);
    prompter.say(fmt::format("Please answer {}. {} ", listed, question));
  }
}

CheckIn run_check_in(Prompter& prompter, bool ask_limbs) {
  CheckIn result;
  auto injury = ask_yes_no(prompter, kInjuryQuestion);
  if (!injury) return result;
  result.fresh_injury = *injury;
  if (*injury) {
    prompter.say("Where? A zone such as lumbar, thoracic, neck, glutes (Enter if unsure): ");
    auto where = prompter.read_line();
    if (!where) prompter.say("\n");
    result.zone = where ? find_zone(*where) : std::nullopt;
  }
  if (!ask_limbs) {
    result.answered = true;
    return result;
  }
  auto limbs = ask_yes_no(prompter, kLimbQuestion);
  if (!limbs) return result;
  result.limb_symptoms = *limbs;
  result.answered = true;
  return result;
}

std::string limb_symptoms_advice() {
  return fmt::format("{} Do not foam roll today: see a doctor or physical therapist first.",
                     condition_advice(Condition::neurological_symptoms));
}

}  // namespace roll

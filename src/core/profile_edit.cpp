#include "roll/profile_edit.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "toml_edit.hpp"

namespace roll {

namespace {

using detail::exact_key;
using detail::with_toml_value;
using detail::without_toml_key;

constexpr std::string_view kConditions = "conditions";

std::string answer_value(ConditionAnswer answer) {
  switch (answer) {
    case ConditionAnswer::no:
      return "false";
    case ConditionAnswer::yes:
      return "true";
    case ConditionAnswer::cleared:
      return "\"cleared\"";
  }
  return "true";
}

}  // namespace

std::optional<std::string> with_level_line(std::string_view text, Level level) {
  return with_toml_value(text, "", "level", detail::toml_quoted(to_string(level)),
                         exact_key("level"));
}

std::optional<std::string> with_first_ready_line(std::string_view text, FirstReady ready) {
  return with_toml_value(text, "", "first_ready", detail::toml_quoted(to_string(ready)),
                         exact_key("first_ready"));
}

std::optional<std::string> with_condition_answers(
    std::string_view text, const std::vector<std::pair<Condition, ConditionAnswer>>& answers,
    std::optional<LocalDays> asked) {
  std::optional<std::string> out(text);
  for (const auto& [condition, answer] : answers) {
    auto same = [c = condition](std::string_view key) { return condition_from_key(key) == c; };
    out = with_toml_value(*out, kConditions, condition_name(condition), answer_value(answer), same);
    if (!out) return std::nullopt;
  }
  if (asked) {
    out = with_toml_value(*out, kConditions, "asked", format_date(*asked), exact_key("asked"));
    if (!out) return std::nullopt;
    out = without_toml_key(*out, kConditions, exact_key("ask_again"));
  }
  return out;
}

std::optional<std::string> with_screening_due(std::string_view text, std::string_view why) {
  return with_toml_value(text, kConditions, "ask_again", detail::toml_quoted(why),
                         exact_key("ask_again"));
}

}  // namespace roll

#pragma once
// Changes roll writes into the user's config.toml: the new text from the old, every other line and
// comment kept as the user wrote them (a value replaced in place, a new key added as its table's
// last line). Pure; the caller reads and writes the file (atomically, refusing a file that changed
// meanwhile). Each returns nullopt when the text does not parse as TOML, or holds the table in a
// form only a hand edit can change (an inline `conditions = { ... }`, dotted keys).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roll/profile.hpp"

namespace roll {

// The top-level `level`.
[[nodiscard]] std::optional<std::string> with_level_line(std::string_view text, Level level);

// The top-level `first_ready`.
[[nodiscard]] std::optional<std::string> with_first_ready_line(std::string_view text,
                                                               FirstReady ready);

// [conditions] with each of `answers` set (`false`, `true` or `"cleared"`; a key the user spelled
// `recent_surgery` keeps its spelling and gets the new value), and, when `asked` is given,
// `asked = <that day>` with any `ask_again` removed: the screening answered that day.
[[nodiscard]] std::optional<std::string> with_condition_answers(
    std::string_view text, const std::vector<std::pair<Condition, ConditionAnswer>>& answers,
    std::optional<LocalDays> asked);

// [conditions] `ask_again = "<why>"`: the next session on a terminal asks the six questions again
// (and one without a terminal is refused until they are answered).
[[nodiscard]] std::optional<std::string> with_screening_due(std::string_view text,
                                                            std::string_view why);

}  // namespace roll

#pragma once
// Questions on the terminal: printed to stdout, answered from the Context's input. A question of
// a few choices (yes or no) takes one key at once when that input is a terminal, and a line
// otherwise (a script, a test); text (where an injury is) always takes a line. The one place a
// command reads an answer, so every question parses it alike (roll/check_in.hpp).
#include <optional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "roll/check_in.hpp"

namespace roll::cli {

class TerminalPrompter final : public Prompter {
 public:
  explicit TerminalPrompter(Context& ctx) : ctx_(ctx) {}
  void say(std::string_view text) override;
  std::optional<std::string> read_line() override;
  // One key when the input is a terminal: shown, then a new line. Ctrl-C throws
  // Failure{exit_interrupted}.
  std::optional<std::string> read_answer() override;

 private:
  Context& ctx_;
};

// The descriptor of the Context's input when it is a terminal that keys can be read from one at a
// time; -1 otherwise (a pipe, a file, a test's memory stream).
[[nodiscard]] int terminal_input_fd(const Context& ctx);

// One 0-10 answer on the terminal: a digit at once, except 1, which waits a moment for a 0 (10,
// typed as a person writes it); `t` is 10 too. Enter or any other key: no answer. Ctrl-C throws
// Failure{exit_interrupted}. Prints the answer, or "skipped", and a new line.
[[nodiscard]] std::optional<int> read_scale_answer(Context& ctx);

// Asks once; true only for a clear yes (parse_yes_no), and `empty_is_yes` for a bare Enter, as a
// "[Y/n]" question means. The end of the input is a no. A line, even on a terminal (`roll history
// delete`); the questions before and after a session use ask_yes_no.
[[nodiscard]] bool ask_once(Context& ctx, std::string_view question, bool empty_is_yes = false);

}  // namespace roll::cli

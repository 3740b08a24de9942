#pragma once
// Questions on the terminal: printed to stdout, answered a line at a time from the
// Context's input. The one place
// a command reads an answer, so every question parses it alike (roll/check_in.hpp).
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

 private:
  Context& ctx_;
};

// Asks once; true only for a clear yes (parse_yes_no), and `empty_is_yes` for a bare Enter, as a
// "[Y/n]" question means. The end of the input is a no.
[[nodiscard]] bool ask_once(Context& ctx, std::string_view question, bool empty_is_yes = false);

}  // namespace roll::cli

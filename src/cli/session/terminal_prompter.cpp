#include "cli/session/terminal_prompter.hpp"

#include <fmt/core.h>
#include <stdio.h>

#include <cstdio>
#include <cstdlib>

namespace roll::cli {

void TerminalPrompter::say(std::string_view text) {
  fmt::print(ctx_.out, "{}", text);
  std::fflush(ctx_.out);
}

std::optional<std::string> TerminalPrompter::read_line() {
  if (ctx_.in == nullptr) return std::nullopt;
  char* line = nullptr;
  std::size_t size = 0;
  ssize_t n = ::getline(&line, &size, ctx_.in);
  std::optional<std::string> out;
  if (n >= 0) out = std::string(line, static_cast<std::size_t>(n));
  std::free(line);
  return out;
}

bool ask_once(Context& ctx, std::string_view question, bool empty_is_yes) {
  TerminalPrompter prompter(ctx);
  prompter.say(question);
  auto line = prompter.read_line();
  if (!line) return false;
  if (empty_is_yes && line->find_first_not_of(" \t\r\n") == std::string::npos) return true;
  return parse_yes_no(*line) == true;
}

}  // namespace roll::cli

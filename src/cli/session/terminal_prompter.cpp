#include "cli/session/terminal_prompter.hpp"

#include <fmt/core.h>
#include <stdio.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "platform/one_key.hpp"
#include "roll/keys.hpp"
#include "roll/progress.hpp"

namespace roll::cli {

namespace {

platform::OneKey key_or_interrupt(Context& ctx, int fd,
                                  std::optional<std::chrono::milliseconds> within = {}) {
  auto answer = platform::read_one_key(ctx.out, fd, within);
  if (answer.what == platform::OneKey::What::signal) {
    fmt::print(ctx.out, "\n");
    throw Failure(exit_interrupted, "interrupted");
  }
  return answer;
}

}  // namespace

int terminal_input_fd(const Context& ctx) {
  if (ctx.in == nullptr || !ctx.env.input_is_terminal) return -1;
  int fd = ::fileno(ctx.in);
  return fd >= 0 && ::isatty(fd) ? fd : -1;
}

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

std::optional<std::string> TerminalPrompter::read_answer() {
  int fd = terminal_input_fd(ctx_);
  if (fd < 0) return read_line();
  auto answer = key_or_interrupt(ctx_, fd);
  if (answer.what != platform::OneKey::What::key) {
    say("\n");
    return std::nullopt;
  }
  char key = answer.key;
  // Ctrl-D ends the input, as it does for a line: no answer, not a key to ask again about. One
  // typed before the terminal left line mode arrives as the NUL the line discipline stored it as.
  if (key == '\x04' || key == '\0') {
    say("\n");
    return std::nullopt;
  }
  // Only a printable key is shown; Enter, Escape and the rest are no answer.
  bool printable = key > ' ' && key < 0x7f;
  say(printable ? fmt::format("{}\n", key) : std::string("\n"));
  return printable ? std::string(1, key) : std::string();
}

std::optional<int> read_scale_answer(Context& ctx) {
  int fd = terminal_input_fd(ctx);
  std::optional<int> value;
  if (fd >= 0) {
    auto first = key_or_interrupt(ctx, fd);
    if (first.what == platform::OneKey::What::key) {
      std::optional<char> second;
      if (may_start_ten(first.key)) {
        // Shown at once, so the wait for a possible 0 is not a screen that seems stuck.
        fmt::print(ctx.out, "1");
        auto next = key_or_interrupt(ctx, fd, kTenKeysWithin);
        if (next.what == platform::OneKey::What::key) second = next.key;
        fmt::print(ctx.out, "\b \b");
      }
      value = scale_from_keys(first.key, second);
    }
  } else {
    // A script's line: "10", "7", "t".
    TerminalPrompter prompter(ctx);
    auto line = prompter.read_line();
    if (line) {
      std::string text = *line;
      std::erase_if(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
      if (text == "10") {
        value = kMaxRating;
      } else if (text.size() == 1) {
        value = rating_from_key(text[0]);
      }
    }
  }
  fmt::print(ctx.out, "{}\n", value ? fmt::format("{}/10", *value) : std::string("skipped"));
  return value;
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

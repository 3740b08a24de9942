#include "cli/conventions.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <string>
#include <system_error>
#include <variant>

#include "roll/text.hpp"

namespace roll::cli {

bool use_color(ColorChoice choice, const platform::Environment& env) {
  switch (choice) {
    case ColorChoice::always:
      return true;
    case ColorChoice::never:
      return false;
    case ColorChoice::automatic:
      break;
  }
  if (env.no_color) return false;
  if (env.clicolor_force) return true;
  // TERM=dumb (or none roll knows) shows escape sequences as garbage.
  return env.stdout_is_terminal && env.terminal_can_draw;
}

namespace {

void add_color_option_to(CLI::App& app, Context& ctx) {
  app.add_option_function<std::string>(
         "--color",
         [&ctx](const std::string& value) {
           ColorChoice choice = value == "always"  ? ColorChoice::always
                                : value == "never" ? ColorChoice::never
                                                   : ColorChoice::automatic;
           ctx.color = use_color(choice, ctx.env);
         },
         "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    add_color_option_to(*sub, ctx);
  }
}

}  // namespace

void add_color_option(CLI::App& app, Context& ctx) {
  ctx.color = use_color(ColorChoice::automatic, ctx.env);
  add_color_option_to(app, ctx);
}

void ignore_sigpipe() {
  std::signal(SIGPIPE, SIG_IGN);
}

bool is_broken_pipe(const std::exception& e) {
  if (const auto* system = dynamic_cast<const std::system_error*>(&e)) {
    return system->code() == std::errc::broken_pipe;
  }
  return false;
}

bool flush_hit_broken_pipe(std::FILE* out) {
  errno = 0;
  return std::fflush(out) != 0 && errno == EPIPE;
}

namespace {

// The number `text` holds, or the message for one that is not a number.
std::variant<double, std::string> parse_number(const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || errno == ERANGE || !std::isfinite(value))
    return fmt::format("\"{}\" is not a number", sanitize(text));
  return value;
}

}  // namespace

CLI::Validator between(double min, double max) {
  return {[=](std::string& text) -> std::string {
            auto parsed = parse_number(text);
            if (auto* error = std::get_if<std::string>(&parsed)) return *error;
            double value = std::get<double>(parsed);
            if (value < min || value > max)
              return fmt::format("{} is not between {} and {}", sanitize(text), min, max);
            return {};
          },
          fmt::format("{} to {}", min, max)};
}

CLI::Validator zero_or_more() {
  return {[](std::string& text) -> std::string {
            auto parsed = parse_number(text);
            if (auto* error = std::get_if<std::string>(&parsed)) return *error;
            if (std::get<double>(parsed) < 0)
              return fmt::format("{} is not 0 or more", sanitize(text));
            return {};
          },
          "0 or more"};
}

}  // namespace roll::cli

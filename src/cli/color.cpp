#include "cli/color.hpp"

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

ColorChoice color_choice(std::string_view when) {
  if (when == "always") return ColorChoice::always;
  if (when == "never") return ColorChoice::never;
  return ColorChoice::automatic;
}

void add_color_option(CommandSpec& command, std::string& when) {
  command
      .option("--color", when,
              "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never")
      .choices({"auto", "always", "never"})
      .value_name("WHEN");
  for (auto& sub : command.subcommands) add_color_option(sub, when);
}

}  // namespace roll::cli

#include "cli/color.hpp"

#include <string>

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

}  // namespace roll::cli

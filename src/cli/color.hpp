#pragma once
// `--color` on every command, and the rule that decides colour when it is not given.
#include <string>
#include <string_view>

#include "cli/command_line.hpp"
#include "platform/environment.hpp"

namespace roll::cli {

enum class ColorChoice { automatic, always, never };

// --color always/never win; otherwise NO_COLOR turns colour off, CLICOLOR_FORCE turns it on
// without a terminal, and by default there is colour only on a terminal. NO_COLOR beats
// CLICOLOR_FORCE because someone who set NO_COLOR asked for none anywhere.
[[nodiscard]] bool use_color(ColorChoice choice, const platform::Environment& env);

// "always", "never", anything else automatic.
[[nodiscard]] ColorChoice color_choice(std::string_view when);

// Adds `--color auto|always|never` to `command` and every subcommand under it, so it may be
// written before or after the command (`roll --color never list`, `roll list --color never`);
// the parse writes the value to `when`.
void add_color_option(CommandSpec& command, std::string& when);

}  // namespace roll::cli

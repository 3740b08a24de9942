#pragma once
// What every command does the same way without saying so: `--color`, and a closed pipe.
#include <CLI/CLI.hpp>
#include <exception>
#include <string_view>

#include "cli/app.hpp"

namespace roll::cli {

enum class ColorChoice { automatic, always, never };

// --color always/never win; otherwise NO_COLOR turns colour off, CLICOLOR_FORCE turns it on
// without a terminal, and by default there is colour only on a terminal. NO_COLOR beats
// CLICOLOR_FORCE because someone who set NO_COLOR asked for none anywhere.
[[nodiscard]] bool use_color(ColorChoice choice, const platform::Environment& env);

// Adds `--color auto|always|never` to `app` and every subcommand under it, so it may be written
// before or after the command (`roll --color never list`, `roll list --color never`).
void add_color_option(CLI::App& app, Context& ctx);

// Number checks for options, with messages in the numbers a person writes: CLI11's own ranges
// print their bounds with %f ("0.010000 to 1000.000000", or the largest double in full).
[[nodiscard]] CLI::Validator between(double min, double max);
[[nodiscard]] CLI::Validator zero_or_more();

// A closed pipe (`roll history | head`) is a normal way for output to end: no SIGPIPE death,
// and writes that fail with EPIPE end the command quietly with exit 0.
void ignore_sigpipe();
[[nodiscard]] bool is_broken_pipe(const std::exception& e);
// After the last write: true when stdout was closed under us (so the exit code stays 0).
[[nodiscard]] bool flush_hit_broken_pipe(std::FILE* out);

}  // namespace roll::cli

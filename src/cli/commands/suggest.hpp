#pragma once
// roll suggest: its options, its CLI11 declaration and its run, in the house's command shape.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/app.hpp"
#include "roll/compose.hpp"

namespace roll::cli {

struct SuggestOptions {
  std::string tight;
  std::optional<int> minutes;
  std::string save;
  bool start = false;
  double speed = 1.0;
  bool yes = false;
};

void declare_suggest(CLI::App& app, SuggestOptions& options);
int run_suggest(Context& ctx, const SuggestOptions& options);

// The composer fed with this user's profile (level, roller) and open injuries and pain stops:
// what `roll suggest` and the today view (bare `roll`) both suggest from.
[[nodiscard]] ComposeResult compose_for(Context& ctx, Zone tight, std::optional<int> minutes,
                                        const std::string& name);

}  // namespace roll::cli

#pragma once
// roll level: its options, its CLI11 declaration and its run, in the house's command shape.
#include <CLI/CLI.hpp>
#include <string>

#include "cli/app.hpp"

namespace roll::cli {

struct LevelOptions {
  std::string level;  // empty: show
};

void declare_level(CLI::App& app, LevelOptions& options);
int run_level(Context& ctx, const LevelOptions& options);

}  // namespace roll::cli

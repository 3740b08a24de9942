#pragma once
// Looking up a routine by name or path for a command, with the errors every command reports the
// same way: unknown name (exit 2, nearest name suggested) and structure errors (printed, exit 2).
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "platform/routine_files.hpp"
#include "roll/routine.hpp"

namespace roll::cli {

struct LoadedRoutine {
  platform::RoutineFile file;
  Routine routine;
  std::vector<Diagnostic> warnings;
};

[[nodiscard]] LoadedRoutine load_named_routine(Context& ctx, const std::string& name_or_path);

// The bundled routines alone (a user's file of the same name does not replace one), loaded and
// sorted by file name; files that do not load are left out. What suggest and the today view
// choose from.
[[nodiscard]] std::vector<Routine> load_bundled_routines(const platform::Environment& env);

// Compiler-style lines on stderr: "path:line:col: error[rule]: message" and "  help: ...".
void print_diagnostics(Context& ctx, const std::vector<Diagnostic>& diagnostics);

}  // namespace roll::cli

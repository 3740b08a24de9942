#include "cli/routine_loading.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>

#include "roll/text.hpp"

namespace roll::cli {

void print_diagnostics(Context& ctx, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::string where = sanitize(d.file);
    if (d.where.known()) where += fmt::format(":{}:{}", d.where.line, d.where.column);
    fmt::print(ctx.err, "{}: {}[{}]: {}\n", where, severity_name(d.severity), d.rule,
               sanitize(d.message));
    if (!d.help.empty()) fmt::print(ctx.err, "  help: {}\n", sanitize(d.help));
  }
}

std::vector<Routine> load_bundled_routines(const platform::Environment& env) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(env.bundled_routines_dir(), ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // the same choice whatever order the directory lists
  std::vector<Routine> out;
  for (const auto& path : files) {
    auto loaded = platform::load_routine_file(path);
    if (loaded.routine) out.push_back(std::move(*loaded.routine));
  }
  return out;
}

LoadedRoutine load_named_routine(Context& ctx, const std::string& name_or_path) {
  auto file = platform::find_routine(ctx.env, name_or_path);
  if (!file) {
    auto nearest = platform::nearest_routine_name(ctx.env, name_or_path);
    std::string hint = nearest.empty() ? std::string("run `roll list` to see the routines")
                                       : fmt::format("did you mean `{}`?", sanitize(nearest));
    throw Failure(exit_usage,
                  fmt::format("no routine named '{}'; {}", sanitize(name_or_path), hint));
  }
  auto result = platform::load_routine_file(file->path);
  if (!result.routine) {
    print_diagnostics(ctx, result.diagnostics);
    throw Failure(exit_usage, fmt::format("{} cannot be used until these problems are fixed",
                                          sanitize(file->path.string())));
  }
  return LoadedRoutine{*file, std::move(*result.routine), std::move(result.diagnostics)};
}

}  // namespace roll::cli

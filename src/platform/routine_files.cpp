#include "platform/routine_files.hpp"

#include <algorithm>
#include <map>

#include "platform/atomic_file.hpp"
#include "roll/limits.hpp"
#include "roll/prescription.hpp"
#include "roll/suggest.hpp"

namespace roll::platform {

namespace {

void scan(const std::filesystem::path& dir, Origin origin,
          std::map<std::string, RoutineFile>& found) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() != ".toml") continue;
    if (!it->is_regular_file(ec)) continue;
    found[path.stem().string()] = RoutineFile{path.stem().string(), path, origin};
  }
}

}  // namespace

const char* origin_name(Origin origin) {
  switch (origin) {
    case Origin::bundled:
      return "bundled";
    case Origin::user:
      return "user";
    case Origin::path:
      return "path";
  }
  return "bundled";
}

std::vector<RoutineFile> discover_routines(const Environment& env) {
  std::map<std::string, RoutineFile> found;
  scan(env.bundled_routines_dir(), Origin::bundled, found);
  scan(env.user_routines_dir(), Origin::user, found);  // later scan wins
  std::vector<RoutineFile> routines;
  routines.reserve(found.size());
  for (auto& [name, file] : found) routines.push_back(std::move(file));
  return routines;
}

std::optional<RoutineFile> find_routine(const Environment& env, std::string_view name_or_path) {
  if (name_or_path.ends_with(".toml") || name_or_path.find('/') != std::string_view::npos) {
    std::filesystem::path path(name_or_path);
    return RoutineFile{path.stem().string(), path, Origin::path};
  }
  for (auto& file : discover_routines(env)) {
    if (file.name == name_or_path) return file;
  }
  return std::nullopt;
}

std::string nearest_routine_name(const Environment& env, std::string_view name) {
  auto routines = discover_routines(env);
  std::vector<std::string_view> names;
  for (const auto& r : routines) names.push_back(r.name);
  return closest_match(name, names);
}

bool holds_prescription(const std::filesystem::path& path) {
  try {
    return is_prescription_text(read_text_file(path, limits::max_file_bytes));
  } catch (const FileError&) {
    return false;
  }
}

LoadResult load_routine_file(const std::filesystem::path& path) {
  try {
    return load_routine(read_text_file(path, limits::max_file_bytes), path.string());
  } catch (const FileError& e) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{path.string(),
                                            {},
                                            Severity::error,
                                            "io",
                                            e.what(),
                                            "check the path and that the file is readable"});
    return result;
  }
}

}  // namespace roll::platform

#pragma once
// Finding routines by name: user routines in $XDG_CONFIG_HOME/roll/routines win over the bundled
// ones; an argument ending in ".toml" is a path used as is.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/environment.hpp"
#include "roll/load.hpp"

namespace roll::platform {

enum class Origin { bundled, user, path };
[[nodiscard]] const char* origin_name(Origin origin);

struct RoutineFile {
  std::string name;  // file stem
  std::filesystem::path path;
  Origin origin = Origin::bundled;
};

// Every routine `roll list` sees, sorted by name, a user routine hiding a bundled one of the same
// name.
[[nodiscard]] std::vector<RoutineFile> discover_routines(const Environment& env);

// A name from discover_routines() or a path ending in ".toml"; nullopt when there is no such
// routine (the caller suggests the nearest name).
[[nodiscard]] std::optional<RoutineFile> find_routine(const Environment& env,
                                                      std::string_view name_or_path);

[[nodiscard]] std::string nearest_routine_name(const Environment& env, std::string_view name);

// Whether the file is a prescription (its first key `prescription = 1`), not a routine: what
// `roll list` and the completions leave out. False for a file that cannot be read.
[[nodiscard]] bool holds_prescription(const std::filesystem::path& path);

// Reads and loads one routine file. A file that cannot be read becomes a single diagnostic with
// rule "io" (no position), so callers report it like any other problem.
[[nodiscard]] LoadResult load_routine_file(const std::filesystem::path& path);

}  // namespace roll::platform

#include "platform/checked_routines_file.hpp"

#include "platform/atomic_file.hpp"
#include "platform/build_id.hpp"

namespace roll::platform {

namespace {

// Room for the texts at their cap and the listings beside them.
constexpr std::size_t kMaxFileBytes = 2 * CheckedRoutines::kMaxTextBytes;

}  // namespace

std::filesystem::path checked_routines_path(const Environment& env) {
  return env.cache_dir() / "checked-routines";
}

CheckedRoutines read_checked_routines(const Environment& env) {
  const std::string& id = build_id();
  if (id.empty()) return {};
  auto bytes = read_private_file(checked_routines_path(env), kMaxFileBytes);
  return bytes ? CheckedRoutines::decode(*bytes, id) : CheckedRoutines{};
}

void save_checked_routines(const Environment& env, const CheckedRoutines& cache) {
  const std::string& id = build_id();
  if (!cache.changed() || id.empty()) return;
  (void)write_private_file(checked_routines_path(env), cache.encode(id));
}

}  // namespace roll::platform

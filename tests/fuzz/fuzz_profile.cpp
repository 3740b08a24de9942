// Any bytes as the user's profile ($XDG_CONFIG_HOME/roll/config.toml) through the profile reader:
// the input guard, toml++ and the validation. Nothing may crash, hang or trip a sanitizer; a
// profile comes back exactly when no diagnostic is an error, and every diagnostic names its rule
// and says something.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "roll/profile.hpp"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = roll::load_profile(text, "config.toml");
  require(loaded.profile.has_value() == !roll::has_errors(loaded.diagnostics));
  for (const auto& d : loaded.diagnostics) {
    require(!d.rule.empty() && !d.message.empty());
    require(d.file == "config.toml");
  }
  if (!loaded.profile) return 0;
  const auto& profile = *loaded.profile;
  require(profile.day_start_hour >= 0 && profile.day_start_hour <= 23);
  // Every blocking condition is one the profile lists and has not cleared.
  for (auto c : profile.blocking()) {
    bool listed = false;
    for (const auto& entry : profile.conditions) listed |= entry.condition == c && !entry.cleared;
    require(listed);
    require(!roll::condition_name(c).empty() && !roll::condition_advice(c).empty());
  }
  return 0;
}

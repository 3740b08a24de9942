#pragma once
// The body zones a routine step may name. A fixed vocabulary with aliases so that a safety rule
// cannot be dodged by spelling: "Lower Back", "low_back" and "lumbar-spine" are all `lumbar`.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace roll {

enum class Zone {
  thoracic,
  lats,
  glutes,
  shoulders,
  chest,
  rhomboids,
  traps,
  hips,
  hamstrings,
  quads,
  it_band,
  calves,
  full_body,
  // Zones where pressure is forbidden (see the no-lumbar, no-neck and no-joints rules).
  lumbar,
  neck,
  knee,
  ankle,
  elbow,
};

[[nodiscard]] std::span<const Zone> all_zones();

// Canonical name, e.g. "it-band".
[[nodiscard]] std::string_view zone_name(Zone zone);

// Case- and separator-insensitive lookup of a name or alias ("Mid Back" -> thoracic).
[[nodiscard]] std::optional<Zone> find_zone(std::string_view text);

// The known zone name or alias closest to `text` (edit distance), as a canonical name;
// empty when nothing is reasonably close.
[[nodiscard]] std::string nearest_zone(std::string_view text);

// The zones that free text such as a step's name names, word by word, in order and without
// repeats: every run of one to three words is looked up as a zone or alias, so "Glutes for a
// happier lower back" names glutes and lumbar, "C-spine" the neck, and "neckline" nothing.
[[nodiscard]] std::vector<Zone> zones_named_in(std::string_view text);

// Lumbar, neck, knee, ankle and elbow: the zones no step on the roller may press.
[[nodiscard]] bool is_forbidden_zone(Zone zone);

// Thoracic, lats and glutes: the first article's "major zones" that need two minutes each.
[[nodiscard]] bool is_major_zone(Zone zone);

}  // namespace roll

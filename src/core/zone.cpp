#include "roll/zone.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "roll/name_table.hpp"
#include "roll/suggest.hpp"

namespace roll {

namespace {

// The names routine files and roll's output use (name_table.hpp), in the order zones are listed.
constexpr NameTable<Zone, 18> kZoneNames{{
    {Zone::thoracic, "thoracic"},
    {Zone::lats, "lats"},
    {Zone::glutes, "glutes"},
    {Zone::shoulders, "shoulders"},
    {Zone::chest, "chest"},
    {Zone::rhomboids, "rhomboids"},
    {Zone::traps, "traps"},
    {Zone::hips, "hips"},
    {Zone::hamstrings, "hamstrings"},
    {Zone::quads, "quads"},
    {Zone::it_band, "it-band"},
    {Zone::calves, "calves"},
    {Zone::full_body, "full-body"},
    {Zone::lumbar, "lumbar"},
    {Zone::neck, "neck"},
    {Zone::knee, "knee"},
    {Zone::ankle, "ankle"},
    {Zone::elbow, "elbow"},
}};

constexpr auto kZones = [] {
  std::array<Zone, kZoneNames.size()> zones{};
  for (std::size_t i = 0; i < zones.size(); ++i) zones[i] = kZoneNames[i].first;
  return zones;
}();

// Aliases are stored normalised (lower case, separators removed); see normalise().
// Forbidden zones get generous alias lists: a safety rule must not be dodged by spelling.
constexpr std::pair<std::string_view, Zone> kAliases[] = {
    {"thoracic", Zone::thoracic},
    {"thoracicspine", Zone::thoracic},
    {"midback", Zone::thoracic},
    {"middleback", Zone::thoracic},
    {"upperback", Zone::thoracic},
    {"tspine", Zone::thoracic},
    {"lats", Zone::lats},
    {"lat", Zone::lats},
    {"latissimus", Zone::lats},
    {"latissimusdorsi", Zone::lats},
    {"glutes", Zone::glutes},
    {"glute", Zone::glutes},
    {"buttocks", Zone::glutes},
    {"piriformis", Zone::glutes},
    {"shoulders", Zone::shoulders},
    {"shoulder", Zone::shoulders},
    {"chest", Zone::chest},
    {"pecs", Zone::chest},
    {"pectorals", Zone::chest},
    {"rhomboids", Zone::rhomboids},
    {"rhomboid", Zone::rhomboids},
    {"traps", Zone::traps},
    {"trapezius", Zone::traps},
    {"hips", Zone::hips},
    {"hip", Zone::hips},
    {"hipflexors", Zone::hips},
    {"hamstrings", Zone::hamstrings},
    {"hamstring", Zone::hamstrings},
    {"quads", Zone::quads},
    {"quadriceps", Zone::quads},
    {"itband", Zone::it_band},
    {"itb", Zone::it_band},
    {"iliotibialband", Zone::it_band},
    {"calves", Zone::calves},
    {"calf", Zone::calves},
    {"fullbody", Zone::full_body},
    {"wholebody", Zone::full_body},
    {"body", Zone::full_body},
    {"lumbar", Zone::lumbar},
    {"lumbarspine", Zone::lumbar},
    {"lowerback", Zone::lumbar},
    {"lowback", Zone::lumbar},
    {"lspine", Zone::lumbar},
    {"lumbosacral", Zone::lumbar},
    {"sacrum", Zone::lumbar},
    {"quadratuslumborum", Zone::lumbar},
    {"ql", Zone::lumbar},
    {"neck", Zone::neck},
    {"cervical", Zone::neck},
    {"cervicalspine", Zone::neck},
    {"cspine", Zone::neck},
    {"knee", Zone::knee},
    {"knees", Zone::knee},
    {"kneecap", Zone::knee},
    {"patella", Zone::knee},
    {"ankle", Zone::ankle},
    {"ankles", Zone::ankle},
    {"elbow", Zone::elbow},
    {"elbows", Zone::elbow},
};

std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out.push_back(static_cast<char>(std::tolower(u)));
    // Spaces, '-', '_', '.', '/' and anything else are separators and ignored.
  }
  return out;
}

}  // namespace

std::span<const Zone> all_zones() {
  return kZones;
}

std::string_view zone_name(Zone zone) {
  return name_in(kZoneNames, zone);
}

std::optional<Zone> find_zone(std::string_view text) {
  auto key = normalise(text);
  for (const auto& [alias, zone] : kAliases) {
    if (alias == key) return zone;
  }
  return std::nullopt;
}

std::string nearest_zone(std::string_view text) {
  auto key = normalise(text);
  // Nothing is close to nothing; without this "" would be "close" to every two-letter alias.
  if (key.empty()) return {};
  std::vector<std::string_view> aliases;
  for (const auto& [alias, zone] : kAliases) aliases.push_back(alias);
  auto best = closest_match(key, aliases);
  if (best.empty()) return {};
  for (const auto& [alias, zone] : kAliases) {
    if (alias == best) return std::string(zone_name(zone));
  }
  return {};
}

std::vector<Zone> zones_named_in(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  // The longest alias is three words ("quadratus lumborum" is two, "iliotibial band" two).
  constexpr std::size_t kMaxWords = 3;
  std::vector<Zone> zones;
  for (std::size_t first = 0; first < words.size(); ++first) {
    std::string joined;
    for (std::size_t n = 0; n < kMaxWords && first + n < words.size(); ++n) {
      joined += words[first + n];
      auto zone = find_zone(joined);
      if (zone && std::find(zones.begin(), zones.end(), *zone) == zones.end()) {
        zones.push_back(*zone);
      }
    }
  }
  return zones;
}

bool is_forbidden_zone(Zone zone) {
  return zone == Zone::lumbar || zone == Zone::neck || zone == Zone::knee || zone == Zone::ankle ||
         zone == Zone::elbow;
}

bool is_major_zone(Zone zone) {
  return zone == Zone::thoracic || zone == Zone::lats || zone == Zone::glutes;
}

}  // namespace roll

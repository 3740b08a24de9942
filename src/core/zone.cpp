#include "roll/zone.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "roll/suggest.hpp"

namespace roll {

namespace {

constexpr std::array kZones = {
    Zone::thoracic,  Zone::lats,   Zone::glutes,    Zone::shoulders,  Zone::chest,
    Zone::rhomboids, Zone::traps,  Zone::hips,      Zone::hamstrings, Zone::quads,
    Zone::it_band,   Zone::calves, Zone::full_body, Zone::lumbar,     Zone::neck,
    Zone::knee,      Zone::ankle,  Zone::elbow,
};

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
  switch (zone) {
    case Zone::thoracic:
      return "thoracic";
    case Zone::lats:
      return "lats";
    case Zone::glutes:
      return "glutes";
    case Zone::shoulders:
      return "shoulders";
    case Zone::chest:
      return "chest";
    case Zone::rhomboids:
      return "rhomboids";
    case Zone::traps:
      return "traps";
    case Zone::hips:
      return "hips";
    case Zone::hamstrings:
      return "hamstrings";
    case Zone::quads:
      return "quads";
    case Zone::it_band:
      return "it-band";
    case Zone::calves:
      return "calves";
    case Zone::full_body:
      return "full-body";
    case Zone::lumbar:
      return "lumbar";
    case Zone::neck:
      return "neck";
    case Zone::knee:
      return "knee";
    case Zone::ankle:
      return "ankle";
    case Zone::elbow:
      return "elbow";
  }
  return "thoracic";
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

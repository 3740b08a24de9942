#include "cli/routine_summary.hpp"

#include <algorithm>

namespace roll::cli {

std::vector<std::string> zones_in_order(const Routine& routine) {
  std::vector<std::string> zones;
  for (const auto& step : routine.steps) {
    if (!step.zone) continue;
    std::string name(zone_name(*step.zone));
    if (std::find(zones.begin(), zones.end(), name) == zones.end()) zones.push_back(name);
  }
  return zones;
}

}  // namespace roll::cli

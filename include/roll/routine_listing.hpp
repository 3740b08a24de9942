#pragma once
// What `roll list` shows of a routine that loaded: its title, summary, length and zones.
#include <chrono>
#include <string>
#include <vector>

#include "roll/routine.hpp"

namespace roll {

struct RoutineListing {
  std::string title;
  std::string summary;
  std::chrono::milliseconds total{0};  // the session's length, get-ready included
  std::chrono::milliseconds work{0};   // on the roller and moving
  std::vector<std::string> zones;      // zones_in_order()
};

[[nodiscard]] RoutineListing listing_of(const Routine& routine);

}  // namespace roll

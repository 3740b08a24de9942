#pragma once
// Facts about a routine shared by `roll list` and `roll show`: its zones in order of first use.
#include <string>
#include <vector>

#include "roll/routine.hpp"

namespace roll::cli {

[[nodiscard]] std::vector<std::string> zones_in_order(const Routine& routine);

}  // namespace roll::cli

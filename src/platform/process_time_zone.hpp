#pragma once
// The process's time zone (TZ, /etc/localtime) as the core's TimeZone seam, through the
// conversions in wall_clock.hpp.
#include "roll/time_zone.hpp"

namespace roll::platform {

[[nodiscard]] const TimeZone& process_time_zone();

}  // namespace roll::platform

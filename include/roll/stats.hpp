#pragma once
// `roll stats`' figures gathered from the history: gather_stats() reads what compute_stats()
// (history.hpp) needs through HistoryReader, and injury_rest_days() the days an injury keeps off
// the roller. Pure: the local time zone comes in through TimeZone.
#include <cstdint>
#include <set>
#include <vector>

#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/injury.hpp"
#include "roll/time_zone.hpp"

namespace roll {

// Roll days inside an injury's 72 h, which do not break a streak.
[[nodiscard]] std::set<LocalDays> injury_rest_days(const std::vector<Injury>& injuries,
                                                   const TimeZone& zone, int day_start_hour);

// Everything `roll stats` shows, over `weeks` weeks ending with the one holding `now`.
[[nodiscard]] Stats gather_stats(HistoryReader& history, const TimeZone& zone, SysSeconds now,
                                 int day_start_hour, int weeks);

// Seconds as whole minutes, to the nearest (stats shows minutes; 90 s is 2 min, 89 s is 1 min).
[[nodiscard]] constexpr std::int64_t rounded_minutes(std::int64_t seconds) {
  return (seconds + 30) / 60;
}

}  // namespace roll

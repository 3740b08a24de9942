#pragma once
// Fixed dates and times for the unit tests, written as a person reads them: a local date-time,
// a local day, and a UTC instant from its parts or from "2026-11-23T21:30:00Z".
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

#include "roll/history.hpp"

namespace roll::test {

inline LocalSeconds at(int y, unsigned m, unsigned d, int h, int min = 0) {
  using namespace std::chrono;
  return LocalSeconds{local_days{year{y} / month{m} / day{d}}.time_since_epoch()} + hours{h} +
         minutes{min};
}

inline LocalDays on(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return local_days{year{y} / month{m} / day{d}};
}

inline SysSeconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return SysSeconds{at(y, m, d, h, min).time_since_epoch()};
}

// Throws rather than REQUIRE: some tests make their fixed "now" before any test case runs.
inline SysSeconds utc(std::string_view text) {
  auto parsed = parse_time(text);
  if (!parsed || !parsed->offset) throw std::invalid_argument(std::string(text));
  return SysSeconds{parsed->local.time_since_epoch() - *parsed->offset};
}

}  // namespace roll::test

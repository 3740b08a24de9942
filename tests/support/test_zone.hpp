#pragma once
// The time zone a suite runs in: ROLL_TEST_TZ, or UTC. The suites' mains check it against
// test_zones.txt before any case runs and make it the process's TZ; every run of roll (in process
// or as a child) gets it as TZ (run_common.cpp), so the same suite runs in any zone of the table.
#include <stdlib.h>
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace roll::test {

// ROLL_TEST_TZ when set and not empty, else "UTC".
[[nodiscard]] inline std::string test_time_zone() {
  const char* tz = std::getenv("ROLL_TEST_TZ");
  return tz != nullptr && *tz != '\0' ? std::string(tz) : std::string("UTC");
}

// The process's TZ is `tz` while the object lives, then what it was (the C library reads TZ at
// tzset; like the C library's zone, not thread-safe).
class ScopedProcessZone {
 public:
  explicit ScopedProcessZone(const std::string& tz) {
    if (const char* old = std::getenv("TZ"); old != nullptr) saved_ = old;
    ::setenv("TZ", tz.c_str(), 1);
    ::tzset();
  }
  ~ScopedProcessZone() {
    if (saved_) {
      ::setenv("TZ", saved_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  ScopedProcessZone(const ScopedProcessZone&) = delete;
  ScopedProcessZone& operator=(const ScopedProcessZone&) = delete;

 private:
  std::optional<std::string> saved_;
};

// The offset east of UTC, in minutes, that the C library gives `tz` at 2026-11-23T12:00:00Z.
[[nodiscard]] inline long c_library_offset_minutes(const std::string& tz) {
  ScopedProcessZone zone(tz);
  std::time_t t = 1795435200;  // 2026-11-23T12:00:00Z
  std::tm tm{};
  return ::localtime_r(&t, &tm) != nullptr ? tm.tm_gmtoff / 60 : 0;
}

// Empty when `tz` is in the table (test_zones.txt) and the C library agrees with its offset;
// else what is wrong, to print before the suite stops.
[[nodiscard]] inline std::string test_zone_problem(const std::string& tz,
                                                   const std::filesystem::path& table) {
  std::ifstream in(table);
  if (!in) return "cannot read " + table.string();
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    long expected = 0;
    if (!(fields >> name >> expected) || name != tz) continue;
    long actual = c_library_offset_minutes(tz);
    if (actual == expected) return {};
    return "ROLL_TEST_TZ=" + tz + " is " + std::to_string(actual) +
           " minutes from UTC on 2026-11-23 here, not " + std::to_string(expected) +
           " (is tzdata installed? the C library takes a zone it cannot find for UTC)";
  }
  return "ROLL_TEST_TZ=" + tz + " is not in " + table.string() +
         ": add the zone and its offset on 2026-11-23 there to run the suite in it";
}

// The instants the zone tests show, and each as the zones of test_zones.txt show it, written out
// by hand rather than computed by roll's own code: a session starts at kZoneStart and ends in a
// pain stop two minutes later (kZoneStop); "now" is kZoneNow.
inline const std::string kZoneStart = "2026-11-23T20:30:00Z";
inline const std::string kZoneStop = "2026-11-23T20:32:00Z";
inline const std::string kZoneNow = "2026-11-23T21:00:00Z";

struct ZoneCase {
  std::string tz;
  std::string offset;  // as history --json writes utc_offset
  std::string start;   // kZoneStart in local time, as roll writes it
  std::string stop;    // kZoneStop
  std::string now;     // kZoneNow
  std::string day;     // the roll day of kZoneStart (the default day_start, 04:00)
};

inline const std::vector<ZoneCase> kZoneCases = {
    {"UTC", "+00:00", "2026-11-23 20:30", "2026-11-23 20:32", "2026-11-23 21:00", "2026-11-23"},
    {"Europe/Berlin", "+01:00", "2026-11-23 21:30", "2026-11-23 21:32", "2026-11-23 22:00",
     "2026-11-23"},
    {"America/New_York", "-05:00", "2026-11-23 15:30", "2026-11-23 15:32", "2026-11-23 16:00",
     "2026-11-23"},
    {"Asia/Tokyo", "+09:00", "2026-11-24 05:30", "2026-11-24 05:32", "2026-11-24 06:00",
     "2026-11-24"},
    {"Australia/Lord_Howe", "+11:00", "2026-11-24 07:30", "2026-11-24 07:32", "2026-11-24 08:00",
     "2026-11-24"},
};

// Whether the zone database holds every zone of kZoneCases.
[[nodiscard]] inline bool zone_database_installed() {
  for (const auto& c : kZoneCases) {
    if (!std::filesystem::exists(std::filesystem::path("/usr/share/zoneinfo") / c.tz)) return false;
  }
  return true;
}

}  // namespace roll::test

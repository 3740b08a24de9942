#include "platform/wall_clock.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace roll::platform {

using namespace std::chrono;

SysSeconds wall_now_from(const char* roll_now, SysSeconds system_now) {
  if (roll_now == nullptr || *roll_now == '\0') return system_now;
  auto parsed = parse_time(roll_now);
  if (!parsed) {
    throw TimeError(
        fmt::format("ROLL_NOW=\"{}\" is not a time like 2026-11-23T21:30:00Z", roll_now));
  }
  return to_sys(*parsed);
}

SysSeconds wall_now() {
  return wall_now_from(std::getenv("ROLL_NOW"), floor<seconds>(system_clock::now()));
}

LocalSeconds to_local(SysSeconds t) {
  std::time_t tt = t.time_since_epoch().count();
  std::tm tm{};
  if (localtime_r(&tt, &tm) == nullptr) return LocalSeconds{t.time_since_epoch()};
  return LocalSeconds{t.time_since_epoch() + seconds{tm.tm_gmtoff}};
}

SysSeconds from_local(LocalSeconds t) {
  // mktime normalises out-of-range fields, so this works from days since the epoch directly.
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  std::tm tm{};
  tm.tm_year = static_cast<int>(ymd.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
  tm.tm_hour = static_cast<int>(hms.hours().count());
  tm.tm_min = static_cast<int>(hms.minutes().count());
  tm.tm_sec = static_cast<int>(hms.seconds().count());
  tm.tm_isdst = -1;
  std::time_t tt = std::mktime(&tm);
  if (tt == static_cast<std::time_t>(-1)) return SysSeconds{t.time_since_epoch()};
  return SysSeconds{seconds{tt}};
}

SysSeconds to_sys(const ParsedTime& t) {
  if (t.offset) return SysSeconds{t.local.time_since_epoch() - *t.offset};
  return from_local(t.local);
}

}  // namespace roll::platform

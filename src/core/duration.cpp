#include "roll/duration.hpp"

#include <fmt/core.h>

namespace roll {

std::string clock_time(std::chrono::milliseconds duration) {
  long long ms = duration.count();
  if (ms < 0) ms = 0;
  long long total = (ms + 999) / 1000;
  long long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
  return fmt::format("{}:{:02}", m, s);
}

std::string human_duration(std::chrono::seconds duration) {
  long long total = duration.count();
  if (total < 0) total = 0;
  long long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  if (h > 0) return m > 0 ? fmt::format("{} h {} min", h, m) : fmt::format("{} h", h);
  if (m > 0) return s > 0 ? fmt::format("{} min {} s", m, s) : fmt::format("{} min", m);
  return fmt::format("{} s", s);
}

}  // namespace roll

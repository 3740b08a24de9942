#pragma once
// How durations read in roll's output: "4:05" on clocks and countdowns, "12 min 30 s" in prose.
#include <chrono>
#include <string>

namespace roll {

// m:ss, or h:mm:ss from an hour up. Rounds up to the whole second, as countdowns do: a hold with
// 0.2 s left still shows 0:01.
[[nodiscard]] std::string clock_time(std::chrono::milliseconds duration);

// Whole seconds, rounded to the nearest: what the session records and says of a phase.
[[nodiscard]] constexpr int rounded_seconds(std::chrono::milliseconds duration) {
  return static_cast<int>((duration.count() + 500) / 1000);
}

// "45 s", "2 min", "12 min 30 s", "1 h 5 min".
[[nodiscard]] std::string human_duration(std::chrono::seconds duration);

}  // namespace roll

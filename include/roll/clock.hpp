#pragma once
// Time comes in through this interface so that a 10-minute session runs in milliseconds in tests.
#include <chrono>

namespace roll {

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time since an arbitrary epoch; never goes backwards.
  [[nodiscard]] virtual std::chrono::milliseconds now() const = 0;
  // Wall-clock time, for history records only.
  [[nodiscard]] virtual std::chrono::system_clock::time_point wall() const = 0;
};

}  // namespace roll

#pragma once
// Time comes in through this interface so that a 10-minute session runs in milliseconds in tests.
#include <chrono>

namespace roll {

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic time since an arbitrary epoch; never goes backwards.
  [[nodiscard]] virtual std::chrono::milliseconds now() const = 0;
  // No wall clock here: "now" is read once at start-up and passed in (a session's stored start
  // comes from the same ROLL_NOW as `roll due` and `roll stats`).
};

}  // namespace roll

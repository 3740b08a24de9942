#pragma once
// The local time zone comes in through this interface, as the clock does (clock.hpp): the core
// asks it which local time an instant is, and the tests answer with a fixed offset.
#include <chrono>

namespace roll {

class TimeZone {
 public:
  virtual ~TimeZone() = default;
  [[nodiscard]] virtual std::chrono::local_seconds to_local(std::chrono::sys_seconds t) const = 0;
  [[nodiscard]] virtual std::chrono::sys_seconds from_local(std::chrono::local_seconds t) const = 0;
};

}  // namespace roll

#include "platform/process_time_zone.hpp"

#include "platform/wall_clock.hpp"

namespace roll::platform {

namespace {

class ProcessTimeZone final : public TimeZone {
 public:
  [[nodiscard]] LocalSeconds to_local(SysSeconds t) const override { return platform::to_local(t); }
  [[nodiscard]] SysSeconds from_local(LocalSeconds t) const override {
    return platform::from_local(t);
  }
};

}  // namespace

const TimeZone& process_time_zone() {
  static const ProcessTimeZone zone;
  return zone;
}

}  // namespace roll::platform

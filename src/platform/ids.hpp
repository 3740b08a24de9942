#pragma once
// Globally unique record ids and the id of this device, for records that another device's roll
// will one day merge (the sync issue): a UUID v7 sorts by the time it was made and needs no
// coordination; the device id says which machine made a record.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace roll::platform {

// RFC 9562 UUID v7 text (8-4-4-4-12 lowercase hex): 48 bits of Unix milliseconds, then random.
[[nodiscard]] std::string new_uuid_v7(std::chrono::system_clock::time_point at);
[[nodiscard]] std::string format_uuid_v7(std::int64_t unix_ms, std::uint64_t random_high,
                                         std::uint64_t random_low);
[[nodiscard]] bool is_uuid(std::string_view text);

struct DeviceIdError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// <state>/roll/device-id: read it, or create it (a UUID v7) on first use. Two processes creating
// it at once agree on one (the file is linked into place only if absent). Throws DeviceIdError
// naming the file when it cannot be read, written or holds something else.
[[nodiscard]] std::string device_id(const std::filesystem::path& state_home);

}  // namespace roll::platform

namespace roll::platform {

// A new device id in <state>/roll/device-id, replacing the one there: for a machine that found
// its journal written by another machine with the same id (a copied home directory).
[[nodiscard]] std::string new_device_id(const std::filesystem::path& state_home);

}  // namespace roll::platform

#include "platform/ids.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "platform/atomic_file.hpp"

namespace roll::platform {

namespace {

std::mt19937_64& generator() {
  auto seed = [] {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
  };
  static thread_local std::mt19937_64 g{seed()};
  // A child of fork() would go on with its parent's state and make its parent's ids: reseeded.
  static thread_local pid_t owner = ::getpid();
  if (pid_t now = ::getpid(); now != owner) {
    owner = now;
    g.seed(seed());
  }
  return g;
}

}  // namespace

std::string format_uuid_v7(std::int64_t unix_ms, std::uint64_t random_high,
                           std::uint64_t random_low) {
  auto ms = static_cast<std::uint64_t>(unix_ms) & 0xffffffffffffULL;
  std::uint64_t high = (ms << 16) | 0x7000U | (random_high & 0x0fffU);
  std::uint64_t low = (random_low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xffff,
                     high & 0xffff, low >> 48, low & 0xffffffffffffULL);
}

std::string new_uuid_v7(std::chrono::system_clock::time_point at) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  auto& g = generator();
  std::uint64_t a = g();
  std::uint64_t b = g();
  return format_uuid_v7(ms, a, b);
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

std::string device_id(const std::filesystem::path& state_home) {
  auto dir = state_home / "roll";
  auto file = dir / "device-id";
  auto read = [&](std::string& out) {
    std::ifstream in(file);
    if (!in) return false;
    std::getline(in, out);
    return true;
  };
  std::string id;
  if (!read(id)) {
    // Through the one atomic writer: a fresh temporary name no one can plant a link at, linked
    // into place only if absent, so of two processes creating it at once the first one's id
    // stands.
    auto made = create_new_file(file, new_uuid_v7(std::chrono::system_clock::now()) + "\n");
    if (made == CreateResult::failed) {
      throw DeviceIdError(fmt::format("cannot create {}: {} (is {} writable?)", file.string(),
                                      std::strerror(errno), dir.string()));
    }
    if (!read(id)) throw DeviceIdError(fmt::format("cannot read {}", file.string()));
  }
  if (!is_uuid(id)) {
    throw DeviceIdError(fmt::format(
        "{} does not hold a device id (a UUID such as 01890a5d-ac96-774b-bcce-b302099a8057); "
        "remove it and roll makes a new one",
        file.string()));
  }
  return id;
}

}  // namespace roll::platform

namespace roll::platform {

std::string new_device_id(const std::filesystem::path& state_home) {
  auto dir = state_home / "roll";
  auto file = dir / "device-id";
  std::string fresh = new_uuid_v7(std::chrono::system_clock::now());
  try {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    write_text_file(file, fresh + "\n");
  } catch (const FileError& e) {
    throw DeviceIdError(fmt::format("cannot replace {}: {}", file.string(), e.what()));
  }
  return fresh;
}

}  // namespace roll::platform

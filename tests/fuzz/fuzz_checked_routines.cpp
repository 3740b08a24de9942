// Any bytes as the checked-routines cache ($XDG_CACHE_HOME/roll/checked-routines): nothing may
// crash, hang or trip a sanitizer, and whatever decodes re-encodes to the very same bytes (so no
// entry can come out of the decoder other than as it was written). The build id asked for is the
// one the bytes name, so that mutations reach the entries rather than stopping at the id; a seed
// is any real cache (`roll list` writes one).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "roll/checked_routines.hpp"

namespace {

// The id a cache names: after the magic line, a 4-byte little-endian length, then the bytes.
std::string claimed_id(std::string_view bytes) {
  auto line = bytes.find('\n');
  if (line == std::string_view::npos || bytes.size() < line + 5) return "x";
  std::size_t at = line + 1, length = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    length |= std::size_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  }
  return std::string(bytes.substr(at + 4, length));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string id = claimed_id(bytes);
  auto cache = roll::CheckedRoutines::decode(bytes, id);
  if (cache.size() > 0 && cache.encode(id) != bytes) std::abort();
  return 0;
}

// A journal line (issue 20): any bytes. What must hold: decoding never crashes or hangs, gives a
// record or a reason (never both, never neither), and a record decoded encodes to a line that
// decodes to the same record and re-encodes byte for byte.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "roll/sync_record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto d = roll::sync::decode(line);
  if (d.record.has_value() == !d.error.empty()) std::abort();
  if (d.record) {
    auto again = roll::sync::encode(*d.record);
    auto back = roll::sync::decode(again);
    if (!back.record || !(*back.record == *d.record) || roll::sync::encode(*back.record) != again)
      std::abort();
  }
  auto h = roll::sync::decode_header(line);
  if (h.header.has_value() == !h.error.empty()) std::abort();
  return 0;
}

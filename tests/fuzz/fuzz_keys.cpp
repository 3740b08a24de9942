// The key decoder: any bytes from a terminal, cut into reads at any points and at any times.
// What must hold: only keys come out (printable ASCII, CR, LF, tab, ESC); the keys do not depend
// on where the reads were cut while no wait runs out (the bug of issue 17: F5 in two reads was
// the keys 1 and 5); and nothing is left pending once every wait is over.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "roll/keys.hpp"

namespace {

using std::chrono::milliseconds;

void check_keys(std::string_view keys) {
  for (unsigned char c : keys) {
    bool ok = (c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t' || c == 0x1b;
    if (!ok) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte says how to cut the rest into reads and how far apart they come.
  const unsigned cut = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  roll::KeyDecoder whole;
  std::string at_once = whole.feed(bytes, milliseconds(0));
  at_once += whole.expire(milliseconds(1'000'000));
  check_keys(at_once);
  if (whole.pending()) std::abort();

  // The same bytes in reads of 1..8 bytes, 0..7 ms apart: well inside every wait, so the keys
  // must be the same as in one read.
  roll::KeyDecoder split;
  std::string pieces;
  milliseconds now{0};
  std::size_t step = 1 + (cut & 7);
  milliseconds gap{(cut >> 3) & 7};
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    pieces += split.feed(bytes.substr(i, step), now);
    now += gap;
    if (auto d = split.deadline(); d && *d < now) std::abort();  // a wait cannot be past already
  }
  pieces += split.expire(now + milliseconds(1'000'000));
  check_keys(pieces);
  if (pieces != at_once) std::abort();

  // Reads far apart: every wait runs out between them; still only keys, and nothing left over.
  roll::KeyDecoder slow;
  std::string slow_keys;
  now = milliseconds(0);
  for (std::size_t i = 0; i < bytes.size(); i += step) {
    slow_keys += slow.feed(bytes.substr(i, step), now);
    now += roll::KeyDecoder::partial_wait * 2;
  }
  slow_keys += slow.expire(now);
  check_keys(slow_keys);
  if (slow.pending()) std::abort();
  return 0;
}

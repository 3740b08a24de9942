// The terminal sanitizer's one promise: whatever comes in, nothing that reaches the terminal is a
// control byte (C0, DEL, or an ESC starting a sequence), and no bidi override survives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "roll/text.hpp"

namespace {

bool is_control(unsigned char c, bool keep_newlines) {
  if (c == '\n') return !keep_newlines;
  return c < 0x20 || c == 0x7f;
}

void check(std::string_view in, bool keep_newlines) {
  auto out = roll::sanitize(in, keep_newlines);
  for (unsigned char c : out) {
    if (is_control(c, keep_newlines)) std::abort();
  }
  // C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F; bidi controls U+202A..U+202E and
  // U+2066..U+2069 as E2 80 AA..AE and E2 81 A6..A9.
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    auto a = static_cast<unsigned char>(out[i]);
    auto b = static_cast<unsigned char>(out[i + 1]);
    if (a == 0xC2 && b >= 0x80 && b <= 0x9F) std::abort();
    if (a == 0xE2 && i + 2 < out.size()) {
      auto c = static_cast<unsigned char>(out[i + 2]);
      if (b == 0x80 && c >= 0xAA && c <= 0xAE) std::abort();
      if (b == 0x81 && c >= 0xA6 && c <= 0xA9) std::abort();
    }
  }
  // Sanitizing is idempotent: what is already safe is left alone.
  if (roll::sanitize(out, keep_newlines) != out) std::abort();
  (void)roll::wrap(out, 1 + in.size() % 80);
  (void)roll::display_width(out);
}

// The document form keeps '\n', '\t' and "\r\n" and nothing else below 0x20.
void check_document(std::string_view in) {
  auto out = roll::sanitize_document(in);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    bool layout = c == '\n' || c == '\t' || (c == '\r' && i + 1 < out.size() && out[i + 1] == '\n');
    if (!layout && (c < 0x20 || c == 0x7f)) std::abort();
  }
  if (roll::sanitize_document(out) != out) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  check(in, false);
  check(in, true);
  check_document(in);
  return 0;
}

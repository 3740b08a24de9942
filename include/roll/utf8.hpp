#pragma once
// The one UTF-8 decoder: the sanitizer, the routine files' input guard and the sync records all
// read text through it, so they agree on what is valid. Strict, as Unicode's table 3-7 says: no
// overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short and no stray
// continuation byte.
#include <cstddef>
#include <string>
#include <string_view>

namespace roll::utf8 {

struct Decoded {
  char32_t code = 0;
  std::size_t length = 0;  // bytes taken; 0 means the byte at this position starts nothing valid
};

[[nodiscard]] Decoded decode_multibyte(std::string_view text, std::size_t at);

// The code point starting at byte `at` (which must be inside `text`).
[[nodiscard]] inline Decoded decode(std::string_view text, std::size_t at) {
  auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return {byte, 1};
  return decode_multibyte(text, at);
}

[[nodiscard]] bool is_valid(std::string_view text);

// Appends `code` (a Unicode scalar value: not a surrogate, at most U+10FFFF) encoded.
void append(std::string& out, char32_t code);

// The longest start of `text` of at most `max_bytes` that ends on a character boundary: a byte
// limit that never leaves half a character behind.
[[nodiscard]] std::string_view prefix_of_bytes(std::string_view text, std::size_t max_bytes);

}  // namespace roll::utf8

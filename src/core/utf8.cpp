#include "roll/utf8.hpp"

namespace roll::utf8 {

Decoded decode_multibyte(std::string_view s, std::size_t i) {
  // Past the end reads as 0x100, which no range below takes: a sequence cut short is invalid.
  auto at = [&](std::size_t k) -> char32_t {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u;
  };
  auto in = [](char32_t b, char32_t lo, char32_t hi) { return b >= lo && b <= hi; };
  char32_t b0 = at(i);
  // The second byte's range is what keeps out overlongs (E0, F0), surrogates (ED) and code
  // points above U+10FFFF (F4); C0, C1 and F5-FF start nothing.
  if (in(b0, 0xC2, 0xDF)) {
    char32_t b1 = at(i + 1);
    if (!in(b1, 0x80, 0xBF)) return {};
    return {((b0 & 0x1F) << 6) | (b1 & 0x3F), 2};
  }
  if (in(b0, 0xE0, 0xEF)) {
    char32_t b1 = at(i + 1), b2 = at(i + 2);
    char32_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    char32_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!in(b1, lo, hi) || !in(b2, 0x80, 0xBF)) return {};
    return {((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F), 3};
  }
  if (in(b0, 0xF0, 0xF4)) {
    char32_t b1 = at(i + 1), b2 = at(i + 2), b3 = at(i + 3);
    char32_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    char32_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!in(b1, lo, hi) || !in(b2, 0x80, 0xBF) || !in(b3, 0x80, 0xBF)) return {};
    return {((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F), 4};
  }
  return {};
}

bool is_valid(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = decode(text, i).length;
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string_view prefix_of_bytes(std::string_view text, std::size_t max_bytes) {
  std::size_t end = 0;
  while (end < text.size()) {
    std::size_t n = decode(text, end).length;
    if (n == 0) n = 1;  // an invalid byte is one unit of its own
    if (end + n > max_bytes) break;
    end += n;
  }
  return text.substr(0, end);
}

}  // namespace roll::utf8

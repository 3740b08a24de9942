#include "json_writer.hpp"

#include <sstream>

namespace roll::detail {

std::string write_json(const toml::node& node, JsonLayout layout, JsonFloats floats) {
  auto flags = toml::json_formatter::default_flags;
  if (layout == JsonLayout::one_line) flags &= ~toml::format_flags::indentation;
  if (floats == JsonFloats::six_digits) flags |= toml::format_flags::relaxed_float_precision;
  std::ostringstream text;
  text << toml::json_formatter{node, flags};
  std::string out = text.str();
  // Without indentation the formatter still breaks lines between keys; a newline inside a value
  // is escaped as \n, so dropping the raw ones leaves the same JSON on one line.
  if (layout == JsonLayout::one_line) std::erase(out, '\n');
  return out;
}

std::string valid_utf8(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x06 ? 2
                         : (byte >> 4) == 0x0E ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    bool ok = length > 0 && i + length <= text.size();
    std::uint32_t code = length == 1 ? byte : byte & (0x7Fu >> length);
    for (std::size_t k = 1; ok && k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      ok = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
    if (ok && ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
               (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
               (code >= 0xD800 && code <= 0xDFFF))) {
      ok = false;
    }
    if (ok) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

}  // namespace roll::detail

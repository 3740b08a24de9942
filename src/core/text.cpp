#include "roll/text.hpp"

#include <fmt/core.h>

#include <cstdint>
#include <vector>

namespace roll {

namespace {

struct Decoded {
  char32_t code = 0;
  std::size_t length = 0;  // bytes consumed; 0 means an invalid byte at this position
};

// Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
Decoded decode(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t code = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, code = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, code = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, code = b0 & 0x07, min = 0x10000;
  } else {
    return {};
  }
  if (i + n > s.size()) return {};
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, n};
}

// Characters that reorder text on screen (Trojan Source): embeddings, overrides, isolates and
// the invisible direction marks.
bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200C || c == 0x200D ||
         (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

namespace {

std::string sanitize_text(std::string_view text, bool keep_newlines, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    char32_t c = d.code;
    if (c == '\n' && keep_newlines) {
      out += '\n';
    } else if (keep_layout &&
               (c == '\t' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))) {
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    } else {
      out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

}  // namespace

std::string sanitize(std::string_view text, bool keep_newlines) {
  return sanitize_text(text, keep_newlines, false);
}

std::string sanitize_document(std::string_view text) {
  return sanitize_text(text, true, true);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.length == 0) {
      width += 1;
      ++i;
      continue;
    }
    if (!is_zero_width(d.code)) width += is_wide(d.code) ? 2 : 1;
    i += d.length;
  }
  return width;
}

std::string wrap(std::string_view text, std::size_t width) {
  if (width == 0) width = 1;
  std::string out;
  std::size_t column = 0;
  auto flush_word = [&](std::string_view word) {
    std::size_t w = display_width(word);
    if (column > 0 && column + 1 + w > width) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    // A word longer than the line is cut at code point boundaries.
    while (column + w > width) {
      std::size_t taken = 0, bytes = 0;
      while (bytes < word.size()) {
        Decoded d = decode(word, bytes);
        std::size_t len = d.length == 0 ? 1 : d.length;
        std::size_t cw = display_width(word.substr(bytes, len));
        if (taken + cw > width) break;
        taken += cw;
        bytes += len;
      }
      if (bytes == 0) bytes = 1;
      out.append(word.substr(0, bytes));
      out += '\n';
      column = 0;
      word.remove_prefix(bytes);
      w = display_width(word);
    }
    out.append(word);
    column += w;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      if (i > start) flush_word(text.substr(start, i - start));
      if (i < text.size() && text[i] == '\n') {
        out += '\n';
        column = 0;
      }
      start = i + 1;
    }
  }
  return out;
}

namespace {

// The longest prefix of `text` (whole code points) no wider than `width` columns.
std::string_view prefix_within(std::string_view text, std::size_t width) {
  std::size_t used = 0, bytes = 0;
  while (bytes < text.size()) {
    Decoded d = decode(text, bytes);
    std::size_t len = d.length == 0 ? 1 : d.length;
    std::size_t w = display_width(text.substr(bytes, len));
    if (used + w > width) break;
    used += w;
    bytes += len;
  }
  return text.substr(0, bytes);
}

// `line` shortened at a word so that `ellipsis` fits after it within `width`.
std::string with_ellipsis(std::string_view line, std::size_t width, std::string_view ellipsis) {
  std::size_t ew = display_width(ellipsis);
  if (ew >= width) return std::string(prefix_within(ellipsis, width));
  std::string_view room = prefix_within(line, width - ew);
  if (room.size() < line.size() && line[room.size()] != ' ') {
    // The cut falls inside a word: back up to the space before it, unless it is the only word.
    auto space = room.rfind(' ');
    if (space != std::string_view::npos) room = room.substr(0, space);
  }
  while (!room.empty() && room.back() == ' ') room.remove_suffix(1);
  // Nor does it end on a separator: "extension ·…" says less than "extension…".
  for (std::string_view sep : {" ·", " -"}) {
    if (room.ends_with(sep)) room.remove_suffix(sep.size());
  }
  return std::string(room) + std::string(ellipsis);
}

}  // namespace

std::vector<std::string> fit_lines(std::string_view text, std::size_t width, std::size_t max_lines,
                                   std::string_view ellipsis) {
  std::vector<std::string> lines;
  if (width == 0 || max_lines == 0) return lines;
  std::string current;
  std::size_t column = 0;
  bool more = false;  // words were left over
  auto add_word = [&](std::string_view word) {
    std::string piece(word);
    std::size_t w = display_width(word);
    if (w > width) {
      piece = with_ellipsis(word, width, ellipsis);
      w = display_width(piece);
    }
    if (column > 0 && column + 1 + w > width) {
      lines.push_back(current);
      current.clear();
      column = 0;
    }
    if (column > 0) {
      current += ' ';
      ++column;
    }
    current += piece;
    column += w;
  };
  // A separator (" · ", " - ") goes with the word before it, so no line starts with one.
  auto separator_at = [&](std::size_t i) -> std::size_t {
    for (std::string_view sep : {" ·", " -"}) {
      std::size_t end = i + sep.size();
      if (text.substr(i, sep.size()) == sep && (end == text.size() || text[end] == ' ')) {
        return sep.size();
      }
    }
    return 0;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && i > start && text[i] == ' ') {
      if (std::size_t n = separator_at(i)) {
        i += n - 1;
        continue;
      }
    }
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      if (i > start) add_word(text.substr(start, i - start));
      if (i < text.size() && text[i] == '\n' && column > 0) {
        lines.push_back(current);
        current.clear();
        column = 0;
      }
      start = i + 1;
    }
    if (lines.size() > max_lines) break;
  }
  if (column > 0) lines.push_back(current);
  if (lines.size() > max_lines) {
    more = true;
    lines.resize(max_lines);
  }
  if (more) lines.back() = with_ellipsis(lines.back() + " ", width, ellipsis);
  return lines;
}

std::string fit_line(std::string_view text, std::size_t width, std::string_view ellipsis) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  return with_ellipsis(text, width, ellipsis);
}

std::string to_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.length == 0) {
      out += '?';
      ++i;
      continue;
    }
    switch (d.code) {
      case U'\u00B7':  // middle dot, roll's separator
      case U'\u2013':
      case U'\u2014':
      case U'\u2591':  // light shade: the empty part of a bar
        out += '-';
        break;
      case U'\u2026':
        out += "...";
        break;
      case U'\u2018':
      case U'\u2019':
        out += '\'';
        break;
      case U'\u201C':
      case U'\u201D':
        out += '"';
        break;
      case U'\u2588':  // full block
        out += '#';
        break;
      default:
        if (d.code < 0x80) {
          out += static_cast<char>(d.code);
        } else {
          out += '?';
        }
    }
    i += d.length;
  }
  return out;
}

}  // namespace roll

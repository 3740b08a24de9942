#include "roll/text.hpp"

#include <fmt/core.h>

#include <cstdint>
#include <vector>

#include "char_width.hpp"
#include "roll/utf8.hpp"

namespace roll {

namespace {

// Characters that reorder text on screen (Trojan Source): embeddings, overrides, isolates and
// the invisible direction marks.
bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
         c == 0x200F || c == 0x061C;
}

// One character as the terminal draws it: a base and what joins it (combining marks, variation
// selectors, a skin tone, the second letter of a flag, pictographs joined by ZWJ), and the
// columns it takes. A cut between two of these never splits what the reader sees as one.
struct Cluster {
  std::size_t bytes = 0;
  std::size_t width = 0;
};

Cluster cluster_at(std::string_view s, std::size_t i) {
  utf8::Decoded base = utf8::decode(s, i);
  if (base.length == 0) return {1, 1};  // an invalid byte: one column, as before it is escaped
  std::size_t end = i + base.length;
  bool pictograph = false;
  bool flag_open = false;
  std::size_t width = 1;
  if (base.code >= 0x300) {
    width = static_cast<std::size_t>(detail::char_width(base.code));
    pictograph = detail::is_pictographic(base.code);
    // A regional indicator is a letter of a flag: two of them are one flag, two columns wide,
    // and terminals draw a lone one as wide too.
    flag_open = detail::is_regional_indicator(base.code);
    if (flag_open) width = 2;
  }
  // ASCII never joins the character before it.
  while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) {
    utf8::Decoded next = utf8::decode(s, end);
    if (next.length == 0) break;
    char32_t c = next.code;
    if (flag_open && detail::is_regional_indicator(c)) {
      flag_open = false;
    } else if (c == 0xFE0F) {
      // VS16: the emoji form of a character that is narrow as text (U+2764, the heart).
      if (detail::has_emoji_style(base.code)) width = 2;
    } else if (c == 0x200D) {
      end += next.length;
      if (pictograph && end < s.size()) {
        utf8::Decoded joined = utf8::decode(s, end);
        if (joined.length > 0 && detail::is_pictographic(joined.code)) end += joined.length;
      }
      continue;
    } else if (!(pictograph && detail::is_emoji_modifier(c)) && detail::char_width(c) != 0) {
      break;
    }
    end += next.length;
  }
  return {end - i, width};
}

// The longest start of `text`, in whole characters, no wider than `width` columns.
std::string_view prefix_within(std::string_view text, std::size_t width) {
  std::size_t used = 0, bytes = 0;
  while (bytes < text.size()) {
    Cluster c = cluster_at(text, bytes);
    if (used + c.width > width) break;
    used += c.width;
    bytes += c.bytes;
  }
  return text.substr(0, bytes);
}

}  // namespace

namespace {

std::string sanitize_text(std::string_view text, bool keep_newlines, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    utf8::Decoded d = utf8::decode(text, i);
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
    Cluster c = cluster_at(text, i);
    width += c.width;
    i += c.bytes;
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t width, std::string_view ellipsis) {
  if (display_width(text) <= width) return std::string(text);
  std::size_t ew = display_width(ellipsis);
  if (ew >= width) return std::string(prefix_within(ellipsis, width));
  return std::string(prefix_within(text, width - ew)) + std::string(ellipsis);
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
    // A word longer than the line is cut between characters; one wider than the line alone goes
    // on a line of its own.
    while (column + w > width) {
      std::size_t bytes = prefix_within(word, width).size();
      if (bytes == 0) bytes = cluster_at(word, 0).bytes;
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
    utf8::Decoded d = utf8::decode(text, i);
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

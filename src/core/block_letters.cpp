#include "roll/block_letters.hpp"

#include <algorithm>
#include <array>

namespace roll {

namespace {

// A 3x5 font ('#' is ink); each glyph only as wide as it needs, one dot of space between glyphs.
struct Glyph {
  char c;
  std::array<const char*, 5> rows;
};

constexpr std::array kFont{
    Glyph{'0', {"###", "# #", "# #", "# #", "###"}},
    Glyph{'1', {" # ", "## ", " # ", " # ", "###"}},
    Glyph{'2', {"###", "  #", "###", "#  ", "###"}},
    Glyph{'3', {"###", "  #", "###", "  #", "###"}},
    Glyph{'4', {"# #", "# #", "###", "  #", "  #"}},
    Glyph{'5', {"###", "#  ", "###", "  #", "###"}},
    Glyph{'6', {"###", "#  ", "###", "# #", "###"}},
    Glyph{'7', {"###", "  #", "  #", "  #", "  #"}},
    Glyph{'8', {"###", "# #", "###", "# #", "###"}},
    Glyph{'9', {"###", "# #", "###", "  #", "###"}},
    Glyph{':', {" ", "#", " ", "#", " "}},
    Glyph{' ', {"  ", "  ", "  ", "  ", "  "}},
    Glyph{'A', {"###", "# #", "###", "# #", "# #"}},
    Glyph{'B', {"## ", "# #", "## ", "# #", "## "}},
    Glyph{'C', {"###", "#  ", "#  ", "#  ", "###"}},
    Glyph{'D', {"## ", "# #", "# #", "# #", "## "}},
    Glyph{'E', {"###", "#  ", "## ", "#  ", "###"}},
    Glyph{'F', {"###", "#  ", "## ", "#  ", "#  "}},
    Glyph{'G', {"###", "#  ", "# #", "# #", "###"}},
    Glyph{'H', {"# #", "# #", "###", "# #", "# #"}},
    Glyph{'I', {"###", " # ", " # ", " # ", "###"}},
    Glyph{'J', {"  #", "  #", "  #", "# #", "###"}},
    Glyph{'K', {"# #", "# #", "## ", "# #", "# #"}},
    Glyph{'L', {"#  ", "#  ", "#  ", "#  ", "###"}},
    Glyph{'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
    Glyph{'N', {"#  #", "## #", "# ##", "#  #", "#  #"}},
    Glyph{'O', {"###", "# #", "# #", "# #", "###"}},
    Glyph{'P', {"###", "# #", "###", "#  ", "#  "}},
    Glyph{'Q', {"###", "# #", "# #", "###", "  #"}},
    Glyph{'R', {"## ", "# #", "## ", "# #", "# #"}},
    Glyph{'S', {"###", "#  ", "###", "  #", "###"}},
    Glyph{'T', {"###", " # ", " # ", " # ", " # "}},
    Glyph{'U', {"# #", "# #", "# #", "# #", "###"}},
    Glyph{'V', {"# #", "# #", "# #", "# #", " # "}},
    Glyph{'W', {"#   #", "#   #", "# # #", "## ##", "#   #"}},
    Glyph{'X', {"# #", "# #", " # ", "# #", "# #"}},
    Glyph{'Y', {"# #", "# #", " # ", " # ", " # "}},
    Glyph{'Z', {"###", "  #", " # ", "#  ", "###"}},
    Glyph{'.', {" ", " ", " ", " ", "#"}},
    Glyph{',', {" ", " ", " ", "#", "#"}},
    Glyph{';', {" ", "#", " ", "#", "#"}},
    Glyph{'!', {"#", "#", "#", " ", "#"}},
    Glyph{'?', {"###", "  #", " ##", "   ", " # "}},
    Glyph{'-', {"   ", "   ", "###", "   ", "   "}},
    Glyph{'+', {"   ", " # ", "###", " # ", "   "}},
    Glyph{'=', {"   ", "###", "   ", "###", "   "}},
    Glyph{'/', {"  #", "  #", " # ", "#  ", "#  "}},
    Glyph{'(', {" #", "# ", "# ", "# ", " #"}},
    Glyph{')', {"# ", " #", " #", " #", "# "}},
    Glyph{'\'', {"#", "#", " ", " ", " "}},
    Glyph{'"', {"# #", "# #", "   ", "   ", "   "}},
    Glyph{'%', {"# #", "  #", " # ", "#  ", "# #"}},
    Glyph{'&', {" # ", "# #", " # ", "# #", " ##"}},
};

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

const Glyph* glyph(char c) {
  c = upper(c);
  for (const auto& g : kFont) {
    if (g.c == c) return &g;
  }
  return nullptr;
}

// Width of `text` in dots, one dot of space between glyphs.
std::size_t dots(std::string_view text) {
  std::size_t n = 0;
  bool first = true;
  for (char c : text) {
    const Glyph* g = glyph(c);
    if (!g) continue;
    if (!first) ++n;
    n += std::string_view(g->rows[0]).size();
    first = false;
  }
  return n;
}

// The five rows of dots of `text` ('#' ink, ' ' none).
std::array<std::string, 5> dot_rows(std::string_view text) {
  std::array<std::string, 5> out;
  for (std::size_t r = 0; r < 5; ++r) {
    bool first = true;
    for (char c : text) {
      const Glyph* g = glyph(c);
      if (!g) continue;
      if (!first) out[r] += ' ';
      out[r] += g->rows[r];
      first = false;
    }
  }
  return out;
}

}  // namespace

int letter_rows(int size) {
  return size <= 0 ? 3 : 5 * size;
}

bool drawable_in_letters(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return glyph(c) != nullptr; });
}

std::size_t letters_width(std::string_view text, int size) {
  return dots(text) * (size <= 0 ? 1 : 2 * static_cast<std::size_t>(size));
}

std::vector<std::string> big_letters(std::string_view text, int size, bool utf8) {
  if (size <= 0 && !utf8) size = 1;
  auto rows = dot_rows(text);
  std::vector<std::string> out;
  if (size <= 0) {
    // Two rows of dots a line: the upper one in the top half of the cell, the lower in the bottom.
    for (std::size_t r = 0; r < 5; r += 2) {
      std::string line;
      for (std::size_t x = 0; x < rows[r].size(); ++x) {
        bool top = rows[r][x] == '#';
        bool bottom = r + 1 < 5 && rows[r + 1][x] == '#';
        line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
      }
      out.push_back(line);
    }
    return out;
  }
  auto s = static_cast<std::size_t>(size);
  std::string ink = utf8 ? "█" : "#";
  for (const auto& row : rows) {
    std::string line;
    for (char dot : row) {
      for (std::size_t i = 0; i < 2 * s; ++i) line += dot == '#' ? ink : " ";
    }
    for (std::size_t i = 0; i < s; ++i) out.push_back(line);
  }
  return out;
}

std::vector<std::string> wrap_letters(std::string_view text, std::size_t columns, int size) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
    if (at >= text.size()) break;
    std::size_t end = at;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    std::string_view word = text.substr(at, end - at);
    at = end;
    if (letters_width(word, size) > columns) return {};
    std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && letters_width(joined, size) > columns) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = joined;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace roll

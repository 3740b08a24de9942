#include "load_guard.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>

#include "roll/limits.hpp"
#include "roll/utf8.hpp"

namespace roll::detail {

namespace {

// Line and column of byte `offset` as toml++ counts them (columns are code points, not bytes),
// worked out only for the problem being reported: counting them at every byte of every file was
// a large share of what `roll list` executed.
SourceRange range_at(std::string_view text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
    auto byte = static_cast<unsigned char>(text[k]);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column, line, column + 1};
}

std::optional<InputProblem> check_encoding(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) {
      return InputProblem{range_at(text, i),
                          fmt::format("NUL byte at offset {}: this is not a text file", i),
                          "routine files are UTF-8 text; remove the NUL byte"};
    }
    std::size_t length = utf8::decode(text, i).length;
    if (length == 0) {
      return InputProblem{range_at(text, i),
                          fmt::format("invalid UTF-8 (byte 0x{:02X} at offset {})", byte, i),
                          "save the file as UTF-8"};
    }
    i += length;
  }
  return std::nullopt;
}

// A lexer that knows just enough TOML (comments and the four kinds of string) to count brackets
// and dots that are syntax, not text. Unterminated strings end at the line's end, as the parser
// will say; the guard only has to be safe, not exact.
std::optional<InputProblem> check_structure(std::string_view text) {
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  State state = State::normal;
  int depth = 0;
  std::size_t dots = 0;
  bool in_key = false;
  std::size_t key_start = 0;
  std::size_t i = 0;

  auto starts = [&](std::size_t at, std::string_view s) { return text.substr(at, s.size()) == s; };
  auto reset_key = [&] {
    in_key = false;
    dots = 0;
  };
  auto mark_key = [&] {
    if (!in_key) {
      in_key = true;
      key_start = i;
    }
  };

  auto skip = [&](std::size_t count) { i = std::min(i + count, text.size()); };
  // After a closing triple quote TOML allows one or two more quotes as content.
  auto skip_extra_quotes = [&](char quote) {
    for (int k = 0; k < 2 && i < text.size() && text[i] == quote; ++k) skip(1);
  };

  while (i < text.size()) {
    char c = text[i];
    switch (state) {
      case State::normal:
        if (c == '#') {
          state = State::comment;
          skip(1);
        } else if (c == '"' || c == '\'') {
          mark_key();
          bool triple = starts(i, c == '"' ? "\"\"\"" : "'''");
          state = c == '"' ? (triple ? State::multiline_basic : State::basic)
                           : (triple ? State::multiline_literal : State::literal);
          skip(triple ? 3 : 1);
        } else if (c == '[' || c == '{') {
          reset_key();
          if (++depth > limits::max_nesting_depth) {
            return InputProblem{
                range_at(text, i),
                fmt::format("brackets and braces nest deeper than {} levels",
                            limits::max_nesting_depth),
                "a routine needs at most three levels; flatten the arrays and tables"};
          }
          skip(1);
        } else if (c == ']' || c == '}') {
          reset_key();
          if (depth > 0) --depth;
          skip(1);
        } else if (c == '.') {
          mark_key();
          if (++dots + 1 > limits::max_dotted_key_parts) {
            return InputProblem{
                range_at(text, key_start),
                fmt::format("dotted key with more than {} parts", limits::max_dotted_key_parts),
                "a routine's keys have at most two parts, like `breath.inhale`"};
          }
          skip(1);
        } else if (c == '=' || c == ',' || c == '\n') {
          reset_key();
          skip(1);
        } else {
          if (c != ' ' && c != '\t' && c != '\r') mark_key();
          skip(1);
        }
        break;
      case State::comment:
        if (c == '\n') {
          state = State::normal;
          reset_key();
        }
        skip(1);
        break;
      case State::basic:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          skip(2);
        } else {
          if (c == '"' || c == '\n') state = State::normal;
          if (c == '\n') reset_key();
          skip(1);
        }
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::normal;
        if (c == '\n') reset_key();
        skip(1);
        break;
      case State::multiline_basic:
        if (c == '\\') {
          skip(2);
        } else if (starts(i, "\"\"\"")) {
          skip(3);
          skip_extra_quotes('"');
          state = State::normal;
        } else {
          skip(1);
        }
        break;
      case State::multiline_literal:
        if (starts(i, "'''")) {
          skip(3);
          skip_extra_quotes('\'');
          state = State::normal;
        } else {
          skip(1);
        }
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view without_bom(std::string_view text) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
  return text;
}

std::optional<InputProblem> check_input(std::string_view text) {
  if (text.size() > limits::max_file_bytes) {
    return InputProblem{
        {1, 1, 1, 1},
        fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits::max_file_bytes),
        "a routine is a few kilobytes; is this the right file?"};
  }
  if (auto problem = check_encoding(text)) return problem;
  return check_structure(text);
}

}  // namespace roll::detail

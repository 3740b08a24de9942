#include "json_reader.hpp"

#include <fmt/format.h>

#include <limits>

#include "roll/utf8.hpp"

namespace roll::json {

namespace {

struct ParseError {
  std::string message;
};

// A key as a message names it: quoted, with what is not printable ASCII escaped, so that a key
// decoded from "\n" or an escape sequence never prints as a line or a sequence of its own.
std::string quoted_key(std::string_view key) {
  std::string out = "\"";
  for (char ch : key) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c >= 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

class Parser {
 public:
  Parser(std::string_view text, const Limits& limits) : s_(text), limits_(limits) {}

  Object document() {
    skip_space();
    Object top = object(1);
    skip_space();
    if (pos_ != s_.size()) fail("text after the end of the object");
    return top;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw ParseError{fmt::format("column {}: {}", pos_ + 1, what)};
  }
  [[nodiscard]] bool at_end() const { return pos_ >= s_.size(); }
  [[nodiscard]] char peek() const { return s_[pos_]; }
  void skip_space() {
    // A trailing '\r' is what a CRLF checkout (git on Windows) leaves on every line.
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) ++pos_;
  }
  void expect(char c) {
    skip_space();
    if (at_end() || peek() != c) {
      fail(at_end() ? fmt::format("expected '{}' but the line ends", c)
                    : fmt::format("expected '{}'", c));
    }
    ++pos_;
  }

  Object object(int depth) {
    if (depth > limits_.max_depth) fail("objects nested deeper than roll writes");
    expect('{');
    Object out;
    skip_space();
    if (!at_end() && peek() == '}') {
      ++pos_;
      return out;
    }
    for (;;) {
      skip_space();
      if (at_end() || peek() != '"') fail("expected a \"key\"");
      Member m;
      m.key = string();
      for (const auto& other : out)
        if (other.key == m.key) fail(fmt::format("the key {} appears twice", quoted_key(m.key)));
      expect(':');
      skip_space();
      if (at_end()) fail("expected a value but the line ends");
      if (peek() == '{') {
        m.is_object = true;
        m.object = object(depth + 1);
      } else {
        m.value = scalar();
      }
      out.push_back(std::move(m));
      if (out.size() > limits_.max_members) fail("more members in one object than roll writes");
      skip_space();
      if (at_end()) fail("expected ',' or '}' but the line ends");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return out;
      }
      fail("expected ',' or '}'");
    }
  }

  Scalar scalar() {
    char c = peek();
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (auto [word, value] :
         {std::pair<std::string_view, int>{"true", 1}, {"false", 0}, {"null", -1}}) {
      if (s_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        if (value < 0) return std::monostate{};
        return value == 1;
      }
    }
    if (c == '[') fail("arrays are not part of roll's records");
    fail("expected a string, a whole number, true, false or null");
  }

  std::int64_t number() {
    bool negative = peek() == '-';
    if (negative) ++pos_;
    if (at_end() || peek() < '0' || peek() > '9') fail("expected a digit");
    if (peek() == '0' && pos_ + 1 < s_.size() && s_[pos_ + 1] >= '0' && s_[pos_ + 1] <= '9')
      fail("a number with a leading zero");
    // Accumulated as a negative number: its range reaches one further than the positive one.
    std::int64_t value = 0;
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      int digit = peek() - '0';
      if (value < (kMin + digit) / 10) fail("a number outside the 64-bit range");
      value = value * 10 - digit;
      ++pos_;
    }
    if (!at_end() && (peek() == '.' || peek() == 'e' || peek() == 'E'))
      fail("a fraction or an exponent (roll writes whole numbers only)");
    if (!negative) {
      if (value == kMin) fail("a number outside the 64-bit range");
      value = -value;
    }
    return value;
  }

  std::uint32_t hex4() {
    if (pos_ + 4 > s_.size()) fail("a \\u escape cut short");
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        --pos_;
        fail("a \\u escape needs four hex digits");
      }
    }
    return v;
  }

  std::string string() {
    ++pos_;  // the opening quote
    std::string out;
    for (;;) {
      if (at_end()) fail("a string that does not end");
      auto c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) fail("a control character inside a string (JSON needs it escaped)");
      if (c == '\\') {
        ++pos_;
        if (at_end()) fail("a string that does not end");
        char e = s_[pos_++];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            std::uint32_t cp = hex4();
            if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate in a \\u escape");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              if (s_.substr(pos_, 2) != "\\u") fail("a high surrogate without its low half");
              pos_ += 2;
              std::uint32_t low = hex4();
              if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low half");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            utf8::append(out, static_cast<char32_t>(cp));
            break;
          }
          default:
            --pos_;
            fail(fmt::format("an unknown escape \\{}", e));
        }
        continue;
      }
      std::size_t n = utf8::decode(s_, pos_).length;
      if (n == 0) fail("bytes that are not UTF-8");
      out.append(s_.substr(pos_, n));
      pos_ += n;
    }
  }

  std::string_view s_;
  Limits limits_;
  std::size_t pos_ = 0;
};

}  // namespace

Parsed parse_object(std::string_view text, const Limits& limits) {
  try {
    return {Parser(text, limits).document(), {}};
  } catch (const ParseError& e) {
    return {std::nullopt, e.message};
  }
}

const Member* find(const Object& o, std::string_view key) {
  for (const auto& m : o)
    if (m.key == key) return &m;
  return nullptr;
}

}  // namespace roll::json

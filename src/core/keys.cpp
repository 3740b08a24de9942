#include "roll/keys.hpp"

namespace roll {

namespace {

constexpr unsigned char kEsc = 0x1b;
constexpr unsigned char kBel = 0x07;

bool is_key(unsigned char c) {
  return (c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n' || c == '\t';
}

}  // namespace

std::optional<KeyDecoder::Millis> KeyDecoder::deadline() const {
  switch (state_) {
    case State::ground:
      return std::nullopt;
    case State::escape:
      return last_ + lone_escape_wait;
    default:
      return last_ + partial_wait;
  }
}

std::string KeyDecoder::expire(Millis now) {
  std::string out;
  auto due = deadline();
  if (!due || now < *due) return out;
  // A lone ESC is the Escape key; half a sequence is nothing.
  if (state_ == State::escape) out.push_back(static_cast<char>(kEsc));
  state_ = State::ground;
  return out;
}

std::string KeyDecoder::feed(std::string_view bytes, Millis now) {
  std::string out = expire(now);
  if (bytes.empty()) return out;
  for (char c : bytes) byte(static_cast<unsigned char>(c), out);
  if (state_ != State::ground) last_ = now;
  return out;
}

void KeyDecoder::byte(unsigned char c, std::string& out) {
  switch (state_) {
    case State::ground:
      if (c == kEsc) {
        state_ = State::escape;
      } else if (is_key(c)) {
        out.push_back(static_cast<char>(c));
      }
      return;
    case State::escape:
      if (c == '[') {
        state_ = State::csi;
      } else if (c == 'O') {
        state_ = State::ss3;
      } else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
        state_ = State::string;  // OSC, DCS, APC, PM, SOS: up to BEL or ESC backslash
      } else if (c == kEsc) {
        out.push_back(static_cast<char>(kEsc));  // the first of two was pressed on its own
      } else if (c >= 0x20 && c < 0x7f) {
        state_ = State::ground;  // Alt+key: one key that means nothing here
      } else {
        state_ = State::ground;  // ESC then a control: both keys on their own
        out.push_back(static_cast<char>(kEsc));
        byte(c, out);
      }
      return;
    case State::csi:
      if (c >= 0x40 && c <= 0x7e) {
        state_ = State::ground;  // the final byte
      } else if (c < 0x20 || c >= 0x7f) {
        state_ = State::ground;  // not a sequence after all: the byte is read on its own
        byte(c, out);
      }
      return;  // parameter and intermediate bytes (0x20..0x3f) go on
    case State::ss3:
      state_ = State::ground;
      if (c < 0x20 || c >= 0x7f) byte(c, out);
      return;
    case State::string:
      if (c == kBel) {
        state_ = State::ground;
      } else if (c == kEsc) {
        state_ = State::string_escape;
      }
      return;
    case State::string_escape:
      // ESC backslash ends the string; any other ESC x starts over as a new sequence.
      if (c == '\\') {
        state_ = State::ground;
      } else {
        state_ = State::escape;
        byte(c, out);
      }
      return;
  }
}

}  // namespace roll

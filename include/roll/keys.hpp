#pragma once
// Bytes from the terminal to keys, across reads. A function key or an arrow is one escape
// sequence (F5 is ESC [ 1 5 ~) that a terminal, ssh or a slow pipe may deliver in pieces; its
// digits must never be read as pressure keys. Pure: the caller says when bytes arrived, so the
// lone-ESC timeout is tested without a clock.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace roll {

// Ten, on a scale of 0 or 1 to 10, is typed as a person writes it: 1 then 0. A 1 with a 0 this
// soon after it is a 10 (roll's own reading of "at once": two keys in a row, not two answers).
// The session's pressure keys also take 0 alone for 10 (a pressure of 0 is no reading), and the
// 0-10 questions before and after a session `t`, as they always have.
inline constexpr std::chrono::milliseconds kTenKeysWithin{1500};

class KeyDecoder {
 public:
  using Millis = std::chrono::milliseconds;

  // An ESC with nothing after it for this long is the Escape key itself. roll's own reading:
  // terminals send a whole sequence in one write, so 100 ms is ample for one split by ssh, and
  // short enough that Escape answers a question at once.
  static constexpr Millis lone_escape_wait{100};
  // A sequence begun but not ended (ESC [ 1 and then silence) is dropped after this long, so a
  // stray ESC [ cannot swallow the keys typed a minute later.
  static constexpr Millis partial_wait{1000};

  // The keys complete once `bytes` arrived at `now`: printable ASCII, '\r', '\n', '\t' and ESC
  // ('\x1b' for a lone Escape). Escape sequences (function keys, arrows, Alt+key, terminal
  // replies), other control bytes and non-ASCII bytes yield no key at all.
  [[nodiscard]] std::string feed(std::string_view bytes, Millis now);
  // Keys completed by the passage of time alone: a lone ESC whose wait is over.
  [[nodiscard]] std::string expire(Millis now);
  // When expire() next has something to do; none when nothing is pending.
  [[nodiscard]] std::optional<Millis> deadline() const;
  // Inside an escape sequence (or after a lone ESC) still waiting for its next byte.
  [[nodiscard]] bool pending() const { return state_ != State::ground; }

 private:
  enum class State { ground, escape, csi, ss3, string, string_escape };
  void byte(unsigned char c, std::string& out);

  State state_ = State::ground;
  Millis last_{0};  // when the pending sequence last grew; no bytes are kept, so none can pile up
};

}  // namespace roll

#pragma once
// How a guided session runs: `roll session`'s options (declare_session binds them), and what
// `roll suggest --start` sets for the routine it has just written.
#include <optional>
#include <string>

namespace roll::cli {

struct SessionOptions {
  std::string routine;
  double speed = 1.0;
  bool plain = false;
  bool events = false;
  bool quiet = false;
  bool voice = false;
  std::string voice_command;  // empty: the profile's `speech`, else espeak-ng
  std::string ready;          // "timer", "key", or empty: the profile's `first_ready`, short later
  bool yes = false;
  bool no_log = false;
  bool log_rehearsal = false;
  std::optional<int> before;  // "how does your back feel?", 0 (as bad as it gets) to 10 (fine)
  std::optional<int> after;
  std::optional<int> pain_before;  // pain, 0 (none) to 10 (the worst imaginable)
  std::optional<int> pain_after;
};

}  // namespace roll::cli

#pragma once
// What the pre-flight (preflight.hpp) and the daily check-in said that must be read before a
// session's first second.
#include <string>
#include <vector>

namespace roll::cli {

// Lint warnings, the profile's cautions, what the injury log and the check-in recorded or
// cleared, in order. `unread` is cleared when the person answered a question after the last of
// them.
struct Notices {
  std::vector<std::string> lines;
  bool unread = false;
  void add(std::string line) {
    lines.push_back(std::move(line));
    unread = true;
  }
};

}  // namespace roll::cli

#pragma once
// What a cue tells the person on the floor to do between spots, read from its words: the tests
// hold every bundled and composed cue to the `move` its step declares.
#include <regex>
#include <set>
#include <string>
#include <string_view>

namespace roll::test {

// The directions a cue moves the roller in between spots: "move the roller up one inch", "move it
// down an inch", "Move the ball an inch across the muscle" name up, down and across.
inline std::set<std::string> moves_named(std::string_view cue) {
  static const std::regex move(
      R"(\bmove (?:the (?:roller|ball|peanut) |it )?(?:(?:about |one |an )?inch(?:es)? )?(up|down|across)\b)",
      std::regex::icase);
  std::set<std::string> out;
  std::string text(cue);
  for (std::sregex_iterator it(text.begin(), text.end(), move), end; it != end; ++it) {
    std::string word = (*it)[1];
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    out.insert(word);
  }
  return out;
}

}  // namespace roll::test

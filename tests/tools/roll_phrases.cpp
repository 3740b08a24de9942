// Test-only: every phrase the voice says in a whole run of each routine given, one a line, each
// once, for tests/tools/measure_phrases.sh to measure with espeak-ng (the voice timing test in
// tests/unit/voice_tests.cpp reads the lengths it writes).
//
//   roll_phrases ROUTINE.toml...
#include <fmt/core.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "roll/load.hpp"
#include "roll/runner.hpp"
#include "roll/voice.hpp"
#include "session_fakes.hpp"

using namespace roll;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: roll_phrases ROUTINE.toml...\n");
    return 2;
  }
  std::set<std::string> phrases;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto loaded = load_routine(text, argv[i]);
    if (!loaded.routine) {
      fmt::print(stderr, "roll_phrases: {} does not load\n", argv[i]);
      return 1;
    }
    const Routine& routine = *loaded.routine;
    NullSessionLog log;
    Session session(routine, make_plan(routine), log);
    test::FakeClock clock;
    test::ScriptedKeys keys(clock);
    test::RecordingScreen screen;
    run_session(session, clock, keys, screen);
    for (const auto& phrase : phrases_for(routine, screen.events)) phrases.insert(phrase.text);
  }
  for (const auto& text : phrases) fmt::print("{}\n", text);
  return 0;
}

// The voice: what is said at which routine time (a fake speaker on the fake clock), that speech
// never waits, and that the words never become options of the speech program (issue 17).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "bundled_routines.hpp"
#include "fixtures.hpp"
#include "platform/screens.hpp"
#include "platform/voice_screen.hpp"
#include "roll/runner.hpp"
#include "roll/session_wording.hpp"
#include "roll/voice.hpp"
#include "session_fakes.hpp"
#include "skip.hpp"

using namespace roll;
using namespace std::chrono_literals;
using roll::test::FakeClock;
using roll::test::RecordingLog;
using roll::test::RecordingScreen;
using roll::test::ScriptedKeys;

using roll::test::slurp;

namespace {

// Says nothing; records what would be said, at which routine time and clock time, and stays
// busy as long as espeak-ng at its default rate would (about 15 characters a second).
class FakeSpeaker final : public platform::Speaker {
 public:
  explicit FakeSpeaker(const FakeClock& clock) : clock_(clock) {}
  bool speaking() override { return clock_.now() < busy_until_; }
  void say(const Phrase& phrase) override {
    // Never two at once: the screen must have cut the last one first.
    CHECK_FALSE(speaking());
    said.push_back({phrase.text, phrase.at, clock_.now()});
    busy_until_ = clock_.now() + Millis{static_cast<Millis::rep>(phrase.text.size()) * 65};
  }
  void stop() override {
    ++cuts;
    busy_until_ = clock_.now();
  }

  struct Said {
    std::string text;
    Millis at;
    Millis clock;
  };
  std::vector<Said> said;
  int cuts = 0;

  [[nodiscard]] int count(const std::string& part) const {
    return static_cast<int>(std::count_if(said.begin(), said.end(), [&](const Said& s) {
      return s.text.find(part) != std::string::npos;
    }));
  }
  [[nodiscard]] int exactly(const std::string& text) const {
    return static_cast<int>(
        std::count_if(said.begin(), said.end(), [&](const Said& s) { return s.text == text; }));
  }
  [[nodiscard]] const Said* find(const std::string& part) const {
    for (const auto& s : said) {
      if (s.text.find(part) != std::string::npos) return &s;
    }
    return nullptr;
  }

 private:
  const FakeClock& clock_;
  Millis busy_until_{0};
};

// sample_routine() (tests/support/session_fakes.hpp), with a cue on its first step.
Routine sample() {
  Routine r = roll::test::sample_routine();
  r.steps[0].cue = "Support your head.";
  return r;
}

struct VoiceRig {
  Routine routine = sample();
  RecordingLog log;
  Session session{routine, make_plan(routine), log};
  FakeClock clock;
  ScriptedKeys keys{clock};
  RecordingScreen inner;
  FakeSpeaker speaker{clock};
  platform::VoiceScreen voice{inner, routine, speaker};
  RunResult run() { return run_session(session, clock, keys, voice); }
};

}  // namespace

TEST_CASE("the voice says the step, side, position and cue at the get-ready, the cue once") {
  VoiceRig rig;
  rig.run();
  auto& sp = rig.speaker;
  REQUIRE_FALSE(sp.said.empty());
  CHECK(sp.said[0].text == "Step 1 of 3: Extension, position 1 of 2. Support your head.");
  CHECK(sp.said[0].at == 0s);
  CHECK(sp.count("Support your head.") == 1);
  const auto* move = sp.find("Move the roller up an inch: position 2 of 2.");
  REQUIRE(move);
  CHECK(move->at == 25s);
  const auto* next = sp.find("Step 2 of 3: Lat roll, left side.");
  REQUIRE(next);
  CHECK(next->at == 48s);
  const auto* sides = sp.find("Switch sides: right side.");
  REQUIRE(sides);
  CHECK(sides->at == 65s);
  const auto* begin = sp.find("Begin. Move slowly.");
  REQUIRE(begin);
  CHECK(begin->at == 85s);
}

TEST_CASE("the voice paces every breath and counts down the last three seconds") {
  VoiceRig rig;
  rig.run();
  auto& sp = rig.speaker;
  // The cue (about 4 s of speech) takes the first inhale's turn; the breaths after it are said.
  std::vector<Millis> out_at, in_at;
  for (const auto& s : sp.said) {
    if (s.text == "Breathe out.") out_at.push_back(s.at);
    if (s.text == "Breathe in.") in_at.push_back(s.at);
  }
  CHECK(out_at == std::vector<Millis>{9s, 19s, 32s, 42s});
  CHECK(in_at == std::vector<Millis>{5s, 15s, 28s, 38s});
  // Three ticks at the end of each of the five work blocks, but where a rep turns at the same
  // moment: the lat roll's last rep turns back 2 s before the end, and a rep call outranks the
  // countdown (issue 31's order; the countdown was said over it before).
  CHECK(sp.exactly("three") == 5);
  CHECK(sp.exactly("two") == 3);
  CHECK(sp.exactly("one") == 5);
  const auto* three = sp.find("three");
  REQUIRE(three);
  CHECK(three->at == 22s);
  // The lat roll starts in the armpit: down the side first, then back, never up into it.
  CHECK(sp.exactly("Down.") == 6);
  CHECK(sp.exactly("Back.") == 6);
  CHECK(sp.exactly("Up.") == 0);
}

TEST_CASE("speech never waits: each phrase is said at its event's time, or cut, or dropped") {
  VoiceRig rig;
  rig.routine.steps[0].cue = std::string(400, 'a');  // 29 s of speech: past the whole first hold
  rig.run();
  auto& sp = rig.speaker;
  for (const auto& s : sp.said) {
    CAPTURE(s.text);
    CHECK(s.clock == s.at);  // no pause in this run: clock and routine time agree
  }
  // Without waiting for it (no --voice in the session's options), the tail of the cue gives way
  // to the first breath prompt of the hold (issue 31: the breaths were dropped under the cue
  // before), and every breath after it is said on time.
  REQUIRE(sp.said.size() > 2);
  CHECK(sp.said[0].text.ends_with("aaaa"));
  CHECK(sp.said[1].text == "Breathe in.");
  CHECK(sp.said[1].at == 5s);
  CHECK(sp.cuts >= 1);
  CHECK(sp.exactly("Breathe in.") == 4);
  CHECK(sp.exactly("Breathe out.") == 4);
  CHECK(sp.find("Move the roller up an inch: position 2 of 2.")->at == 25s);
}

TEST_CASE(
    "--voice: the get-ready waits for its words, at most 20 s, so the hold starts with a breath") {
  VoiceRig rig;
  rig.routine.steps[0].cue = std::string(100, 'a');  // about 9 s of speech in a 5 s get-ready
  SessionOptions options;
  options.speech_wait = 20s;
  Session session(rig.routine, make_plan(rig.routine), rig.log, options);
  run_session(session, rig.clock, rig.keys, rig.voice);
  auto& sp = rig.speaker;
  REQUIRE(sp.said.size() > 2);
  const auto& cue = sp.said[0];
  CHECK(cue.text.ends_with("aaaa"));
  CHECK(sp.cuts == 0);  // nothing cut it
  // The first breath prompt comes once the cue is done (its length, then at most one poll of
  // 100 ms), not at 5 s; and the routine clock stood meanwhile.
  const auto* first = sp.find("Breathe in.");
  REQUIRE(first);
  Millis spoken{static_cast<Millis::rep>(cue.text.size()) * 65};
  CHECK(first->clock >= spoken);
  CHECK(first->clock <= spoken + 100ms);
  CHECK(first->at == 5s);
  // Every breath prompt of the routine is said.
  CHECK(sp.exactly("Breathe in.") == 4);
  CHECK(sp.exactly("Breathe out.") == 4);

  // A cue longer than the wait allows: the hold starts when the get-ready has lasted 20 s in all,
  // and its first breath prompt cuts what is left of the cue.
  VoiceRig slow;
  slow.routine.steps[0].cue = std::string(600, 'a');  // about 40 s of speech
  Session capped(slow.routine, make_plan(slow.routine), slow.log, options);
  run_session(capped, slow.clock, slow.keys, slow.voice);
  const auto* late = slow.speaker.find("Breathe in.");
  REQUIRE(late);
  CHECK(late->clock >= 20s);
  CHECK(late->clock <= 20s + 100ms);
  CHECK(slow.speaker.cuts >= 1);
}

TEST_CASE("pause, resume, ease off and the end with the after-care are said, cutting in") {
  VoiceRig rig;
  rig.keys.key(30s, ' ').key(40s, ' ').key(45s, '9');
  rig.run();
  auto& sp = rig.speaker;
  const auto* paused = sp.find("Paused.");
  REQUIRE(paused);
  CHECK(paused->at == 30s);
  const auto* resumed = sp.find("Resumed.");
  REQUIRE(resumed);
  CHECK(resumed->clock == 40s);
  CHECK(sp.find("Ease off. Aim for a six or seven out of ten."));
  const auto& last = sp.said.back();
  CHECK(last.text.starts_with("Well done. Move right away"));
  CHECK(last.text.find("fascia is mostly water") != std::string::npos);
  CHECK(last.at == 115s);
}

TEST_CASE("a pain stop is answered with the articles' advice, spoken") {
  VoiceRig rig;
  rig.keys.key(12s, '!');
  rig.run();
  CHECK(rig.speaker.said.back().text.starts_with("Stop. Come off the roller slowly"));
}

TEST_CASE("+, - and --ready key are spoken too") {
  SessionOptions options;
  options.ready_key = true;
  Routine routine = sample();
  RecordingLog log;
  Session session(routine, make_plan(routine), log, options);
  FakeClock clock;
  ScriptedKeys keys(clock);
  keys.key(1s, '\r').key(12s, '+').key(20s, '!');
  RecordingScreen inner;
  FakeSpeaker speaker(clock);
  platform::VoiceScreen voice(inner, routine, speaker);
  run_session(session, clock, keys, voice);
  REQUIRE_FALSE(speaker.said.empty());
  CHECK(speaker.said[0].text.ends_with(
      "Support your head. Press space or Enter when you are ready."));
  CHECK(speaker.find("Fifteen seconds more."));
}

TEST_CASE("a more urgent phrase cuts, a less urgent one is dropped, none waits") {
  auto phrase = [](Urgency urgency, bool starts_block = false) {
    return Phrase{"words", urgency, 0ms, starts_block};
  };
  CHECK(take_turn(false, Urgency::safety, phrase(Urgency::cue)) == Turn::speak);
  // Within a hold, least urgent first: the tail of a cue, the countdown, a rep call, the
  // controls (pause, resume), a breath prompt, a safety notice.
  const std::vector<Urgency> order{Urgency::cue,     Urgency::countdown, Urgency::rep,
                                   Urgency::control, Urgency::breath,    Urgency::safety};
  for (std::size_t now = 0; now < order.size(); ++now) {
    for (std::size_t next = 0; next < order.size(); ++next) {
      CAPTURE(now);
      CAPTURE(next);
      CHECK(take_turn(true, order[now], phrase(order[next])) ==
            (next >= now ? Turn::cut_and_speak : Turn::drop));
    }
  }
  // A get-ready's words start a new block: whatever is left of the one before is stale.
  CHECK(take_turn(true, Urgency::safety, phrase(Urgency::cue, true)) == Turn::cut_and_speak);
}

TEST_CASE("phrases are one line of sanitized text") {
  Routine r = sample();
  r.steps[0].name = "Ext\x1b[2Jension";
  r.steps[0].cue = "Line one\nline two\x07";
  NullSessionLog none;
  Session s(r, make_plan(r), none);
  auto phrases = phrases_for(r, s.start(0ms));
  REQUIRE(phrases.size() == 1);
  for (unsigned char c : phrases[0].text) CHECK(c >= 0x20);
  CHECK(phrases[0].text.find("Line one line two") != std::string::npos);
}

namespace {

// How long espeak-ng at -s 140 takes to say each phrase of the bundled routines, measured once
// (tests/tools/measure_phrases.sh writes the table: the length of the WAV it makes, by sox).
std::map<std::string, Millis> espeak_lengths() {
  std::map<std::string, Millis> out;
  std::istringstream in(
      test::slurp(std::filesystem::path(ROLL_SOURCE_DIR) / "tests/data/espeak-ng-phrases.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    out[line.substr(tab + 1)] = Millis{std::stol(line.substr(0, tab))};
  }
  return out;
}

// Busy as long as espeak-ng is for each phrase; a phrase the table lacks (a routine's words
// changed since it was measured) takes the table's slowest pace a character, and is counted.
class MeasuredSpeaker final : public platform::Speaker {
 public:
  MeasuredSpeaker(const FakeClock& clock, const std::map<std::string, Millis>& lengths)
      : clock_(clock), lengths_(lengths) {
    for (const auto& [text, length] : lengths_) {
      slowest_ = std::max(slowest_, static_cast<double>(length.count()) /
                                        static_cast<double>(std::max<std::size_t>(text.size(), 1)));
    }
  }
  bool speaking() override { return clock_.now() < busy_until_; }
  void say(const Phrase& phrase) override {
    CHECK_FALSE(speaking());
    said.push_back({phrase.text, phrase.at, clock_.now()});
    auto found = lengths_.find(phrase.text);
    Millis length{0};
    if (found != lengths_.end()) {
      length = found->second;
    } else {
      unmeasured.push_back(phrase.text);
      length = Millis{static_cast<Millis::rep>(slowest_ * static_cast<double>(phrase.text.size()))};
    }
    longest = std::max(longest, length);
    busy_until_ = clock_.now() + length;
  }
  void stop() override {
    cut.push_back(said.empty() ? "" : said.back().text);
    busy_until_ = clock_.now();
  }

  struct Said {
    std::string text;
    Millis at;
    Millis clock;
  };
  std::vector<Said> said;
  std::vector<std::string> cut;
  std::vector<std::string> unmeasured;
  Millis longest{0};

 private:
  const FakeClock& clock_;
  const std::map<std::string, Millis>& lengths_;
  double slowest_ = 0;
  Millis busy_until_{0};
};

bool is_breath(const Event& e) {
  return e.kind == EventKind::phase && (e.phase == Phase::inhale || e.phase == Phase::exhale ||
                                        e.phase == Phase::hold_in || e.phase == Phase::hold_out);
}

}  // namespace

// Issue 31: with espeak-ng at -s 140, bedtime's first cue swallowed the first breath's prompts,
// "Move the roller up an inch: position N of 4" the first "Breathe in" of every position, and the
// snow angels' cue their first four calls. Now each get-ready waits for its words, and within a
// hold a breath prompt outranks everything but a safety notice.
TEST_CASE("no breath prompt or rep call of a bundled routine is dropped, at espeak-ng's pace") {
  auto lengths = espeak_lengths();
  REQUIRE(lengths.size() > 30);
  REQUIRE(lengths.count("Breathe in.") == 1);
  for (const Routine& routine : test::bundled_routines()) {
    CAPTURE(routine.name);
    SessionOptions options;
    options.speech_wait = kSpeechWait;
    RecordingLog log;
    Session session(routine, make_plan(routine), log, options);
    FakeClock clock;
    ScriptedKeys keys(clock);
    RecordingScreen inner;
    MeasuredSpeaker speaker(clock, lengths);
    platform::VoiceScreen voice(inner, routine, speaker);
    run_session(session, clock, keys, voice);
    REQUIRE(session.status() == SessionStatus::completed);
    CHECK(keys.stalls == 0);
    // Every breath prompt, rep call and turn of the routine is said at its moment.
    std::multimap<Millis, std::string> said;
    for (const auto& s : speaker.said) said.emplace(s.at, s.text);
    int breaths = 0, reps = 0, turns = 0, turns_said = 0;
    for (const auto& e : inner.events) {
      bool breath = is_breath(e);
      if (!breath && e.kind != EventKind::rep && e.kind != EventKind::turn) continue;
      const Step* step = &routine.steps[e.step];
      std::string want = breath ? (e.phase == Phase::inhale   ? "Breathe in."
                                   : e.phase == Phase::exhale ? "Breathe out."
                                                              : "Hold.")
                                : rep_said(e.phase, step);
      auto [lo, hi] = said.equal_range(e.at);
      bool found = std::any_of(lo, hi, [&](const auto& p) { return p.second == want; });
      CAPTURE(e.at.count());
      CAPTURE(want);
      if (e.kind == EventKind::turn) {
        // A roll timed in seconds breathes too: a turn gives way to a breath prompt said with it
        // or still being said (about a second), never to anything less urgent.
        ++turns;
        turns_said += found ? 1 : 0;
        if (!found) {
          bool breath_then = std::any_of(speaker.said.begin(), speaker.said.end(), [&](auto& s) {
            return s.text.starts_with("Breathe") && s.at <= e.at && e.at - s.at < 1100ms;
          });
          CHECK(breath_then);
        }
        continue;
      }
      (breath ? breaths : reps)++;
      CHECK(found);
    }
    // Never behind the clock: each phrase said at the clock time its event fell due.
    for (const auto& s : speaker.said) {
      CAPTURE(s.text);
      bool on_time = std::any_of(inner.events.begin(), inner.events.end(),
                                 [&](const Event& e) { return e.at == s.at && e.due == s.clock; });
      CHECK(on_time);
    }
    // A get-ready's words are never cut by the hold after it (only by the cap, which no bundled
    // routine's words reach at this pace).
    for (const auto& text : speaker.cut) CHECK_FALSE(text.starts_with("Step "));
    MESSAGE(routine.name << ": " << breaths << " breath prompts and " << reps
                         << " rep calls, all said; " << turns_said << " of " << turns
                         << " turns said, the rest under a breath prompt; longest phrase "
                         << speaker.longest.count() << " ms");
    if (!speaker.unmeasured.empty()) {
      WARN_MESSAGE(false, routine.name << ": " << speaker.unmeasured.size()
                                       << " phrase(s) not in tests/data/espeak-ng-phrases.tsv, "
                                          "timed at the table's slowest pace; run "
                                          "tests/tools/measure_phrases.sh");
    }
  }
}

// ---- the real speech program ----

namespace {

struct Scratch {
  Scratch() {
    char tmpl[] = "/tmp/roll-voice-XXXXXX";
    REQUIRE(::mkdtemp(tmpl));
    dir = tmpl;
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::filesystem::path dir;
};

bool on_path(const char* program) {
  std::string command = std::string("command -v ") + program + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

Phrase phrase(std::string text) {
  return Phrase{std::move(text), Urgency::cue, 0ms};
}

}  // namespace

TEST_CASE("the words go on standard input, never among the arguments (issue 17, item 1)") {
  using platform::ProcessSpeaker;
  const std::string evil = "--phonout=/home/u/notes.txt";
  CHECK(ProcessSpeaker({"espeak-ng", "-v", "en"}).command_for(evil) ==
        std::vector<std::string>{"espeak-ng", "-v", "en", "--stdin"});
  CHECK(ProcessSpeaker({"/usr/bin/espeak"}).command_for(evil) ==
        std::vector<std::string>{"/usr/bin/espeak", "--stdin"});
  CHECK(ProcessSpeaker({"say", "-v", "Alex"}).command_for(evil) ==
        std::vector<std::string>{"say", "-v", "Alex"});
  // spd-say does not read its input; its getopt_long stops at "--".
  CHECK(ProcessSpeaker({"spd-say", "-r", "-20"}).command_for(evil) ==
        std::vector<std::string>{"spd-say", "-r", "-20", "--", evil});
  CHECK(ProcessSpeaker({"my-tts"}).command_for(evil) == std::vector<std::string>{"my-tts"});
}

TEST_CASE("a step named like an option reaches a recording speech program as its input only") {
  Scratch scratch;
  auto script = scratch.dir / "fake-tts";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args\"\ncat > \"$(dirname "
           "\"$0\")/input\"\n";
  }
  ::chmod(script.c_str(), 0755);
  platform::ProcessSpeaker speaker({script.string(), "--rate", "150"});
  REQUIRE(speaker.available());
  speaker.say(phrase("--phonout=/home/u/notes.txt"));
  speaker.wait();
  CHECK(slurp(scratch.dir / "args") == "--rate\n150\n");
  CHECK(slurp(scratch.dir / "input") == "--phonout=/home/u/notes.txt\n");
}

TEST_CASE("real espeak-ng: a step named --phonout=FILE leaves that file untouched") {
  ROLL_SKIP_UNLESS(on_path("espeak-ng"), "espeak-ng is not installed");
  Scratch scratch;
  auto planted = scratch.dir / "notes.txt";
  { std::ofstream(planted) << "my notes\n"; }
  auto wav = scratch.dir / "out.wav";
  platform::ProcessSpeaker speaker({"espeak-ng", "-w", wav.string()});
  speaker.say(phrase("--phonout=" + planted.string()));
  speaker.wait();
  CHECK(slurp(planted) == "my notes\n");
  CHECK(std::filesystem::exists(wav));
}

TEST_CASE("real espeak-ng writes a WAV of speech: its length and loudness measured with sox") {
  ROLL_SKIP_UNLESS(on_path("espeak-ng") && on_path("sox"), "espeak-ng or sox is not installed");
  Scratch scratch;
  auto wav = scratch.dir / "cue.wav";
  platform::ProcessSpeaker speaker({"espeak-ng", "-w", wav.string(), "-s", "175"});
  speaker.say(phrase("Step 1 of 3: Thoracic extension. Support your head. Breathe in."));
  speaker.wait();
  REQUIRE(std::filesystem::exists(wav));
  std::string command = "sox '" + wav.string() + "' -n stat 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string stat;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe)) stat += buffer;
  ::pclose(pipe);
  std::smatch m;
  REQUIRE(std::regex_search(stat, m, std::regex(R"(Length \(seconds\):\s+([0-9.]+))")));
  double length = std::stod(m[1]);
  REQUIRE(std::regex_search(stat, m, std::regex(R"(RMS\s+amplitude:\s+([0-9.]+))")));
  double rms = std::stod(m[1]);
  REQUIRE(std::regex_search(stat, m, std::regex(R"(Maximum amplitude:\s+([0-9.]+))")));
  double peak = std::stod(m[1]);
  MESSAGE("espeak-ng WAV: " << length << " s, RMS " << rms << ", peak " << peak);
  // About 60 characters at 175 words a minute: three to six seconds, and clearly not silence.
  CHECK(length > 2.0);
  CHECK(length < 10.0);
  CHECK(rms > 0.01);
  CHECK(peak > 0.1);
}

TEST_CASE("the first phrase shows a speech program that cannot speak: status, error output, time") {
  Scratch scratch;
  auto program = [&](const std::string& name, const std::string& body) {
    auto path = scratch.dir / name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
    return path.string();
  };
  auto check = [](const std::string& path, Millis limit = 5000ms) {
    platform::ProcessSpeaker speaker({path});
    REQUIRE(speaker.available());
    return speaker.check(phrase("Thoracic release."), limit);
  };
  CHECK(check(program("speaks", "cat >/dev/null")) == "");
  CHECK(check(program("fails", "cat >/dev/null; exit 3")) == "exited with status 3");
  // espeak-ng without a sound device: status 0, ALSA's complaints on its error output.
  CHECK(check(program("alsa",
                      "cat >/dev/null; echo >&2; echo 'ALSA lib pcm.c:8570:(snd_pcm_open) "
                      "Unknown PCM default' >&2")) ==
        "wrote to its error output: ALSA lib pcm.c:8570:(snd_pcm_open) Unknown PCM default");
  CHECK(check(program("both", "echo 'no voice \x1b[31mhere' >&2; exit 1")) ==
        "exited with status 1 (no voice \\x1b[31mhere)");
  CHECK(check(program("hangs", "exec sleep 30"), 300ms) ==
        "did not finish its first phrase within 0.3 s");
  // What it reads is the phrase, as ever: on its input.
  auto heard = scratch.dir / "heard";
  CHECK(check(program("records", "cat > '" + heard.string() + "'")) == "");
  CHECK(slurp(heard) == "Thoracic release.\n");
  platform::ProcessSpeaker missing({"/nonexistent/speak"});
  CHECK_FALSE(missing.available());
  CHECK(missing.check(phrase("x"), 1000ms) == "was not found");
}

TEST_CASE("real espeak-ng: its first phrase either speaks or says why it cannot") {
  ROLL_SKIP_UNLESS(on_path("espeak-ng"), "espeak-ng is not installed");
  platform::ProcessSpeaker speaker({"espeak-ng", "-s", "400"});
  std::string problem = speaker.check(phrase("Hello."), 10000ms);
  MESSAGE("espeak-ng here: " << (problem.empty() ? "spoke" : problem));
  // With no sound device it exits 0 and complains on its error output; either way the answer is
  // one line of text.
  CHECK(problem.find('\n') == std::string::npos);
  CHECK(problem.find('\x1b') == std::string::npos);
}

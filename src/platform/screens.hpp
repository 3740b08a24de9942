#pragma once
// The three ways a session shows itself: the full terminal screen redrawn in place, plain lines
// for screen readers, logs and scripts, and JSON lines for other programs. Plus the speech
// program the voice (voice_screen.hpp) speaks through.
#include <sys/types.h>
#include <toml++/toml.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "roll/layout.hpp"
#include "roll/screen.hpp"
#include "roll/session.hpp"
#include "roll/voice.hpp"

namespace roll::platform {

// One line per event, prefixed with the routine time ("03:20"); no escape sequences at all.
class PlainScreen final : public Screen {
 public:
  // `ascii`: for a terminal whose locale is not UTF-8.
  PlainScreen(std::FILE* out, const Routine& routine, bool ascii = false)
      : out_(out), routine_(routine), ascii_(ascii) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] bool closed() const override { return closed_; }

 private:
  std::FILE* out_;
  const Routine& routine_;
  bool closed_ = false;
  bool ascii_ = false;
};

// One JSON object on one line (JSON lines), through toml++'s JSON formatter, with "version": 1.
[[nodiscard]] std::string json_line(toml::table table);

// The same events as JSON lines through toml++'s JSON formatter, with the lines around them: a
// `notice` before the first event for each thing to read first (a lint warning, what the
// pre-flight said), and the `summary` after the last. The whole protocol is written here.
class EventsScreen final : public Screen {
 public:
  EventsScreen(std::FILE* out, const Routine& routine) : out_(out), routine_(routine) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] bool closed() const override { return closed_; }
  // Before the session and after it, a failed write throws (std::system_error) like any other
  // output of the command: only during the session does the screen keep going without a reader.
  void notice(const std::string& text);
  void summary(const Session& session);

 private:
  void write(const std::vector<Event>& events);

  std::FILE* out_;
  const Routine& routine_;
  bool closed_ = false;
};

struct AnsiOptions {
  bool color = false;
  bool bell = true;
  double speed = 1.0;
  bool utf8 = true;     // the locale is UTF-8: block glyphs and braille; else ASCII only
  bool voice = false;   // --voice: each get-ready waits for its words, so the total is "+ speech"
  bool figures = true;  // the step's figure in the get-ready and beside the countdown
  // The end of a completed session in big letters, held until a key (the caller waits for it):
  // read from the floor before the summary.
  bool end_screen = true;
};

// The full screen: fitted to the terminal, big digits when there is room, a breath pacer, the
// step's figure, bars, and the keys. Draws on the alternate screen that RawTerminal set up, and
// sends only the rows that changed since the last frame (nothing at all while nothing changes).
class AnsiScreen final : public Screen {
 public:
  AnsiScreen(std::FILE* out, const Routine& routine, AnsiOptions options);
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] std::optional<Millis> redraw_every() const override;
  void repaint() override { drawn_.clear(); }

  // One frame at a given size, each line with its role; for tests and show().
  [[nodiscard]] Layout layout(const SessionView& view, int columns, int rows) const;
  // The lines of one frame at a given size, without colour; for tests.
  [[nodiscard]] std::vector<std::string> frame(const SessionView& view, int columns,
                                               int rows) const;
  // Whether the finished session's end is on the screen, waiting for a key.
  [[nodiscard]] bool showing_end() const { return showing_end_; }

 private:
  [[nodiscard]] LayoutInput layout_input(const SessionView& view, int columns, int rows) const;

  // Each row of the frame as written to the terminal, escapes and colour included.
  [[nodiscard]] std::vector<std::string> rows_of(const Layout& layout, const SessionView& view,
                                                 int columns) const;

  std::FILE* out_;
  const Routine& routine_;
  AnsiOptions options_;
  std::string notice_;            // the last ease-off advice, until the next step
  std::vector<Drawing> figures_;  // each step's figure, drawn once
  // What the terminal shows now, row by row, and at which size; empty: unknown, draw it all.
  std::vector<std::string> drawn_;
  int drawn_columns_ = 0;
  int drawn_rows_ = 0;
  bool showing_end_ = false;
};

// Says phrases without ever waiting: the voice must never hold up the timer.
class Speaker {
 public:
  virtual ~Speaker() = default;
  // Still saying the last phrase started.
  [[nodiscard]] virtual bool speaking() = 0;
  virtual void say(const Phrase& phrase) = 0;
  // Cuts the phrase being said short.
  virtual void stop() = 0;
};

// A speech program as a child process, given the words on its standard input, never as
// arguments: a step named "--phonout=notes.txt" must not become an option. espeak-ng
// and espeak get --stdin; say gets -f /dev/stdin; spd-say, which does not read its input, gets
// the words after "--", which its getopt_long honours. Any other program must read its input.
class ProcessSpeaker final : public Speaker {
 public:
  // `argv` is the program and its own options: voice, rate, language. The program is looked up
  // along `path_env`, PATH's value as read at start-up (Environment::path); nullptr, as for an
  // unset PATH, searches /usr/bin:/bin.
  explicit ProcessSpeaker(std::vector<std::string> argv, const char* path_env = nullptr);
  ~ProcessSpeaker() override;
  ProcessSpeaker(const ProcessSpeaker&) = delete;
  ProcessSpeaker& operator=(const ProcessSpeaker&) = delete;

  [[nodiscard]] bool available() const { return !path_.empty(); }
  [[nodiscard]] bool speaking() override;
  void say(const Phrase& phrase) override;
  void stop() override;
  // Waits for the phrase being said to end (tests, and the last words of a session).
  void wait();
  // Says `phrase` and waits for the program to end (at most `limit`, then it is killed), watching
  // what a speaker that cannot speak does: a status other than 0, or anything on its error output
  // (espeak-ng without a sound device exits 0 but prints ALSA's errors there). Empty when it
  // spoke; else what went wrong, in words ("exited with status 1", "wrote to its error output:
  // ALSA lib ...", "did not finish within 10 s").
  [[nodiscard]] std::string check(const Phrase& phrase, Millis limit);
  // The argument vector say() runs for `text` (tests).
  [[nodiscard]] std::vector<std::string> command_for(const std::string& text) const;

 private:
  std::vector<std::string> argv_;
  std::string path_;
  pid_t child_ = -1;
};

// Splits a speech command line (`speech = "espeak-ng -v en-gb -s 150"` in the profile, or
// --voice-command) into words: blanks separate, single and double quotes group, backslash
// escapes; no shell is involved. Empty when the line is empty or a quote is left open.
[[nodiscard]] std::vector<std::string> split_command(const std::string& line);

}  // namespace roll::platform

#pragma once
// The three ways a session shows itself: the full terminal screen redrawn in place, plain lines
// for screen readers, logs and scripts, and JSON lines for other programs. Plus the voice, which
// speaks over any of them.
#include <sys/types.h>
#include <toml++/toml.h>

#include <cstdio>
#include <string>
#include <vector>

#include "roll/layout.hpp"
#include "roll/screen.hpp"

namespace roll::platform {

// One line per event, prefixed with the routine time ("03:20"); no escape sequences at all.
class PlainScreen final : public Screen {
 public:
  // `ascii`: for a terminal whose locale is not UTF-8.
  PlainScreen(std::FILE* out, const Routine& routine, bool ascii = false)
      : out_(out), routine_(routine), ascii_(ascii) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;

 private:
  std::FILE* out_;
  const Routine& routine_;
  bool ascii_ = false;
};

// One JSON object on one line (JSON lines), through toml++'s JSON formatter.
[[nodiscard]] std::string json_line(const toml::table& table);

// The same events as JSON lines through toml++'s JSON formatter.
class EventsScreen final : public Screen {
 public:
  EventsScreen(std::FILE* out, const Routine& routine) : out_(out), routine_(routine) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;

 private:
  std::FILE* out_;
  const Routine& routine_;
};

struct AnsiOptions {
  bool color = false;
  bool bell = true;
  double speed = 1.0;
  bool utf8 = true;  // the locale is UTF-8: block glyphs; else ASCII only
};

// The full screen: fitted to the terminal, big digits when there is room, a breath pacer, bars,
// and the keys. Draws on the alternate screen that RawTerminal set up.
class AnsiScreen final : public Screen {
 public:
  AnsiScreen(std::FILE* out, const Routine& routine, AnsiOptions options)
      : out_(out), routine_(routine), options_(options) {}
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] std::optional<Millis> redraw_every() const override;

  // One frame at a given size, each line with its role; for tests and show().
  [[nodiscard]] Layout layout(const SessionView& view, int columns, int rows) const;
  // The lines of one frame at a given size, without colour; for tests.
  [[nodiscard]] std::vector<std::string> frame(const SessionView& view, int columns,
                                               int rows) const;

 private:
  [[nodiscard]] LayoutInput layout_input(const SessionView& view, int columns, int rows) const;

  std::FILE* out_;
  const Routine& routine_;
  AnsiOptions options_;
  std::string notice_;  // the last ease-off advice, until the next step
};

// Speaks step names, side changes and breath phases through a speech program, without ever
// waiting for it: children are spawned and reaped without blocking.
class VoiceScreen final : public Screen {
 public:
  // `program` is looked up on PATH; if it is missing, one warning goes to `err` and the voice is
  // silent.
  VoiceScreen(Screen& inner, const Routine& routine, const std::string& program, std::FILE* err);
  ~VoiceScreen() override;
  void show(const std::vector<Event>& events, const SessionView& view) override;
  [[nodiscard]] std::optional<Millis> redraw_every() const override {
    return inner_.redraw_every();
  }
  [[nodiscard]] bool available() const { return !path_.empty(); }

 private:
  void say(const std::string& text);
  void reap();

  Screen& inner_;
  const Routine& routine_;
  std::string path_;
  std::vector<pid_t> children_;
};

}  // namespace roll::platform

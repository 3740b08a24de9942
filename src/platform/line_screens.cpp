// Plain lines, JSON lines and the voice.
#include <fcntl.h>
#include <fmt/core.h>
#include <spawn.h>
#include <sys/wait.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "platform/screens.hpp"
#include "roll/text.hpp"

extern char** environ;

namespace roll::platform {

namespace {

std::string routine_clock(Millis at) {
  auto total = at.count() / 1000;
  return fmt::format("{:02}:{:02}", total / 60, total % 60);
}

}  // namespace

std::string json_line(const toml::table& table) {
  std::ostringstream text;
  text << toml::json_formatter{table, toml::format_flags::allow_unicode_strings};
  // The formatter always breaks lines between keys; a newline inside a value is escaped as \n,
  // so dropping the raw ones leaves the same JSON on one line.
  std::string out = text.str();
  std::erase(out, '\n');
  return out;
}

void PlainScreen::show(const std::vector<Event>& events, const SessionView&) {
  bool wrote = false;
  for (const auto& e : events) {
    // The bell ticks are for the ears; a screen reader would read "3 s left" over the countdown.
    if (e.kind == EventKind::tick) continue;
    std::string text = event_text(routine_, e);
    if (text.empty()) continue;
    if (ascii_) text = to_ascii(text);
    fmt::print(out_, "{} {}\n", routine_clock(e.at), text);
    wrote = true;
  }
  if (wrote) std::fflush(out_);
}

void EventsScreen::show(const std::vector<Event>& events, const SessionView&) {
  for (const auto& e : events) {
    toml::table line{{"event", event_name(e.kind)},
                     {"at_ms", static_cast<std::int64_t>(e.at.count())},
                     {"time", routine_clock(e.at)},
                     {"due_ms", static_cast<std::int64_t>(e.due.count())},
                     {"clock_ms", static_cast<std::int64_t>(e.clock.count())}};
    if (e.kind != EventKind::started && e.step < routine_.steps.size()) {
      const Step& step = routine_.steps[e.step];
      line.insert("step", static_cast<std::int64_t>(e.step + 1));
      line.insert("name", sanitize(step.name));
      line.insert("side", std::string(to_string(e.side)));
      line.insert("position", e.position);
      line.insert("positions", e.positions);
    }
    if (e.kind == EventKind::phase || e.kind == EventKind::rep) {
      line.insert("phase", phase_name(e.phase));
      line.insert("number", e.number);
      line.insert("count", e.count);
    }
    if (e.length > Millis{0}) line.insert("length_ms", static_cast<std::int64_t>(e.length.count()));
    if (e.kind == EventKind::tick || e.kind == EventKind::pressure ||
        e.kind == EventKind::ease_off) {
      line.insert("value", e.value);
    }
    if (e.kind == EventKind::finished) line.insert("status", status_name(e.status));
    line.insert("text", event_text(routine_, e));
    fmt::print(out_, "{}\n", json_line(line));
  }
  if (!events.empty()) std::fflush(out_);
}

namespace {

std::string find_program(const std::string& program) {
  if (program.empty()) return {};
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0 ? program : std::string();
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    // An empty PATH entry means the current directory.
    auto full = (dir.empty() ? std::filesystem::path(".") : std::filesystem::path(dir)) / program;
    if (::access(full.c_str(), X_OK) == 0) return full.string();
  }
  return {};
}

}  // namespace

VoiceScreen::VoiceScreen(Screen& inner, const Routine& routine, const std::string& program,
                         std::FILE* err)
    : inner_(inner), routine_(routine), path_(find_program(program)) {
  if (path_.empty()) {
    fmt::print(err, "roll: warning: speech program '{}' not found; going on without a voice\n",
               sanitize(program));
  }
}

VoiceScreen::~VoiceScreen() {
  reap();
}

void VoiceScreen::reap() {
  std::erase_if(children_, [](pid_t pid) {
    int status = 0;
    return ::waitpid(pid, &status, WNOHANG) != 0;
  });
}

void VoiceScreen::say(const std::string& text) {
  reap();
  // Breath cues are dropped while the previous words are still being spoken, so the voice never
  // falls behind the timer.
  if (children_.size() > 2) return;
  std::string arg = sanitize(text);
  char* argv[] = {path_.data(), arg.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The speech program must not draw over the screen or read the keys.
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawn(&pid, path_.c_str(), &actions, nullptr, argv, environ) == 0) {
    children_.push_back(pid);
  }
  posix_spawn_file_actions_destroy(&actions);
}

void VoiceScreen::show(const std::vector<Event>& events, const SessionView& view) {
  inner_.show(events, view);
  if (path_.empty()) return;
  for (const auto& e : events) {
    switch (e.kind) {
      case EventKind::step: {
        const Step& step = routine_.steps[e.step];
        std::string words = step.name;
        if (e.side != Side::none) words += fmt::format(", {} side", to_string(e.side));
        say(words);
        break;
      }
      case EventKind::get_ready:
        if (e.position > 1) {
          say("move the roller up");
        } else if (e.side == Side::right) {
          say("switch sides");
        }
        break;
      case EventKind::phase:
        if (e.phase == Phase::inhale) say("in");
        if (e.phase == Phase::exhale) say("out");
        if (e.phase == Phase::hold_in || e.phase == Phase::hold_out) say("hold");
        break;
      case EventKind::paused:
        say("paused");
        break;
      case EventKind::finished:
        say(e.status == SessionStatus::completed ? "done. now move." : "stopped");
        break;
      default:
        break;
    }
  }
}

}  // namespace roll::platform

// Plain lines, JSON lines and the voice.
#include <fcntl.h>
#include <fmt/core.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "platform/json.hpp"
#include "platform/programs.hpp"
#include "platform/screens.hpp"
#include "roll/session_wording.hpp"
#include "roll/text.hpp"
#include "roll/utf8.hpp"

extern char** environ;

namespace roll::platform {

namespace {

std::string routine_clock(Millis at) {
  auto total = at.count() / 1000;
  return fmt::format("{:02}:{:02}", total / 60, total % 60);
}

}  // namespace

std::string json_line(toml::table table) {
  // Every event line is a JSON document of its own, versioned like the others (docs/json.md).
  table.insert_or_assign("version", 1);
  return to_json(table, JsonLayout::one_line);
}

void PlainScreen::show(const std::vector<Event>& events, const SessionView&) {
  if (closed_) return;
  bool wrote = false;
  try {
    for (const auto& e : events) {
      // The bell ticks and the turns of a roll are for the ears: a screen reader would read them
      // over the countdown.
      if (e.kind == EventKind::tick || e.kind == EventKind::turn) continue;
      std::string text = event_text(routine_, e);
      if (text.empty()) continue;
      if (ascii_) text = to_ascii(text);
      fmt::print(out_, "{} {}\n", routine_clock(e.at), text);
      // The cue is what keeps the neck and the low back safe: it is said, not only drawn.
      if (std::string cue = cue_text(routine_, e); !cue.empty()) {
        fmt::print(out_, "{} {}\n", routine_clock(e.at),
                   ascii_ ? to_ascii("cue · " + cue) : "cue · " + cue);
      }
      wrote = true;
    }
  } catch (const std::system_error&) {
    closed_ = true;  // a write failed: the reader has gone
    return;
  }
  if (wrote && std::fflush(out_) != 0) closed_ = true;
}

void EventsScreen::show(const std::vector<Event>& events, const SessionView&) {
  if (closed_) return;
  try {
    write(events);
  } catch (const std::system_error&) {
    closed_ = true;
    return;
  }
  if (!events.empty() && std::fflush(out_) != 0) closed_ = true;
}

void EventsScreen::write(const std::vector<Event>& events) {
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
    if (e.kind == EventKind::phase || e.kind == EventKind::rep || e.kind == EventKind::turn) {
      line.insert("phase", phase_name(e.phase));
      line.insert("number", e.number);
      line.insert("count", e.count);
    }
    if (e.length > Millis{0}) line.insert("length_ms", static_cast<std::int64_t>(e.length.count()));
    if (e.kind == EventKind::tick || e.kind == EventKind::pressure ||
        e.kind == EventKind::ease_off) {
      line.insert("value", e.value);
    }
    if (e.kind == EventKind::hold_changed) line.insert("seconds", e.value);
    if (e.kind == EventKind::hold_at_most) line.insert("most_seconds", e.value);
    if (e.kind == EventKind::finished) line.insert("status", status_name(e.status));
    if (std::string cue = cue_text(routine_, e); !cue.empty()) line.insert("cue", cue);
    line.insert("text", event_text(routine_, e));
    fmt::print(out_, "{}\n", json_line(line));
  }
}

void EventsScreen::notice(const std::string& text) {
  fmt::print(out_, "{}\n", json_line(toml::table{{"event", "notice"}, {"text", text}}));
}

void EventsScreen::summary(const Session& session) {
  const auto& p = session.progress();
  toml::table zones;
  for (const auto& [zone, secs] : p.zone_seconds) zones.insert(zone, secs);
  toml::table roller;
  for (const auto& [zone, secs] : p.roller_seconds) roller.insert(zone, secs);
  toml::array holds;
  for (const auto& h : p.hold_changes) {
    holds.push_back(toml::table{
        {"at_seconds", h.at_seconds}, {"seconds", h.seconds}, {"step", h.step}, {"zone", h.zone}});
  }
  toml::table line{{"event", "summary"},
                   {"status", status_name(p.status)},
                   {"completed_seconds", p.completed_seconds},
                   {"planned_seconds", p.planned_seconds},
                   {"steps_done", static_cast<std::int64_t>(session.steps_done())},
                   {"steps", static_cast<std::int64_t>(session.routine().steps.size())},
                   {"zones", std::move(zones)},
                   {"roller_seconds", std::move(roller)},
                   {"hold_changes", std::move(holds)},
                   {"advice", end_advice(session)}};
  fmt::print(out_, "{}\n", json_line(std::move(line)));
}

std::vector<std::string> split_command(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) return {};
  if (in_word) words.push_back(std::move(word));
  return words;
}

namespace {

enum class TextWay { stdin_text, after_dashes };

TextWay text_way(const std::string& program) {
  return std::filesystem::path(program).filename() == "spd-say" ? TextWay::after_dashes
                                                                : TextWay::stdin_text;
}

// Writes without ever being killed by SIGPIPE (the speaker may already have exited) and without
// blocking (the pipe is non-blocking and the words are far below its capacity).
void write_quietly(int fd, const std::string& text) {
  sigset_t pipe_signal, saved;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &saved);
  ssize_t n = ::write(fd, text.data(), text.size());
  if (n < 0 && errno == EPIPE) {
    timespec none{0, 0};
    sigtimedwait(&pipe_signal, nullptr, &none);  // the SIGPIPE this write raised, if pending
  }
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
}

}  // namespace

ProcessSpeaker::ProcessSpeaker(std::vector<std::string> argv, const char* path_env)
    : argv_(std::move(argv)) {
  if (!argv_.empty()) path_ = find_program(argv_.front(), path_env);
}

ProcessSpeaker::~ProcessSpeaker() {
  // The last words (the after-care) go on after roll exits; a child that has ended is reaped.
  (void)speaking();
}

namespace {

// Far below a pipe's 64 KiB, so writing it to the program's stdin never waits; no phrase is this
// long anyway.
std::string spoken_text(const Phrase& phrase) {
  return std::string(utf8::prefix_of_bytes(sanitize(phrase.text), 4000));
}

// The words of a command and the NUL-ended argv posix_spawn takes, pointing into them (so it is
// built in place and never copied).
struct SpawnArgs {
  explicit SpawnArgs(std::vector<std::string> command) : words(std::move(command)) {
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
  }
  SpawnArgs(const SpawnArgs&) = delete;
  SpawnArgs& operator=(const SpawnArgs&) = delete;
  std::vector<std::string> words;
  std::vector<char*> argv;
};

}  // namespace

std::vector<std::string> ProcessSpeaker::command_for(const std::string& text) const {
  std::vector<std::string> argv = argv_;
  if (argv.empty()) return argv;
  std::string base = std::filesystem::path(argv.front()).filename().string();
  if (text_way(argv.front()) == TextWay::after_dashes) {
    argv.push_back("--");
    argv.push_back(text);
  } else if (base == "espeak-ng" || base == "espeak") {
    argv.push_back("--stdin");
  }
  return argv;
}

bool ProcessSpeaker::speaking() {
  if (child_ < 0) return false;
  int status = 0;
  if (::waitpid(child_, &status, WNOHANG) == 0) return true;
  child_ = -1;
  return false;
}

void ProcessSpeaker::stop() {
  if (!speaking()) return;
  ::kill(child_, SIGKILL);
  int status = 0;
  ::waitpid(child_, &status, 0);  // at once: SIGKILL cannot be caught
  child_ = -1;
}

void ProcessSpeaker::wait() {
  if (child_ < 0) return;
  int status = 0;
  ::waitpid(child_, &status, 0);
  child_ = -1;
}

std::string ProcessSpeaker::check(const Phrase& phrase, Millis limit) {
  if (path_.empty()) return "was not found";
  stop();
  std::string text = spoken_text(phrase);
  SpawnArgs spawn(command_for(text));
  auto& argv = spawn.argv;
  bool on_stdin = text_way(argv_.front()) == TextWay::stdin_text;
  int in[2] = {-1, -1};
  int err[2] = {-1, -1};
  if ((on_stdin && ::pipe2(in, O_CLOEXEC) != 0) || ::pipe2(err, O_CLOEXEC) != 0) {
    for (int fd : {in[0], in[1]}) {
      if (fd >= 0) ::close(fd);
    }
    return fmt::format("could not be started: {}", std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (on_stdin) {
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, path_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(err[1]);
  if (on_stdin) {
    ::close(in[0]);
    if (spawned == 0) {
      ::fcntl(in[1], F_SETFL, O_NONBLOCK);
      write_quietly(in[1], text + "\n");
    }
    ::close(in[1]);
  }
  if (spawned != 0) {
    ::close(err[0]);
    return fmt::format("could not be started: {}", std::strerror(spawned));
  }
  // Its error output, up to its end (the program exiting closes it) or the limit; only the first
  // few kilobytes are kept, whatever it writes.
  std::string said;
  auto deadline = std::chrono::steady_clock::now() + limit;
  bool timed_out = false;
  for (;;) {
    auto left = std::chrono::duration_cast<Millis>(deadline - std::chrono::steady_clock::now());
    if (left <= Millis{0}) {
      timed_out = true;
      break;
    }
    pollfd p{err[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<Millis::rep>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[512];
    ssize_t n = ::read(err[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (said.size() < 4096) said.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(err[0]);
  int status = 0;
  if (timed_out) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return fmt::format("did not finish its first phrase within {:g} s",
                       static_cast<double>(limit.count()) / 1000.0);
  }
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return fmt::format("was killed by signal {}", WTERMSIG(status));
  // The first line of what it said that is not blank, as words for a terminal.
  std::string first;
  for (std::size_t at = 0; at < said.size() && first.empty();) {
    std::size_t end = std::min(said.find('\n', at), said.size());
    std::string line = said.substr(at, end - at);
    if (line.find_first_not_of(" \t\r") != std::string::npos) first = sanitize(line);
    at = end + 1;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    std::string out = fmt::format("exited with status {}", WEXITSTATUS(status));
    if (!first.empty()) out += fmt::format(" ({})", first);
    return out;
  }
  if (!first.empty()) return fmt::format("wrote to its error output: {}", first);
  return "";
}

void ProcessSpeaker::say(const Phrase& phrase) {
  if (path_.empty()) return;
  stop();
  std::string text = spoken_text(phrase);
  SpawnArgs spawn(command_for(text));
  auto& argv = spawn.argv;
  bool on_stdin = text_way(argv_.front()) == TextWay::stdin_text;
  int fds[2] = {-1, -1};
  if (on_stdin && ::pipe2(fds, O_CLOEXEC) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The speech program must not draw over the screen or read the keys.
  if (on_stdin) {
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawn(&pid, path_.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    child_ = pid;
  }
  posix_spawn_file_actions_destroy(&actions);
  if (on_stdin) {
    ::close(fds[0]);
    if (child_ > 0) {
      ::fcntl(fds[1], F_SETFL, O_NONBLOCK);
      write_quietly(fds[1], text + "\n");
    }
    ::close(fds[1]);
  }
}

}  // namespace roll::platform

#include "run_in_process.hpp"

#include <stdio.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <stdexcept>

#include "cli/app.hpp"
#include "platform/environment.hpp"
#include "platform/wall_clock.hpp"

#ifndef ROLL_BINARY
#define ROLL_BINARY "roll"
#endif

namespace roll::test {

namespace {

// A run's stdin from its input, stdout and stderr into memory: no descriptor, so nothing can
// take them for terminals or write around them.
class Streams {
 public:
  explicit Streams(const std::string& input) : input_(input) {
    in_ = input_.empty() ? std::fopen("/dev/null", "r")
                         : ::fmemopen(input_.data(), input_.size(), "r");
    out_ = ::open_memstream(&out_buf_, &out_size_);
    err_ = ::open_memstream(&err_buf_, &err_size_);
    if (in_ == nullptr || out_ == nullptr || err_ == nullptr) {
      close();
      throw std::runtime_error("cannot open the memory streams");
    }
  }
  ~Streams() {
    close();
    std::free(out_buf_);
    std::free(err_buf_);
  }
  Streams(const Streams&) = delete;
  Streams& operator=(const Streams&) = delete;
  [[nodiscard]] std::FILE* in() const { return in_; }
  [[nodiscard]] std::FILE* out() const { return out_; }
  [[nodiscard]] std::FILE* err() const { return err_; }
  // Closes the streams and hands back what was written to them.
  void finish(Result& r) {
    close();
    r.out.assign(out_buf_ ? out_buf_ : "", out_size_);
    r.err.assign(err_buf_ ? err_buf_ : "", err_size_);
  }

 private:
  void close() {
    for (std::FILE** f : {&in_, &out_, &err_}) {
      if (*f != nullptr) std::fclose(*f);
      *f = nullptr;
    }
  }
  std::string input_;
  std::FILE* in_ = nullptr;
  std::FILE* out_ = nullptr;
  std::FILE* err_ = nullptr;
  char* out_buf_ = nullptr;
  char* err_buf_ = nullptr;
  std::size_t out_size_ = 0;
  std::size_t err_size_ = 0;
};

// The local time zone is the one thing roll reads from the process after start-up: localtime_r
// and mktime go through the C library's TZ, which only the process environment sets. So for the
// length of one run TZ is the run's (the suite's zone unless it says otherwise), then what it was.
// Not thread-safe, like the C library's time zone itself; the suite runs one case at a time.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* tz) {
    if (const char* old = std::getenv("TZ"); old != nullptr) saved_ = old;
    set(tz);
  }
  ~ScopedTimeZone() { set(saved_ ? saved_->c_str() : nullptr); }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  static void set(const char* tz) {
    if (tz != nullptr) {
      ::setenv("TZ", tz, 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();  // localtime_r need not read TZ again by itself
  }
  std::optional<std::string> saved_;
};

}  // namespace

Result run_roll(const TempDir& home, const Run& run) {
  return run_roll(home, run, InProcess{});
}

Result run_roll(const TempDir& home, const Run& run, const InProcess& how) {
  const auto variables = isolated_variables(home.path(), run.env);
  auto lookup = [&variables](const char* name) -> const char* {
    auto it = variables.find(name);
    return it == variables.end() ? nullptr : it->second.c_str();
  };
  ScopedTimeZone zone(lookup("TZ"));
  Streams streams(run.input);

  // What main builds (src/main.cpp), from the run's variables: stdout and stdin are no
  // terminals unless the test says so, and the binary's directory is the built roll's, so
  // <bin>/../share/roll/routines holds the bundled routines as for the child process.
  platform::TerminalFacts terminal;
  if (how.terminal) terminal = {true, true, 80};
  cli::Context ctx;
  ctx.env = platform::Environment::from_variables(lookup, terminal,
                                                  std::filesystem::path(ROLL_BINARY).parent_path());
  ctx.in = streams.in();
  ctx.out = streams.out();
  ctx.err = streams.err();
  try {
    ctx.now = platform::wall_now_from(lookup("ROLL_NOW"), std::chrono::floor<std::chrono::seconds>(
                                                              std::chrono::system_clock::now()));
  } catch (const platform::TimeError& e) {
    ctx.now_error = e.what();
  }

  Result result;
  result.exit_code =
      how.user_data != nullptr ? cli::run(run.args, ctx, *how.user_data) : cli::run(run.args, ctx);
  streams.finish(result);
  return result;
}

}  // namespace roll::test

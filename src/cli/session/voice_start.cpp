#include "cli/session/voice_start.hpp"

#include <fmt/core.h>

#include <string>
#include <vector>

#include "roll/text.hpp"
#include "roll/voice.hpp"

namespace roll::cli {

namespace {

// Long enough for any speech program to say a routine's title, short enough that a hung one does
// not keep the session from starting for long.
constexpr Millis kFirstPhraseLimit{10000};

}  // namespace

std::unique_ptr<platform::ProcessSpeaker> start_voice(Context& ctx, UserData& user,
                                                      const SessionOptions& args,
                                                      const Routine& routine, Notices& notices) {
  if (!args.voice) return nullptr;
  // --voice-command wins over the profile's `speech`, which wins over espeak-ng.
  std::string line = args.voice_command;
  const char* from = "--voice-command";
  if (line.empty()) {
    line = user.profile().speech;
    from = "speech in config.toml";
  }
  if (line.empty()) line = "espeak-ng";
  std::vector<std::string> speech = platform::split_command(line);
  if (speech.empty()) {
    throw Failure(exit_usage, fmt::format("{}: '{}' is not a command (empty, or a quote left "
                                          "open); for example: espeak-ng -v en-gb -s 150",
                                          from, sanitize(line)));
  }
  auto speaker = std::make_unique<platform::ProcessSpeaker>(
      speech, ctx.env.path ? ctx.env.path->c_str() : nullptr);
  std::string problem;
  if (!speaker->available()) {
    problem = fmt::format("speech program '{}' not found", sanitize(speech.front()));
  } else {
    // The first phrase: the routine's title, said and waited for, to see that it can be said.
    std::string first = sanitize(routine.title.empty() ? routine.name : routine.title) + ".";
    std::string failed = speaker->check(Phrase{first, Urgency::cue, Millis{0}}, kFirstPhraseLimit);
    if (!failed.empty()) {
      problem = fmt::format("speech program '{}' {}", sanitize(speech.front()), failed);
    }
  }
  if (problem.empty()) return speaker;
  notices.add(fmt::format("roll: warning: {}; going on without a voice", problem));
  fmt::print(ctx.err, "{}\n", notices.lines.back());
  return nullptr;
}

}  // namespace roll::cli

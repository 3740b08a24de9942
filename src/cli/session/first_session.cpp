#include "cli/session/first_session.hpp"

#include <fmt/core.h>

#include <chrono>

#include "cli/session/terminal_prompter.hpp"
#include "roll/plan.hpp"
#include "roll/profile.hpp"
#include "roll/profile_edit.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::size_t width_of(const Context& ctx) {
  return static_cast<std::size_t>(ctx.env.columns > 20 ? ctx.env.columns - 1 : 79);
}

[[noreturn]] void no_answer() {
  throw Failure(exit_refused,
                "not starting: the question got no answer (the input ended); run the session "
                "again and answer it");
}

}  // namespace

void ask_level(Context& ctx, UserData& user) {
  if (user.profile().level) return;
  TerminalPrompter prompter(ctx);
  auto fresh = ask_yes_no(prompter, "Are you new to foam rolling?");
  if (!fresh) no_answer();
  Level level = Level::beginner;
  if (!*fresh) {
    auto choice = ask_choice(prompter, "Intermediate or advanced? [i/a]", "ia");
    if (!choice) no_answer();
    level = *choice == 'a' ? Level::advanced : Level::intermediate;
  }
  user.edit_profile([&](std::string_view text) { return with_level_line(text, level); },
                    "your level");
  fmt::print(ctx.out, "Kept as level = \"{}\" in your profile (`roll level` changes it).\n",
             to_string(level));
}

void ask_first_ready(Context& ctx, UserData& user) {
  if (user.profile().first_ready) return;
  TerminalPrompter prompter(ctx);
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(kFirstGetReady).count();
  prompter.say(wrap(fmt::format("The first get-ready of a session gets you from the keyboard onto "
                                "the roller: {} s, or it waits there until you press space or "
                                "Enter.",
                                seconds),
                    width_of(ctx)) +
               "\n");
  auto choice = ask_choice(prompter, "Timed or wait for a key? [t/k]", "tk");
  if (!choice) no_answer();
  FirstReady ready = *choice == 'k' ? FirstReady::key : FirstReady::timer;
  user.edit_profile([&](std::string_view text) { return with_first_ready_line(text, ready); },
                    "how a session starts");
  fmt::print(ctx.out, "{}\n",
             wrap(fmt::format("Kept as first_ready = \"{}\" in your profile; later get-readies "
                              "stay short, and `roll session --ready` overrides it for one "
                              "session.",
                              to_string(ready)),
                  width_of(ctx)));
}

std::optional<std::string> offer_beginner_routine(Context& ctx, UserData& user,
                                                  const Routine& routine) {
  if (!beginner_above_level(routine, user.profile())) return std::nullopt;
  TerminalPrompter prompter(ctx);
  prompter.say(fmt::format("'{}' is an {} routine, and your profile says level = \"beginner\".\n",
                           sanitize(routine.name), to_string(routine.level)));
  auto take = ask_yes_no(prompter, "Start the beginner routine instead?");
  if (!take) no_answer();
  if (*take) return std::string("beginner");
  return std::nullopt;
}

}  // namespace roll::cli

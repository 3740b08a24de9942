// roll psfs: the weekly Patient-Specific Functional Scale answered now, outside a session: on a
// terminal it asks as the end of a session does (cli/session/psfs_question.hpp); a script gives
// the ratings with --rate "ACTIVITY=SCORE". Either way the answer is checked by the one validator
// (roll/record_checks.hpp) and kept in the history, which syncs it.
#include <fmt/core.h>

#include <charconv>

#include "cli/commands.hpp"
#include "cli/session/psfs_question.hpp"
#include "cli/user_time.hpp"
#include "platform/history_store.hpp"
#include "platform/wall_clock.hpp"
#include "roll/record_checks.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

// "Reaching the top shelf=4": the activity before the last '=', a score of 0-10 after it.
PsfsItem parsed_rate(const std::string& text) {
  auto eq = text.rfind('=');
  std::string_view score_text =
      eq == std::string::npos ? std::string_view{} : std::string_view(text).substr(eq + 1);
  int score = -1;
  auto [end, ec] = std::from_chars(score_text.data(), score_text.data() + score_text.size(), score);
  if (eq == std::string::npos || ec != std::errc{} ||
      end != score_text.data() + score_text.size() || score < kScaleMin || score > kScaleMax) {
    throw Failure(exit_usage,
                  fmt::format("--rate {}: not ACTIVITY=SCORE with a score of 0 (unable to do it) "
                              "to 10 (able to do it as before the problem), e.g. --rate "
                              "\"Reaching up to a high shelf=4\"",
                              sync::quoted(sanitize(text))));
  }
  std::string activity = text.substr(0, eq);
  if (auto problem = sync::psfs_activity_problem(activity); !problem.empty()) {
    throw Failure(exit_usage,
                  fmt::format("--rate {}: the activity {}", sync::quoted(sanitize(text)), problem));
  }
  return {std::move(activity), score};
}

}  // namespace

void declare_psfs(CommandSpec& roll, PsfsOptions& opts) {
  auto& cmd = roll.command(
      "psfs", "Answer the weekly Patient-Specific Functional Scale now (each activity 0-10)");
  cmd.option("--rate", opts.rates,
             "An activity and its score, ACTIVITY=SCORE: 0 unable to do it, 10 able to do it as "
             "before the problem; up to 5, for scripts (without it, asked on the terminal)");
  cmd.footer =
      "\nExamples:\n"
      "  roll psfs\n"
      "  roll psfs --rate \"Reaching up to a high shelf=4\" --rate \"Sitting at a desk for an "
      "hour=6\"\n"
      "\nThe activities are the prescription's goals when it names any, else the ones you rated\n"
      "last, else asked once. At the end of a session roll asks this once a week while a\n"
      "prescription runs or once you have answered it; Enter skips it. `roll stats` shows the\n"
      "change since your first answer, flagged at 2.0 points on the mean of the activities\n"
      "(the figure usually cited from Stratford et al. 1995).";
}

int run_psfs(Context& ctx, UserData& user, const PsfsOptions& opts) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  if (opts.rates.empty()) {
    if (!ctx.env.input_is_terminal || !ctx.env.stdout_is_terminal) {
      throw Failure(exit_usage,
                    "roll psfs asks on a terminal, and this is not one; a script gives the "
                    "ratings: roll psfs --rate \"ACTIVITY=SCORE\" (see roll psfs --help)");
    }
    return ask_psfs(ctx, user, now) ? exit_ok : exit_findings;
  }
  if (opts.rates.size() > kPsfsMaxActivities) {
    throw Failure(exit_usage, fmt::format("--rate: at most {} activities (the PSFS rates up to {})",
                                          kPsfsMaxActivities, kPsfsMaxActivities));
  }
  PsfsAnswer answer;
  answer.at = now;
  answer.utc_offset = platform::to_local(now).time_since_epoch() - now.time_since_epoch();
  for (const auto& rate : opts.rates) {
    PsfsItem item = parsed_rate(rate);
    for (const auto& other : answer.items) {
      if (other.activity == item.activity) {
        throw Failure(exit_usage, fmt::format("--rate: {} is rated twice",
                                              sync::quoted(sanitize(item.activity))));
      }
    }
    answer.items.push_back(std::move(item));
  }
  try {
    store.add_psfs(answer, now);
  } catch (const platform::HistoryError& e) {
    throw Failure(exit_usage, e.what());
  }
  auto answers = store.psfs_answers();
  for (const auto& line : psfs_kept_words(answers)) fmt::print(ctx.out, "{}\n", sanitize(line));
  return exit_ok;
}

}  // namespace roll::cli

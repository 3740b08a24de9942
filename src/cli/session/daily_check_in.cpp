#include "cli/session/daily_check_in.hpp"

#include <fmt/core.h>

#include <string>

#include "platform/wall_clock.hpp"
#include "roll/injury.hpp"
#include "roll/screening.hpp"

namespace roll::cli {

namespace {

// The first article's "wait at least 48 to 72 hours" is a minimum: nothing clears an injury
// sooner, and one recorded by mistake is deleted instead.
std::string injury_rest_words(long long id) {
  return fmt::format(
      "No pressure on it for at least 48 h (the first article: \"wait at least 48 to 72 "
      "hours\"); after that a session asks whether the acute pain has subsided. Recorded by "
      "mistake? `roll injury delete {}`.",
      id);
}

}  // namespace

// Once per roll day, before an interactive session. A check-in that ends without an answer, or
// with numbness, weakness or shooting pain in the limbs, is not recorded: the next session asks
// again, and the fresh injury it heard is kept once, not once per asking.
void daily_check_in(Context& ctx, platform::HistoryStore& store, SysSeconds now,
                    const Profile& profile, Prompter& prompter, Notices& notices) {
  std::string day = format_date(roll_day(platform::to_local(now), profile.day_start_hour));
  if (store.checked_in(day)) return;
  // The screening asked about numbness, shooting pain and weakness in the limbs minutes ago (or
  // earlier today) and heard no: asked twice, the question stops being read.
  LocalDays today = std::chrono::floor<std::chrono::days>(platform::to_local(now));
  bool limbs_screened = limbs_screened_on(profile, today);
  CheckIn answers = run_check_in(prompter, !limbs_screened);
  if (limbs_screened && answers.answered) {
    prompter.say("Numbness, weakness or shooting pain in the limbs: no, as the screening heard.\n");
  }
  notices.unread = false;  // what came before is on screen above these questions
  if (answers.fresh_injury) {
    Zone zone = answers.zone.value_or(Zone::full_body);
    if (!answers.zone) {
      // Unsure where: guard everything rather than guess.
      notices.add("Recording it for the whole body.");
      fmt::print(ctx.out, "{}\n", notices.lines.back());
    }
    auto open = store.injuries(false);
    if (const Injury* known = recorded_by_check_in(open, zone, now)) {
      notices.add(fmt::format("Already recorded as injury #{} ({}). {}", known->id, zone_name(zone),
                              injury_rest_words(known->id)));
      fmt::print(ctx.out, "{}\n", notices.lines.back());
    } else {
      long long id = store.add_injury(check_in_injury(zone, now));
      notices.add(fmt::format("Recorded as injury #{} ({}). {}", id, zone_name(zone),
                              injury_rest_words(id)));
      fmt::print(ctx.out, "{}\n", notices.lines.back());
    }
  }
  if (!answers.answered) {
    throw Failure(exit_refused,
                  "not starting: the daily check-in got no answer (the input ended); run the "
                  "session again and answer y or n");
  }
  if (answers.limb_symptoms) {
    throw Failure(exit_refused, "not starting today: " + limb_symptoms_advice());
  }
  store.record_check_in(day, answers.fresh_injury, now);
}

}  // namespace roll::cli

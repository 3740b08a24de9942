#include "cli/session/psfs_question.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "cli/session/terminal_prompter.hpp"
#include "platform/history_store.hpp"
#include "platform/wall_clock.hpp"
#include "roll/prescription.hpp"
#include "roll/record_checks.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::string trimmed(std::string text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Asked once: the activities, one a line, an empty line ending the list.
std::vector<std::string> ask_activities(Context& ctx) {
  TerminalPrompter prompter(ctx);
  prompter.say(fmt::format(
      "Name up to {} activities your back makes hard to do (for example: reaching up to a high "
      "shelf), one a line; an empty line ends the list, and an empty first line skips:\n",
      kPsfsMaxActivities));
  std::vector<std::string> out;
  while (out.size() < kPsfsMaxActivities) {
    prompter.say(fmt::format("  activity {}: ", out.size() + 1));
    auto line = prompter.read_line();
    if (!line) break;
    std::string text = trimmed(*line);
    if (text.empty()) break;
    if (auto problem = sync::psfs_activity_problem(text); !problem.empty()) {
      prompter.say(fmt::format("  That activity {}; name it again.\n", problem));
      continue;
    }
    if (std::find(out.begin(), out.end(), text) != out.end()) {
      prompter.say("  That activity is on the list already.\n");
      continue;
    }
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace

std::vector<std::string> active_goals(platform::HistoryStore& store) {
  auto active = store.active_prescription();
  if (!active) return {};
  auto loaded = load_prescription(active->text, active->name);
  if (!loaded.prescription) return {};
  std::vector<std::string> goals;
  // A goal the record cannot hold (a control character written as a TOML escape) is left out.
  for (const auto& g : loaded.prescription->goals)
    if (sync::psfs_activity_problem(g).empty()) goals.push_back(g);
  return goals;
}

bool psfs_asked_after_session(UserData& user, SysSeconds now) {
  platform::HistoryStore& store = user.history();
  auto answers = store.psfs_answers();
  LocalDays today = roll_day(platform::to_local(now), user.profile().day_start_hour);
  if (!psfs_due(answers, today, user.profile().day_start_hour)) return false;
  if (!answers.empty()) return true;
  auto active = store.active_prescription();
  if (!active) return false;
  auto loaded = load_prescription(active->text, active->name);
  return loaded.prescription && today >= loaded.prescription->from &&
         today <= loaded.prescription->until;
}

std::optional<PsfsAnswer> ask_psfs(Context& ctx, UserData& user, SysSeconds now) {
  platform::HistoryStore& store = user.history();
  auto answers = store.psfs_answers();
  std::vector<std::string> activities = psfs_activities(active_goals(store), answers);
  TerminalPrompter prompter(ctx);
  prompter.say(
      "\nOnce a week, the Patient-Specific Functional Scale: how able are you today to do each "
      "activity your back makes hard?\n");
  if (activities.empty()) activities = ask_activities(ctx);
  if (activities.empty()) {
    prompter.say("Skipped: roll asks again after your next session (`roll psfs` asks now).\n");
    return std::nullopt;
  }
  PsfsAnswer answer;
  answer.at = now;
  answer.utc_offset = platform::to_local(now).time_since_epoch() - now.time_since_epoch();
  for (const auto& activity : activities) {
    prompter.say(fmt::format(
        "  {}: 0 (unable to do it) to 10 (able to do it as before the problem); Enter skips the "
        "week's answer: ",
        sanitize(activity)));
    auto score = read_scale_answer(ctx);
    if (!score) {
      prompter.say("Skipped: nothing kept; roll asks again after your next session.\n");
      return std::nullopt;
    }
    answer.items.push_back({activity, *score});
  }
  store.add_psfs(answer, now);
  answers.push_back(answer);
  for (const auto& line : psfs_kept_words(answers)) prompter.say(sanitize(line) + "\n");
  return answer;
}

std::vector<std::string> psfs_kept_words(const std::vector<PsfsAnswer>& answers) {
  std::vector<std::string> out;
  const PsfsAnswer* latest = nullptr;
  for (const auto& a : answers)
    if (valid_psfs(a) && (latest == nullptr || a.at >= latest->at)) latest = &a;
  if (latest == nullptr) return out;
  Mean mean = psfs_mean(*latest);
  out.push_back(fmt::format("PSFS kept: {} of 10 on average over {} activit{}.", mean_words(mean),
                            mean.count, mean.count == 1 ? "y" : "ies"));
  auto words = psfs_change_words(psfs_change(answers));
  words[0] = static_cast<char>(words[0] - 'a' + 'A');
  out.push_back(words + ".");
  return out;
}

}  // namespace roll::cli

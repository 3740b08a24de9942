// The real behaviour behind the session seams: the SQLite log, and the safety checks that run
// before the first second (profile contraindications, the daily check-in, the 48-72 h rule).
#include "cli/session_hooks.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <string>

#include "cli/history_common.hpp"
#include "platform/profile_file.hpp"
#include "platform/wall_clock.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::string read_answer() {
  char buffer[256];
  if (std::fgets(buffer, sizeof buffer, stdin) == nullptr) return {};
  std::string s(buffer);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

bool ask_yes(Context& ctx, const std::string& question) {
  fmt::print(ctx.out, "{} [y/N] ", question);
  std::fflush(ctx.out);
  std::string a = read_answer();
  return a == "y" || a == "Y" || a == "yes" || a == "Yes" || a == "YES";
}

void refuse_conditions(Context& ctx, const Profile& profile) {
  auto blocking = profile.blocking();
  if (blocking.empty()) return;
  std::string names;
  for (auto c : blocking) {
    fmt::print(ctx.err, "roll: {}: {}\n", condition_name(c), condition_advice(c));
    names += names.empty() ? "" : ", ";
    names += condition_name(c);
  }
  throw Failure(
      exit_refused,
      fmt::format("not starting: your profile lists {}. Talk to a doctor or physical therapist "
                  "before foam rolling; once one has said it is safe, mark it in {} as "
                  "`{} = \"cleared\"`.",
                  names, sanitize(platform::profile_path(ctx.env).string()),
                  condition_name(blocking.front())));
}

// Once per roll day, before an interactive session.
void daily_check_in(Context& ctx, platform::HistoryStore& store, SysSeconds now,
                    const Profile& profile) {
  std::string day = format_date(roll_day(platform::to_local(now), profile.day_start_hour));
  if (store.checked_in(day)) return;
  bool yes = ask_yes(ctx, "Any fresh injury in the last 72 h, numbness, or shooting pain?");
  store.record_check_in(day, yes, now);
  if (!yes) return;
  fmt::print(ctx.out, "Where? A zone such as lumbar, thoracic, neck, glutes (Enter if unsure): ");
  std::fflush(ctx.out);
  std::string where = read_answer();
  auto zone = find_zone(where);
  if (!zone) {
    // Unsure (or numbness, shooting pain): guard everything rather than guess.
    zone = Zone::full_body;
    fmt::print(ctx.out, "Recording it for the whole body. {}\n",
               condition_advice(Condition::neurological_symptoms));
  }
  Injury injury;
  injury.zone = *zone;
  injury.at = now;
  injury.note = "reported at the start of a session";
  long long id = store.add_injury(injury);
  fmt::print(
      ctx.out,
      "Recorded as injury #{} ({}). `roll injury clear {}` once a clinician says it is fine.\n", id,
      zone_name(*zone), id);
}

void apply_injury_rule(Context& ctx, const Routine& routine, const std::vector<Injury>& injuries,
                       SysSeconds now, bool assume_yes, bool interactive) {
  auto f = check_injuries(routine, injuries, now);
  if (f.guard == Guard::none) return;
  std::string what = fmt::format("{} was injured {} h ago (injury #{}{}); step \"{}\" presses {}",
                                 zone_name(f.injury->zone), f.since.count() / 3600, f.injury->id,
                                 f.injury->note.empty() ? "" : ": " + sanitize(f.injury->note),
                                 sanitize(f.step_name), zone_name(f.pressed));
  if (f.guard == Guard::refuse) {
    throw Failure(
        exit_refused,
        fmt::format("{}. No pressure on an injured zone or its neighbours for the first 48 h: "
                    "{} h remain. Rest it, or choose a routine that keeps off it.",
                    what, hours_ceil(f.remaining)));
  }
  std::string caution = fmt::format(
      "{}. Between 48 and 72 h after an injury, roll it only gently and stop at any sharp pain "
      "({} h left in this window).",
      what, hours_ceil(f.remaining));
  if (assume_yes) {
    fmt::print(ctx.err, "roll: {}\n", caution);
    return;
  }
  if (!interactive) {
    throw Failure(exit_refused, caution + " Run again with --yes to confirm.");
  }
  fmt::print(ctx.out, "{}\n", caution);
  if (!ask_yes(ctx, "Roll it gently anyway?"))
    throw Failure(exit_refused, "not starting: the injury needs more rest");
}

}  // namespace

std::unique_ptr<SessionLog> open_session_log(Context& ctx, bool no_log) {
  if (no_log) return std::make_unique<NullSessionLog>();
  return std::make_unique<platform::SqliteSessionLog>(open_history(ctx));
}

void preflight(Context& ctx, const Routine& routine, bool assume_yes, bool interactive) {
  Profile profile = load_profile_or_fail(ctx);
  refuse_conditions(ctx, profile);
  SysSeconds now = now_or_fail(ctx);
  auto store = open_history(ctx);
  // --yes answers confirmations, not questions of fact: the check-in is left for the next
  // session that has someone to ask, rather than recorded as "no injury".
  if (interactive && !assume_yes) daily_check_in(ctx, *store, now, profile);
  apply_injury_rule(ctx, routine, store->injuries(false), now, assume_yes, interactive);
}

}  // namespace roll::cli

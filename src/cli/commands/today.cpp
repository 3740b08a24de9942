// Bare `roll`: today. A few lines on what to do today, or `roll --json` for scripts
// and prompts. The judging is the pure today() (roll/today.hpp); this file reads the facts.

#include "roll/today.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/folder_sync.hpp"
#include "cli/json_output.hpp"
#include "cli/outcome_trends.hpp"
#include "cli/prescription_follow.hpp"
#include "cli/routine_loading.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/wall_clock.hpp"
#include "roll/pain.hpp"
#include "roll/plural.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

std::string state_line(const Today& t, const TodayFacts& facts) {
  switch (t.state) {
    case TodayState::done:
      return t.completed_today > 1
                 ? fmt::format("done for today: {} sessions completed", t.completed_today)
                 : std::string("done for today: a session is completed");
    case TodayState::rest:
      if (facts.reason == DueReason::injury) {
        return "rest day: an injury to the whole body keeps every step off the roller (limits "
               "below)";
      }
      return "rest day: today's session ended in a pain stop; if the pain is sharp or stays, see "
             "a clinician";
    case TodayState::held:
      return "no session: " + t.held;
    case TodayState::due:
      break;
  }
  return "due: no session completed today yet";
}

std::string step_up_line(const StepUp& s, Level level) {
  if (s.suggested) return fmt::format("step up: {}", s.reason);
  if (level != Level::beginner) return fmt::format("level: {}", to_string(level));
  return fmt::format(
      "level: beginner · step up after {} clean completed sessions over {} days: {} so far, over "
      "{} (`roll level` says why)",
      kStepUpSessions, kStepUpDays, s.sessions, plural(s.days, "day"));
}

// Under the count, when something started it over: why it is lower than `roll stats`' total.
std::string restart_line(const StepUp& s) {
  std::string words = restart_words(*s.restarted);
  words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return fmt::format("  {}.", words);
}

}  // namespace

void declare_today(CommandSpec& roll, TodayOptions& options) {
  roll.flag("--json", options.json,
            "With no command: today as a JSON object, for scripts and prompts");
}

int run_today(Context& ctx, UserData& user, const TodayOptions& options) {
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  TodayFacts facts = read_today_facts(store, platform::process_time_zone(), profile, now);
  report_problems(ctx, store);
  // Loading the bundled routines is most of this command's work; a day that is done or
  // a rest day suggests nothing, so a prompt that runs `roll --json` then skips it.
  std::vector<Routine> routines;
  if (facts.reason == DueReason::not_done && profile.blocking().empty()) {
    routines = load_bundled_routines(ctx.env);
  }
  LocalSeconds local = platform::to_local(now);
  Today t = today(TodayInput{&facts, &profile, &routines, now, local});
  Level level = profile.level.value_or(Level::beginner);
  LocalDays day = roll_day(local, profile.day_start_hour);
  if (auto prescribed = recent_prescribed_level(store, profile.day_start_hour, day)) {
    defer_to_clinician(t.step_up, *prescribed, day);
  }
  // While a prescription runs, its days and count decide what is due, after safety.
  std::optional<PrescriptionToday> rx;
  std::string rx_state;
  if (store.active_prescription()) {
    if (routines.empty()) routines = load_bundled_routines(ctx.env);
    DueToday due;
    due.reason = facts.reason;
    due.done = facts.done;
    due.pain_stop = facts.pain_stop;
    rx = follow_active_prescription(store, profile, due, &routines, now, local);
    if (rx && rx->running() && t.state != TodayState::held) {
      DueReason reason = prescribed_due_reason(*rx, due);
      rx_state = fmt::format("{}: {}",
                             reason == DueReason::not_done ? "due"
                             : reason == DueReason::done   ? "done for today"
                                                           : "rest day",
                             prescribed_today_words(*rx));
      if (reason == DueReason::not_done) {
        t.state = TodayState::due;
        t.routine = rx->day.routine;
        t.why = fmt::format("prescribed: session {} of {} today", rx->day.done + 1,
                            rx->day.prescribed_sessions);
        t.command = fmt::format("roll session {}", rx->day.routine);
      } else {
        t.state = reason == DueReason::done ? TodayState::done : TodayState::rest;
        t.routine.clear();
        t.why.clear();
        t.command.clear();
      }
    }
  }

  // Pain and the PSFS since the first rating, flagged where the change is meaningful.
  OutcomeTrends trends = gather_outcomes(store, profile.day_start_hour);

  if (options.json) {
    toml::array limits;
    for (const auto& l : t.limits) limits.push_back(l);
    toml::array paused;
    for (const auto& name : facts.paused_routines) {
      paused.push_back(toml::table{{"routine", name}, {"reason", pause_routine_words(name)}});
    }
    toml::table out{
        {"date", format_date(day)},
        {"state", today_state_name(t.state)},
        {"completed_today", t.completed_today},
        {"streak", toml::table{{"current", t.streaks.current}, {"longest", t.streaks.longest}}},
        {"limits", std::move(limits)},
        {"paused", std::move(paused)},
        {"level", std::string(to_string(level))},
        {"step_up", toml::table{{"suggested", t.step_up.suggested},
                                {"sessions", t.step_up.sessions},
                                {"days", t.step_up.days},
                                {"reason", t.step_up.reason},
                                {"ask_clinician", t.step_up.prescribed_level.has_value()}}},
    };
    if (t.step_up.prescribed_level) {
      out["step_up"].as_table()->insert("prescribed_level",
                                        std::string(to_string(*t.step_up.prescribed_level)));
    }
    if (t.step_up.restarted) {
      const StepUpRestart& r = *t.step_up.restarted;
      toml::table restarted{{"by", r.pain_stop ? "pain-stop" : "pressure"},
                            {"date", format_date(r.day)}};
      if (!r.pain_stop) restarted.insert("pressure", r.pressure);
      out["step_up"].as_table()->insert("restarted", std::move(restarted));
    }
    if (t.state == TodayState::held) {
      toml::array names;
      for (Condition c : profile.blocking()) names.push_back(std::string(condition_name(c)));
      out.insert("held", toml::table{{"conditions", std::move(names)}, {"reason", t.held}});
    }
    if (!t.routine.empty()) {
      out.insert("suggestion",
                 toml::table{{"routine", t.routine}, {"why", t.why}, {"command", t.command}});
    }
    if (rx) out.insert("prescription", prescription_json(*rx));
    out.insert("outcomes", outcomes_json(trends));
    print_json(ctx, std::move(out));
    return exit_ok;
  }
  std::vector<std::string> lines;
  lines.push_back(
      fmt::format("{}: {}", format_date(day), rx_state.empty() ? state_line(t, facts) : rx_state));
  if (rx) {
    lines.push_back(fmt::format("prescription: {}", rx->words));
    if (rx->adherence.total.prescribed > 0)
      lines.push_back(fmt::format("adherence: {}", adherence_words(rx->adherence.total)));
  }
  for (const auto& line : outcome_lines(trends)) lines.push_back("progress: " + line);
  lines.push_back(
      fmt::format("streak: {} (longest {})", plural(t.streaks.current, "day"), t.streaks.longest));
  for (const auto& l : t.limits) lines.push_back("limits today: " + l);
  for (const auto& p : t.paused) lines.push_back("pause: " + p);
  if (!t.routine.empty()) {
    lines.push_back(fmt::format("suggested: {} ({})", t.routine, t.why));
    lines.push_back(fmt::format("  start it: {}", t.command));
  } else if (t.state == TodayState::due) {
    lines.push_back(fmt::format("suggested: nothing; {}", t.why));
  }
  lines.push_back(step_up_line(t.step_up, level));
  if (level == Level::beginner && !t.step_up.suggested && t.step_up.restarted) {
    lines.push_back(restart_line(t.step_up));
  }
  bool ascii = ctx.env.stdout_is_terminal && !ctx.env.utf8;
  for (auto& line : lines) {
    if (ascii) line = to_ascii(line);
    fmt::print(ctx.out, "{}\n", sanitize(line));
  }
  // What another device changed that bears on safety (a clearing, a deletion of an injury or a
  // pain stop, a check-in), said by the sync once and here once more, so that a sync run by a
  // timer or after a session is not the only place it shows.
  auto notices = store.unseen_notices();
  if (!notices.empty()) {
    fmt::print(ctx.out, "Changed on another device since you last looked:\n");
    for (const auto& n : notices) {
      auto text = notice_text(n.notice);
      fmt::print(ctx.out, "  {}\n", ascii ? to_ascii(text) : text);
    }
    store.mark_notices_seen(notices.back().id);
  }
  if (ctx.env.stdout_is_terminal) {
    fmt::print(ctx.out, "(roll --help for every command)\n");
  }
  return exit_ok;
}

}  // namespace roll::cli

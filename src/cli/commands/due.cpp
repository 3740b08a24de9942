// roll due: exit 0 when today's session is still to do, 1 when it is done. For scripts:
// `roll due && notify-send "Time to roll"`, and `roll due --json` for the reason.
#include "roll/due.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/prescription_follow.hpp"
#include "cli/routine_loading.hpp"
#include "cli/user_time.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/wall_clock.hpp"
#include "roll/screening.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"
#include "roll/today.hpp"

namespace roll::cli {

namespace {

// `roll due --json` (docs/json.md, docs/schemas/due.schema.json). Only here is the rest of the
// history read (the streak, which session, what to start): `--quiet` reads no more than the
// answer needs.
toml::table due_document(Context& ctx, UserData& user, const DueToday& due, SysSeconds now,
                         const std::optional<PrescriptionToday>& rx) {
  const Profile& profile = user.profile();
  platform::HistoryStore& store = user.history();
  const TimeZone& zone = platform::process_time_zone();
  int hour = profile.day_start_hour;
  toml::table out{
      {"due", due.due()},
      {"reason", std::string(to_string(due.reason))},
      {"date", format_date(roll_day(zone.to_local(now), hour))},
      {"day_start_hour", hour},
      {"before_day_start", before_day_start(zone, now, hour)},
      {"day_ends_at", format_utc(roll_day_end(zone, now, hour))},
  };
  std::vector<SessionRecord> done;
  if (due.done) done = done_on_roll_day(store, zone, now, hour);
  out.insert("completed_today", static_cast<std::int64_t>(done.size()));
  if (!done.empty()) {
    const SessionRecord& s = done.front();
    out.insert("session", toml::table{{"id", s.uid},
                                      {"routine", s.routine_name},
                                      {"title", s.routine_title},
                                      {"started_at", format_utc(s.started_at)},
                                      {"origin", origin_name(s.origin)}});
  }
  if (due.pain_stop) {
    out.insert("pain_stop", toml::table{{"at", format_utc(due.pain_stop->at)},
                                        {"zone", due.pain_stop->zone},
                                        {"session", due.pain_stop->session_uid}});
  }
  if (due.injury) {
    const Injury& i = *due.injury;
    out.insert("injury",
               toml::table{{"id", i.id},
                           {"zone", std::string(zone_name(i.zone))},
                           {"at", format_utc(i.at)},
                           {"hours_remaining", hours_ceil(injury_window_remaining(i, now))},
                           {"note", i.note}});
  }
  if (rx) out.insert("prescription", prescription_json(*rx));
  Streaks streak;
  if (due.due() && rx && rx->running()) {
    // The prescription's routine: the next of its list for the session still to do today.
    out.insert("suggestion",
               toml::table{{"routine", rx->day.routine},
                           {"why", fmt::format("prescribed: session {} of {} today",
                                               rx->day.done + 1, rx->day.prescribed_sessions)},
                           {"command", fmt::format("roll session {}", rx->day.routine)}});
    streak = gather_stats(store, zone, now, hour, 1).streaks;
  } else if (due.due()) {
    // What to start: the today view's choice. Loading the bundled routines is most of this, so
    // only a day with something to start pays for it.
    TodayFacts facts = read_today_facts(store, zone, profile, now);
    std::vector<Routine> routines = load_bundled_routines(ctx.env);
    Today t = today(TodayInput{&facts, &profile, &routines, now, zone.to_local(now)});
    streak = t.streaks;
    if (!t.routine.empty()) {
      out.insert("suggestion",
                 toml::table{{"routine", t.routine}, {"why", t.why}, {"command", t.command}});
    }
  } else {
    streak = gather_stats(store, zone, now, hour, 1).streaks;
  }
  out.insert("streak", toml::table{{"current", streak.current}, {"longest", streak.longest}});
  return out;
}

std::string sentence_of(std::string words) {
  if (!words.empty() && words.front() >= 'a' && words.front() <= 'z')
    words.front() = static_cast<char>(words.front() - 'a' + 'A');
  return words;
}

// `roll due` while a prescription runs: its count today, then when it ends.
void print_prescribed(Context& ctx, const DueToday& due, const PrescriptionToday& rx) {
  const PrescriptionDay& d = rx.day;
  switch (due.reason) {
    case DueReason::not_done:
      fmt::print(ctx.out, "Due: {}; next: roll session {}.\n", prescribed_today_words(rx),
                 sanitize(d.routine));
      break;
    case DueReason::done:
      fmt::print(ctx.out, "Done for today: {}.\n", prescribed_today_words(rx));
      break;
    case DueReason::not_prescribed:
      fmt::print(ctx.out, "Not due: {}.\n", prescribed_today_words(rx));
      break;
    case DueReason::pain_stop:
      fmt::print(ctx.out,
                 "Rest day: today's session ended in a pain stop; {}. If the pain is sharp or "
                 "stays, see a clinician.\n",
                 prescribed_today_words(rx));
      break;
    case DueReason::injury:
    case DueReason::held:
    case DueReason::excused:
      fmt::print(ctx.out, "Not due: {}.\n", prescribed_today_words(rx));
      break;
  }
  fmt::print(ctx.out, "{}.\n", sanitize(sentence_of(rx.words)));
}

}  // namespace

void declare_due(CommandSpec& roll, DueOptions& opts) {
  auto& cmd = roll.command(
      "due", "Exit 0 if a session is due today, 1 if not (done, a rest day or an injury)");
  cmd.flag("-q,--quiet", opts.quiet, "Print nothing; only the exit status speaks");
  cmd.flag("--json", opts.json,
           "Print the answer and its reason as a JSON object (docs/json.md); the exit status "
           "stays the same")
      .excludes("--quiet");
  cmd.footer =
      "\nExamples:\n"
      "  roll due\n"
      "  roll due --quiet && notify-send roll 'Five minutes on the roller before bed'\n"
      "  roll due --json | jq -r .reason     # not-done, done, pain-stop, injury, held,\n"
      "                                      # not-prescribed or excused\n"
      "  roll due --json | jq .prescription.today.remaining\n"
      "\nExit status: 0 due (nothing completed today), 1 done for today, a rest day, an injury,\n"
      "or a condition in your profile not cleared (osteoporosis = true, ...), 2 error.\n"
      "Only a completed session counts (at least 80% of its planned time on the roller, not a\n"
      "--speed rehearsal). A day that ended in a pain stop is a rest day: nothing is due. Nor is\n"
      "anything due for 48 h after an injury to the whole body (roll injury add full-body).\n"
      "Today starts at `day_start` from config.toml (default 04:00). --quiet and --json do not\n"
      "go together: --quiet prints nothing, and reads no more than the answer needs.\n"
      "While a prescription runs (roll prescription add), its days and count decide: twice a\n"
      "day is due until the second session, a day it does not prescribe is not due\n"
      "(not-prescribed), and its routine is suggested. Safety still comes first: a condition,\n"
      "an injury or a pain stop makes the day not due (excused), and adherence counts it\n"
      "excused, not missed.";
}

int run_due(Context& ctx, UserData& user, const DueOptions& opts) {
  const Profile& profile = user.profile();
  // A condition not cleared: nothing is due, so a reminder stays quiet, whatever the history says.
  if (std::string held = held_reason(profile); !held.empty() && !opts.json) {
    if (!opts.quiet) fmt::print(ctx.out, "Not due: {}.\n", held);
    return exit_findings;
  }
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  const TimeZone& zone = platform::process_time_zone();
  auto snapshot = store.read_snapshot();
  DueToday due = due_today(store, zone, now, profile.day_start_hour);
  // While a prescription runs, its days and count decide, after safety (prescription_today.hpp).
  std::optional<PrescriptionToday> rx;
  std::vector<Routine> routines;
  if (store.active_prescription()) {
    routines = load_bundled_routines(ctx.env);
    rx = follow_active_prescription(store, profile, due, &routines, now, zone.to_local(now));
    if (rx && rx->running()) {
      due.reason = prescribed_due_reason(*rx, due);
      due.done = due.reason == DueReason::done;
    }
  }
  if (opts.json) {
    toml::table document = due_document(ctx, user, due, now, rx);
    report_problems(ctx, store);
    if (std::string held = held_reason(profile); !held.empty()) {
      // A condition not cleared: nothing is due, whatever the history says.
      toml::array names;
      for (Condition c : profile.blocking()) names.push_back(std::string(condition_name(c)));
      document.insert_or_assign("due", false);
      document.insert_or_assign("reason", std::string(to_string(DueReason::held)));
      document.erase("suggestion");
      document.insert("held", toml::table{{"conditions", std::move(names)}, {"reason", held}});
      print_json(ctx, std::move(document));
      return exit_findings;
    }
    print_json(ctx, std::move(document));
    return due.due() ? exit_ok : exit_findings;
  }
  report_problems(ctx, store);
  if (opts.quiet) return due.due() ? exit_ok : exit_findings;
  if (rx && rx->running()) {
    print_prescribed(ctx, due, *rx);
    return due.due() ? exit_ok : exit_findings;
  }
  if (rx) fmt::print(ctx.out, "{}.\n", sanitize(sentence_of(rx->words)));
  switch (due.reason) {
    case DueReason::done:
      fmt::print(ctx.out, "Done for today: a session is already completed.{}\n",
                 before_day_start(zone, now, profile.day_start_hour)
                     ? fmt::format(
                           " Until {:02}:00 (day_start) today is still {}.", profile.day_start_hour,
                           format_date(roll_day(zone.to_local(now), profile.day_start_hour)))
                     : "");
      break;
    case DueReason::pain_stop:
      fmt::print(
          ctx.out,
          "Rest day: today's session ended in a pain stop at {}{}. Nothing is due; "
          "if the pain is sharp or stays, see a clinician.\n",
          format_local(
              LocalSeconds{(due.pain_stop->at + due.pain_stop->utc_offset).time_since_epoch()}),
          due.pain_stop->zone.empty() ? "" : fmt::format(" ({})", sanitize(due.pain_stop->zone)));
      break;
    case DueReason::injury:
      fmt::print(ctx.out,
                 "Not due: an injury to the whole body {} h ago keeps every step off the roller "
                 "for {} h more (wait at least 48 to 72 hours until the acute pain has subsided; "
                 "roll injury list).\n",
                 std::max<long long>(0, (now - due.injury->at).count() / 3600),
                 hours_ceil(injury_window_remaining(*due.injury, now)));
      break;
    case DueReason::held:            // answered above, before the history was opened
    case DueReason::not_prescribed:  // only while a prescription runs, answered above
    case DueReason::excused:
      break;
    case DueReason::not_done:
      fmt::print(ctx.out, "Due: no session completed today yet.\n");
      break;
  }
  return due.due() ? exit_ok : exit_findings;
}

}  // namespace roll::cli

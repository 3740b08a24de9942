// roll prescription: add a clinician's prescription file (docs/prescriptions.md) as the active
// prescription, list what was added, show the active one, end it. The file is checked as `roll
// lint` checks it and refused with its errors; its text is then stored in the history as a record
// that syncs like the rest, checked by the one validator (roll/record_checks.hpp).
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/prescription_checks.hpp"
#include "cli/routine_loading.hpp"
#include "cli/session/screening.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/routine_files.hpp"
#include "platform/wall_clock.hpp"
#include "roll/limits.hpp"
#include "roll/prescription_schedule.hpp"
#include "roll/record_checks.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

LocalDays today_of(UserData& user, SysSeconds now) {
  const auto& zone = platform::process_time_zone();
  return roll_day(zone.to_local(now), user.profile().day_start_hour);
}

// "Your prescription ...": the words start a sentence here.
std::string sentence(std::string words) {
  if (!words.empty() && words.front() >= 'a' && words.front() <= 'z')
    words.front() = static_cast<char>(words.front() - 'a' + 'A');
  return words;
}

void add(Context& ctx, UserData& user, const PrescriptionOptions& o) {
  std::string text;
  try {
    text = platform::read_text_file(o.file, limits::max_file_bytes);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
  if (!is_prescription_text(text)) {
    throw Failure(exit_usage, fmt::format("{} is not a prescription (its first key is not "
                                          "`prescription = 1`; see docs/prescriptions.md)",
                                          sanitize(o.file)));
  }
  if (text.size() > sync::kMaxPrescriptionBytes) {
    throw Failure(exit_usage,
                  fmt::format("{} is {} bytes; a prescription roll stores is at most {}",
                              sanitize(o.file), text.size(), sync::kMaxPrescriptionBytes));
  }
  auto checked = check_prescription(ctx.env, text, o.file);
  if (!checked.prescription || has_errors(checked.diagnostics)) {
    print_diagnostics(ctx, checked.diagnostics);
    throw Failure(exit_usage,
                  fmt::format("{} has errors and is not added; `roll lint {}` shows them",
                              sanitize(o.file), sanitize(o.file)));
  }
  SysSeconds now = now_or_fail(ctx);
  const Prescription& p = *checked.prescription;
  std::string name = std::filesystem::path(o.file).filename().string();
  user.history().add_prescription(name, text, format_date(p.from), format_date(p.until), now);
  fmt::print(ctx.out, "Added {}: {}.\n", sanitize(name),
             sanitize(prescription_end_words(p, today_of(user, now))));
  // A condition may have come with the reason for the prescription: the six questions again, now
  // on a terminal, else at the next session (which refuses without a terminal until answered).
  ask_screening_again(
      ctx, user, fmt::format("a prescription was added on {}", format_date(today_of(user, now))));
  if (ctx.env.input_is_terminal && ctx.env.stdout_is_terminal) {
    try {
      screen_conditions(ctx, user, true);
    } catch (const Failure& f) {
      if (f.code != exit_refused) throw;
      fmt::print(ctx.out,
                 "The screening got no answer: the next session asks the six questions again.\n");
    }
  } else {
    fmt::print(ctx.out,
               "The six screening questions are due again: the next session on a terminal asks "
               "them (a script answers them with `roll profile conditions`).\n");
  }
}

std::optional<Prescription> loaded(const platform::StoredPrescription& stored) {
  auto result = load_prescription(stored.text, stored.name);
  return result.prescription;
}

toml::table json_of(const platform::StoredPrescription& stored, const Prescription& p,
                    LocalDays today) {
  toml::array routines;
  for (const auto& r : p.routines) routines.push_back(r.text);
  toml::array days;
  for (std::size_t i = 0; i < 7; ++i)
    if (p.days[i]) days.push_back(std::string(kWeekdayNames[i]));
  toml::array goals;
  for (const auto& g : p.goals) goals.push_back(g);
  const char* phase = today < p.from ? "not-started" : today > p.until ? "ended" : "running";
  toml::table t{{"id", stored.uid},
                {"file", stored.name},
                {"title", p.title},
                {"clinician", p.clinician},
                {"level", std::string(to_string(p.level))},
                {"routines", std::move(routines)},
                {"days", std::move(days)},
                {"times_per_day", p.times_per_day},
                {"from", format_date(p.from)},
                {"until", format_date(p.until)},
                {"goals", std::move(goals)},
                {"note", p.note},
                {"added_at", format_utc(stored.added_at)},
                {"phase", std::string(phase)}};
  return t;
}

void show(Context& ctx, UserData& user, bool json) {
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  auto active = store.active_prescription();
  report_problems(ctx, store);
  std::optional<Prescription> p;
  if (active) p = loaded(*active);
  LocalDays today = today_of(user, now);
  if (json) {
    toml::table doc;
    if (active && p) {
      doc.insert("prescription", json_of(*active, *p, today));
    } else {
      doc.insert("prescription", false);
    }
    print_json(ctx, std::move(doc));
    return;
  }
  if (!active || !p) {
    fmt::print(ctx.out,
               "No prescription. `roll prescription add FILE` adds one from your clinician.\n");
    return;
  }
  std::string days;
  for (std::size_t i = 0; i < 7; ++i)
    if (p->days[i]) days += fmt::format("{}{}", days.empty() ? "" : ",", kWeekdayNames[i]);
  std::string routines;
  for (const auto& r : p->routines)
    routines += fmt::format("{}{}", routines.empty() ? "" : ", ", r.text);
  fmt::print(ctx.out, "{}\n", sanitize(p->title.empty() ? active->name : p->title));
  if (!p->clinician.empty()) fmt::print(ctx.out, "  From:      {}\n", sanitize(p->clinician));
  fmt::print(ctx.out, "  Level:     {}\n", to_string(p->level));
  fmt::print(ctx.out, "  Routines:  {}\n", sanitize(routines));
  fmt::print(ctx.out, "  Schedule:  {} a day on {}\n", p->times_per_day, days);
  fmt::print(ctx.out, "  Dates:     {} to {}\n", format_date(p->from), format_date(p->until));
  for (const auto& g : p->goals) fmt::print(ctx.out, "  Goal:      {}\n", sanitize(g));
  if (!p->note.empty()) fmt::print(ctx.out, "  Note:      {}\n", sanitize(p->note));
  fmt::print(ctx.out, "{}.\n", sanitize(sentence(prescription_end_words(*p, today))));
}

void list(Context& ctx, UserData& user) {
  platform::HistoryStore& store = user.history();
  auto all = store.prescriptions();
  report_problems(ctx, store);
  if (all.empty()) {
    fmt::print(ctx.out, "No prescriptions added.\n");
    return;
  }
  fmt::print(ctx.out, "{:<10}  {:<10}  {:<10}  {:<16}  {}\n", "FROM", "UNTIL", "STATE", "ADDED",
             "FILE");
  for (const auto& s : all) {
    fmt::print(ctx.out, "{:<10}  {:<10}  {:<10}  {:<16}  {}\n", s.from, s.until,
               s.ended_at ? "ended" : "active", format_local(platform::to_local(s.added_at)),
               sanitize(s.name));
  }
}

void end(Context& ctx, UserData& user) {
  SysSeconds now = now_or_fail(ctx);
  if (!user.history().end_prescription(now)) {
    throw Failure(exit_findings, "no prescription is active; `roll prescription list` lists them");
  }
  fmt::print(ctx.out,
             "Ended the prescription: bare `roll` and `roll due` follow your own rhythm again.\n");
}

}  // namespace

void declare_prescription(CommandSpec& roll, PrescriptionOptions& opts) {
  auto& cmd =
      roll.command("prescription", "Follow a clinician's prescription: its days, count and end");
  cmd.subcommand_required = true;
  cmd.footer =
      "\nExamples:\n"
      "  roll prescription add thoracic-4-weeks.prescription.toml\n"
      "  roll prescription show\n"
      "  roll prescription end\n"
      "\nThe file is checked as `roll lint` checks it (docs/prescriptions.md) and refused with\n"
      "its errors. The active prescription is kept in the history and syncs like it.";

  auto& add_cmd = cmd.command("add", "Make a prescription file the active prescription");
  add_cmd.option("file", opts.file, "The prescription file (.prescription.toml)")
      .required()
      .completes(Completion::file);
  add_cmd.footer = "\nExample:\n  roll prescription add thoracic-4-weeks.prescription.toml";
  add_cmd.reached = [&opts] { opts.action = PrescriptionOptions::Action::add; };

  auto& list_cmd = cmd.command("list", "List the prescriptions added, active and ended");
  list_cmd.footer = "\nExample:\n  roll prescription list";
  list_cmd.reached = [&opts] { opts.action = PrescriptionOptions::Action::list; };

  auto& show_cmd = cmd.command("show", "Show the active prescription");
  show_cmd.flag("--json", opts.json, "Print JSON (docs/json.md)");
  show_cmd.footer = "\nExample:\n  roll prescription show --json | jq .prescription.until";
  show_cmd.reached = [&opts] { opts.action = PrescriptionOptions::Action::show; };

  auto& end_cmd = cmd.command("end", "End the active prescription now");
  end_cmd.footer = "\nExample:\n  roll prescription end";
  end_cmd.reached = [&opts] { opts.action = PrescriptionOptions::Action::end; };
}

int run_prescription(Context& ctx, UserData& user, const PrescriptionOptions& opts) {
  switch (opts.action) {
    case PrescriptionOptions::Action::add:
      add(ctx, user, opts);
      break;
    case PrescriptionOptions::Action::list:
      list(ctx, user);
      break;
    case PrescriptionOptions::Action::show:
      show(ctx, user, opts.json);
      break;
    case PrescriptionOptions::Action::end:
      end(ctx, user);
      break;
    case PrescriptionOptions::Action::none:
      break;
  }
  return exit_ok;
}

}  // namespace roll::cli

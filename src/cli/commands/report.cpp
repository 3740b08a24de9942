// roll report --html FILE: the last weeks as one self-contained page (roll/report.hpp builds it)
// to print or hand to a physiotherapist; --fhir FILE: the same weeks as a FHIR R4 Bundle for a
// clinic's system (roll/fhir.hpp builds it, docs/fhir.md).
#include "roll/report.hpp"

#include <fmt/core.h>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/option_checks.hpp"
#include "cli/page_file.hpp"
#include "cli/prescription_checks.hpp"
#include "cli/prescription_follow.hpp"
#include "cli/routine_loading.hpp"
#include "cli/user_time.hpp"
#include "platform/atomic_file.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/routine_files.hpp"
#include "platform/wall_clock.hpp"
#include "roll/fhir.hpp"
#include "roll/limits.hpp"
#include "roll/load.hpp"
#include "roll/outcomes.hpp"
#include "roll/stats.hpp"
#include "roll/text.hpp"

#ifndef ROLL_VERSION
#define ROLL_VERSION "0.0.0"
#endif

namespace roll::cli {

namespace {

// The active prescription for the CarePlan: for now the file `--prescription` names, checked as
// `roll lint` checks it (a prescription with errors is not exported).
CheckedPrescription prescription_for_export(Context& ctx, const std::string& file) {
  std::string text;
  try {
    text = platform::read_text_file(file, limits::max_file_bytes);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
  if (!is_prescription_text(text)) {
    throw Failure(exit_usage, fmt::format("{} is not a prescription (its first key is not "
                                          "`prescription = 1`; see docs/prescriptions.md)",
                                          sanitize(file)));
  }
  auto checked = check_prescription(ctx.env, text, file);
  if (!checked.prescription || has_errors(checked.diagnostics)) {
    print_diagnostics(ctx, checked.diagnostics);
    throw Failure(exit_usage,
                  fmt::format("{} has errors and is not exported; `roll lint {}` shows them",
                              sanitize(file), sanitize(file)));
  }
  return checked;
}

// The active prescription (`roll prescription add`) for the CarePlan when --prescription names
// none: its text as stored, checked at the door; each routine titled as its file reads now.
std::optional<CheckedPrescription> active_for_export(Context& ctx, platform::HistoryStore& store) {
  auto stored = store.active_prescription();
  if (!stored) return std::nullopt;
  auto loaded = load_prescription(stored->text, stored->name);
  if (!loaded.prescription) return std::nullopt;
  CheckedPrescription out;
  for (const auto& ref : loaded.prescription->routines) {
    std::string title = ref.text;
    if (!ref.is_file && is_routine_name(ref.text)) {
      if (auto file = platform::find_routine(ctx.env, ref.text)) {
        auto routine = platform::load_routine_file(file->path);
        if (routine.routine) title = routine.routine->title;
      }
    }
    out.routine_titles.push_back(std::move(title));
  }
  out.prescription = std::move(loaded.prescription);
  return out;
}

// The weeks' records as the FHIR builder takes them.
std::string fhir_export(const ReportOptions& options,
                        const std::optional<CheckedPrescription>& prescription,
                        const ReportInput& in, SysSeconds now) {
  FhirInput fhir;
  if (prescription) {
    fhir.prescription = &*prescription->prescription;
    fhir.routine_titles = prescription->routine_titles;
  }
  fhir.patient = {options.patient_name, options.patient_id};
  for (const auto& r : in.sessions) {
    auto day = roll_day(local_start(r), in.day_start_hour);
    if (day >= in.range.first && day <= in.range.last) fhir.sessions.push_back(r);
  }
  // Only ratings on the 0-10 pain scale are pain: the history's before/after ratings ("how does
  // your back feel", 10 fine) are another scale and never exported as pain.
  fhir.pain = pain_ratings(fhir.sessions);
  // The PSFS answers of the same weeks, each by its own roll day.
  for (const auto& a : in.psfs) {
    auto day = roll_day(LocalSeconds{(a.at + a.utc_offset).time_since_epoch()}, in.day_start_hour);
    if (day >= in.range.first && day <= in.range.last) fhir.psfs.push_back(a);
  }
  fhir.now = now;
  fhir.now_offset = platform::to_local(now).time_since_epoch() - now.time_since_epoch();
  fhir.today = in.today;
  return fhir_bundle(fhir) + "\n";
}

void write_file(Context& ctx, const std::string& file, const std::string& text,
                const PageKind& kind) {
  if (file == "-") {
    print_document(ctx, text);
    return;
  }
  try {
    write_page(file, text, kind);
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, e.what());
  }
}

}  // namespace

void declare_report(CommandSpec& roll, ReportOptions& options) {
  auto& cmd = roll.command("report",
                           "Write the last weeks as one HTML page to print or show a "
                           "physiotherapist, or as FHIR for a clinic's system");
  cmd.option("--html", options.html,
             "The HTML file to write (- for standard output); only a report roll wrote is "
             "replaced")
      .value_name("FILE")
      .completes(Completion::file);
  cmd.option("--fhir", options.fhir,
             "The FHIR R4 Bundle (JSON) of the same weeks to write (- for standard output); "
             "only a bundle roll wrote is replaced")
      .value_name("FILE")
      .completes(Completion::file);
  cmd.option("--prescription", options.prescription,
             "With --fhir: the prescription file to export as a CarePlan (checked as `roll "
             "lint` checks it); without it, the active one (roll prescription add)")
      .needs("--fhir")
      .value_name("FILE")
      .completes(Completion::file);
  cmd.option("--patient-name", options.patient_name,
             "With --fhir: the patient's name, for a Patient resource (else the clinic fills "
             "in the patient)")
      .needs("--fhir")
      .value_name("NAME");
  cmd.option("--patient-id", options.patient_id,
             "With --fhir: the clinic's identifier for the patient, for a Patient resource")
      .needs("--fhir")
      .value_name("ID");
  cmd.option("--weeks", options.weeks, "How many weeks, ending with this one")
      .show_default()
      .between(1, 52);
  cmd.footer =
      "\nExamples:\n"
      "  roll report --html back.html\n"
      "  roll report --html back.html --weeks 12\n"
      "  roll report --html - > back.html\n"
      "  roll report --fhir back.fhir.json --prescription thoracic-4-weeks.prescription.toml\n"
      "  roll report --html back.html --fhir back.fhir.json --patient-name \"Jo Example\"\n"
      "\nOne self-contained file (inline SVG and CSS, no scripts, nothing fetched): first the\n"
      "active prescription and its adherence, when there is one (roll prescription add); then\n"
      "pain before and after sessions and the PSFS since the first rating, flagged where the\n"
      "change is meaningful; the adherence calendar, minutes per zone per week, the before/after\n"
      "ratings, pain stops and pressure readings, the routines done (each with the figure of its\n"
      "first step on the roller), and what completed and partial mean. It prints on A4.\n"
      "\n--fhir writes the same weeks as a FHIR R4 Bundle (docs/fhir.md): an Observation per\n"
      "session (LOINC 55411-3, minutes), per pain rating (LOINC 72514-3) and per PSFS answer\n"
      "(each activity and the mean, code.text only), the prescription as a CarePlan\n"
      "(--prescription, else the active one from `roll prescription add`), and a Patient only\n"
      "from --patient-name/--patient-id (nothing is invented). The before/after ratings (how\n"
      "your back feels) are not pain ratings and are not exported as pain.";
}

int run_report(Context& ctx, UserData& user, const ReportOptions& options) {
  using std::chrono::days;
  if (options.html.empty() && options.fhir.empty()) {
    throw Failure(exit_usage, "name a file to write: --html FILE, --fhir FILE, or both");
  }
  if (options.html == "-" && options.fhir == "-") {
    throw Failure(exit_usage, "--html and --fhir cannot both go to standard output");
  }
  if (!options.html.empty() && !options.fhir.empty() && options.html != "-") {
    std::error_code html_ec, fhir_ec;
    auto html = std::filesystem::weakly_canonical(options.html, html_ec);
    auto fhir = std::filesystem::weakly_canonical(options.fhir, fhir_ec);
    if (!html_ec && !fhir_ec && html == fhir) {
      throw Failure(exit_usage, fmt::format("--html and --fhir name the same file, {}; name two",
                                            sanitize(options.html)));
    }
  }
  // Checked before the history is opened: a prescription with errors writes nothing.
  std::optional<CheckedPrescription> prescription;
  if (!options.prescription.empty()) {
    prescription = prescription_for_export(ctx, options.prescription);
  }
  const Profile& profile = user.profile();
  SysSeconds now = now_or_fail(ctx);
  platform::HistoryStore& store = user.history();
  int h = profile.day_start_hour;
  LocalSeconds local_now = platform::to_local(now);
  if (!options.fhir.empty() && !prescription) prescription = active_for_export(ctx, store);

  ReportInput in;
  in.today = roll_day(local_now, h);
  in.range = report_range(in.today, options.weeks);
  in.generated = format_local(local_now);
  in.version = ROLL_VERSION;
  in.day_start_hour = h;
  // A day's margin each side: the page judges each record by its own roll day.
  SysSeconds since =
      platform::from_local(LocalSeconds{(in.range.first - days{1}).time_since_epoch()});
  SessionQuery query;
  query.since = since;
  query.details = true;
  in.sessions = store.sessions(query);
  in.pain_stops = store.pain_stops(since, now + days{3});
  in.rest_days = injury_rest_days(store.injuries(true), platform::process_time_zone(), h);
  for (const auto& p : in.pain_stops)
    in.rest_days.insert(roll_day(LocalSeconds{(p.at + p.utc_offset).time_since_epoch()}, h));
  // The outcome measures since the first rating: their trends are since the start, not the weeks.
  in.pain = pain_ratings(store.rated_sessions(SysSeconds{}));
  in.psfs = store.psfs_answers();
  report_problems(ctx, store);
  // Each routine's figure, from its file as it reads now: a name the history holds is only looked
  // up when it is a routine name (never a path), and one that is gone or does not load has none.
  for (const auto& session : in.sessions) {
    const std::string& name = session.routine_name;
    if (in.figures.count(name) || !is_routine_name(name)) continue;
    auto file = platform::find_routine(ctx.env, name);
    if (!file) continue;
    auto loaded = platform::load_routine_file(file->path);
    if (loaded.routine) in.figures[name] = routine_figure(*loaded.routine);
  }

  std::string fhir =
      options.fhir.empty() ? std::string() : fhir_export(options, prescription, in, now);
  // The active prescription and its adherence, on top of the page.
  std::optional<PrescriptionToday> rx;
  std::vector<Routine> bundled;
  if (!options.html.empty() && store.active_prescription()) {
    bundled = load_bundled_routines(ctx.env);
    DueToday due = due_today(store, platform::process_time_zone(), now, h);
    rx = follow_active_prescription(store, profile, due, &bundled, now, local_now);
    if (rx) {
      in.prescription = &rx->prescription;
      in.adherence = &rx->adherence;
      in.prescription_words = rx->words;
    }
  }
  std::string html = options.html.empty() ? std::string() : html_report(in);
  bool to_stdout = options.html == "-" || options.fhir == "-";
  if (!options.html.empty())
    write_file(ctx, options.html, html, {"a report roll wrote", is_roll_report});
  if (!options.fhir.empty()) {
    write_file(ctx, options.fhir, fhir, {"a FHIR bundle roll wrote", is_roll_fhir_bundle});
  }
  if (to_stdout) return exit_ok;
  for (const std::string* file : {&options.html, &options.fhir}) {
    if (file->empty()) continue;
    fmt::print(ctx.out, "Wrote {} ({} to {}).\n", sanitize(*file), format_date(in.range.first),
               format_date(in.range.last));
  }
  return exit_ok;
}

}  // namespace roll::cli

#pragma once
// Every command, each in its own file under src/cli/commands/, in one shape: its options as plain
// data, `declare_x` describing the command and its options under roll's (cli/command_line.hpp;
// no logic), and `run_x` doing the work with what the parse filled in and returning the exit
// code. app.cpp turns the description into CLI11 and calls run_x, so a command can also be run
// without a parse in a test.
// A command that reads the profile or the history takes the run's UserData (cli/user_data.hpp)
// beside its options; the dispatcher opens each on the command's first use, and once.
#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/context.hpp"
#include "cli/session/session_options.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

struct ListOptions {
  bool json = false;
};
void declare_list(CommandSpec& roll, ListOptions& opts);

// `--no-cache` on `roll list` and `roll lint`, kept for one release after roll stopped keeping a
// cache of routines found clean, since scripts pass it: it does nothing and says so.
inline void declare_no_cache(CommandSpec& command) {
  command.flag("--no-cache", "Deprecated: does nothing (roll keeps no cache); will be removed")
      .deprecated("--no-cache does nothing now (roll keeps no cache) and will be removed");
}
int run_list(Context& ctx, const ListOptions& opts);

struct ShowOptions {
  std::string routine;  // a name or a path
  bool json = false;
  bool no_figures = false;
};
void declare_show(CommandSpec& roll, ShowOptions& opts);
int run_show(Context& ctx, const ShowOptions& opts);

struct LintOptions {
  std::vector<std::string> paths;  // files, directories or routine names; empty: every routine
  bool strict = false;
  bool fix = false;
  bool profile = false;
  std::string format = "text";
};
void declare_lint(CommandSpec& roll, LintOptions& opts);
int run_lint(Context& ctx, UserData& user, const LintOptions& opts);

struct ExplainOptions {
  std::string rule;
};
void declare_explain(CommandSpec& roll, ExplainOptions& opts);
int run_explain(Context& ctx, const ExplainOptions& opts);

struct RulesOptions {
  bool json = false;
};
void declare_rules(CommandSpec& roll, RulesOptions& opts);
int run_rules(Context& ctx, const RulesOptions& opts);

struct RemindOptions {
  std::string at;    // HH:MM
  std::string days;  // mon,wed,... or weekdays, weekends; empty: every day
  bool cron = false;
  bool systemd = false;
  bool ics = false;
  bool install = false;
  bool uninstall = false;
  bool force = false;
};
void declare_remind(CommandSpec& roll, RemindOptions& opts);
int run_remind(Context& ctx, const RemindOptions& opts);

struct InjuryOptions {
  enum class Action { none, add, list, clear, remove, check };
  Action action = Action::none;  // set by the subcommand the parse reached
  std::string zone;              // add
  double hours_ago = -1;
  std::string at;
  std::string note;
  bool json = false;  // list
  long long id = 0;   // clear, delete
  bool id_given = false;
  bool all = false;
  bool yes = false;     // delete
  std::string routine;  // check
};
void declare_injury(CommandSpec& roll, InjuryOptions& opts);
int run_injury(Context& ctx, UserData& user, const InjuryOptions& opts);

struct PrescriptionOptions {
  enum class Action { none, add, list, show, end };
  Action action = Action::none;  // set by the subcommand the parse reached
  std::string file;              // add
  bool json = false;             // show
};
void declare_prescription(CommandSpec& roll, PrescriptionOptions& opts);
int run_prescription(Context& ctx, UserData& user, const PrescriptionOptions& opts);

struct PsfsOptions {
  std::vector<std::string> rates;  // --rate "ACTIVITY=SCORE", for scripts
};
void declare_psfs(CommandSpec& roll, PsfsOptions& opts);
int run_psfs(Context& ctx, UserData& user, const PsfsOptions& opts);

struct NewOptions {
  std::string name;
  std::string from;  // a routine to copy; empty: the template
  bool edit = false;
};
void declare_new(CommandSpec& roll, NewOptions& opts);
int run_new(Context& ctx, UserData& user, const NewOptions& opts);

struct CompletionOptions {
  std::string shell;  // bash, zsh or fish
  bool routines = false;
  bool rules = false;
  const CommandSpec* root = nullptr;  // every command, set by declare_completion
};
void declare_completion(CommandSpec& roll, CompletionOptions& opts);
int run_completion(Context& ctx, const CompletionOptions& opts);

struct DueOptions {
  bool quiet = false;
  bool json = false;
};
void declare_due(CommandSpec& roll, DueOptions& opts);
int run_due(Context& ctx, UserData& user, const DueOptions& opts);

struct LevelOptions {
  std::string level;  // empty: show
};
void declare_level(CommandSpec& roll, LevelOptions& options);
int run_level(Context& ctx, UserData& user, const LevelOptions& options);

struct ProfileOptions {
  enum class Action { none, conditions };
  Action action = Action::none;  // set by the subcommand the parse reached
  // Each of the screening's answers: "yes", "no", "cleared", or empty when not given.
  std::string osteoporosis;
  std::string recent_surgery;
  std::string recent_trauma;
  std::string active_cancer;
  std::string neurological_symptoms;
  std::string muscle_guarding;
};
void declare_profile(CommandSpec& roll, ProfileOptions& opts);
int run_profile(Context& ctx, UserData& user, const ProfileOptions& opts);

struct SuggestOptions {
  std::string tight;
  std::optional<int> minutes;
  std::string save;
  bool start = false;
  double speed = 1.0;
  bool yes = false;
};
void declare_suggest(CommandSpec& roll, SuggestOptions& options);
int run_suggest(Context& ctx, UserData& user, const SuggestOptions& options);

struct ReportOptions {
  std::string html;          // the file, or "-" for stdout; empty for none
  std::string fhir;          // the FHIR bundle's file, or "-"; empty for none
  std::string prescription;  // a prescription file for the bundle's CarePlan
  std::string patient_name;
  std::string patient_id;
  int weeks = 8;
};
void declare_report(CommandSpec& roll, ReportOptions& options);
int run_report(Context& ctx, UserData& user, const ReportOptions& options);

struct HandoutOptions {
  std::string routine;  // a name or a path
  std::string output;   // the file, or "-" for stdout
};
void declare_handout(CommandSpec& roll, HandoutOptions& options);
int run_handout(Context& ctx, const HandoutOptions& options);

struct SyncOptions {
  std::string dir;  // else the profile's sync_dir
  bool status = false;
  bool json = false;
};
void declare_sync(CommandSpec& roll, SyncOptions& options);
int run_sync(Context& ctx, UserData& user, const SyncOptions& options);

struct StatsOptions {
  int weeks = 12;
  bool json = false;
};
void declare_stats(CommandSpec& roll, StatsOptions& opts);
int run_stats(Context& ctx, UserData& user, const StatsOptions& opts);

struct ExportOptions {
  std::string since;
};
struct ImportOptions {
  std::string file;
  bool restore = false;  // records of the file deleted here come back
};
struct HistoryOptions {
  enum class Action {
    show,
    remove,
    add,
    export_records,
    import_records,
    list_deleted,
    restore,
    purge
  };
  Action action = Action::show;  // set by the subcommand the parse reached; none: show
  std::string since;
  int limit = 20;
  bool json = false;
  bool csv = false;
  struct Delete {
    std::string id;
    bool yes = false;
  } del;
  struct Add {
    std::string routine;
    std::string at;
    int minutes = -1;
    std::optional<int> pain_before;  // 0-10, as `roll session --pain-before` takes it
    std::optional<int> pain_after;
  } add;
  ExportOptions exp;
  ImportOptions imp;
  struct Deleted {
    bool json = false;
  } deleted;
  struct Restore {
    std::vector<std::string> ids;
  } restore;
  struct Purge {
    std::string id;
    bool yes = false;
  } purge;
};
void declare_history(CommandSpec& roll, HistoryOptions& opts);
int run_history(Context& ctx, UserData& user, const HistoryOptions& opts);
// `roll history deleted`, `restore` and `purge` (commands/history_deleted.cpp).
void declare_history_deleted(CommandSpec& history, HistoryOptions& opts);
int run_history_deleted(Context& ctx, UserData& user, const HistoryOptions& opts);

// SessionOptions: cli/session/session_options.hpp, shared with the session's flow.
void declare_session(CommandSpec& roll, SessionOptions& args);
int run_session(Context& ctx, UserData& user, const SessionOptions& args);

// Bare `roll` (no command): the today view, in the same shape. Its one option, --json, sits on
// the root command.
struct TodayOptions {
  bool json = false;
};
void declare_today(CommandSpec& roll, TodayOptions& options);
int run_today(Context& ctx, UserData& user, const TodayOptions& options);

}  // namespace roll::cli

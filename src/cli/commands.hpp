#pragma once
// Every command, each in its own file under src/cli/commands/, in one shape: its options as plain
// data, `declare_x` adding the subcommand and binding its options (no logic), and `run_x` doing
// the work with what the parse filled in and returning the exit code. app.cpp joins the two with
// a one-line callback, so a command can also be run without CLI11 in a test.
// A command that reads the profile or the history takes the run's UserData (cli/user_data.hpp)
// beside its options; the dispatcher opens each on the command's first use, and once.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/session/session_options.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

struct ListOptions {
  bool json = false;
  bool no_cache = false;  // parse every routine, and leave the checked-routines cache alone
};
void declare_list(CLI::App& app, ListOptions& opts);
int run_list(Context& ctx, const ListOptions& opts);

struct ShowOptions {
  std::string routine;  // a name or a path
  bool json = false;
};
void declare_show(CLI::App& app, ShowOptions& opts);
int run_show(Context& ctx, const ShowOptions& opts);

struct LintOptions {
  std::vector<std::string> paths;  // files, directories or routine names; empty: every routine
  bool strict = false;
  bool fix = false;
  bool profile = false;
  bool no_cache = false;  // parse every routine, and leave the checked-routines cache alone
  std::string format = "text";
};
void declare_lint(CLI::App& app, LintOptions& opts);
int run_lint(Context& ctx, UserData& user, const LintOptions& opts);

struct ExplainOptions {
  std::string rule;
};
void declare_explain(CLI::App& app, ExplainOptions& opts);
int run_explain(Context& ctx, const ExplainOptions& opts);

struct RulesOptions {
  bool json = false;
};
void declare_rules(CLI::App& app, RulesOptions& opts);
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
void declare_remind(CLI::App& app, RemindOptions& opts);
int run_remind(Context& ctx, const RemindOptions& opts);

struct InjuryOptions {
  enum class Action { none, add, list, clear, check };
  Action action = Action::none;  // set by the subcommand the parse reached
  std::string zone;              // add
  double hours_ago = -1;
  std::string at;
  std::string note;
  bool json = false;  // list
  long long id = 0;   // clear
  bool id_given = false;
  bool all = false;
  std::string routine;  // check
};
void declare_injury(CLI::App& app, InjuryOptions& opts);
int run_injury(Context& ctx, UserData& user, const InjuryOptions& opts);

struct NewOptions {
  std::string name;
  std::string from;  // a routine to copy; empty: the template
  bool edit = false;
};
void declare_new(CLI::App& app, NewOptions& opts);
int run_new(Context& ctx, UserData& user, const NewOptions& opts);

struct CompletionOptions {
  std::string shell;  // bash, zsh or fish
  bool routines = false;
  bool rules = false;
  CLI::App* root = nullptr;  // the whole tree, set by declare_completion
};
void declare_completion(CLI::App& app, CompletionOptions& opts);
int run_completion(Context& ctx, const CompletionOptions& opts);

struct DueOptions {
  bool quiet = false;
};
void declare_due(CLI::App& app, DueOptions& opts);
int run_due(Context& ctx, UserData& user, const DueOptions& opts);

struct LevelOptions {
  std::string level;  // empty: show
};
void declare_level(CLI::App& app, LevelOptions& options);
int run_level(Context& ctx, UserData& user, const LevelOptions& options);

struct SuggestOptions {
  std::string tight;
  std::optional<int> minutes;
  std::string save;
  bool start = false;
  double speed = 1.0;
  bool yes = false;
};
void declare_suggest(CLI::App& app, SuggestOptions& options);
int run_suggest(Context& ctx, UserData& user, const SuggestOptions& options);

struct ReportOptions {
  std::string html;  // the file, or "-" for stdout
  int weeks = 8;
};
void declare_report(CLI::App& app, ReportOptions& options);
int run_report(Context& ctx, UserData& user, const ReportOptions& options);

struct SyncOptions {
  std::string dir;  // else the profile's sync_dir
  bool status = false;
  bool json = false;
};
void declare_sync(CLI::App& app, SyncOptions& options);
int run_sync(Context& ctx, UserData& user, const SyncOptions& options);

struct StatsOptions {
  int weeks = 12;
  bool json = false;
};
void declare_stats(CLI::App& app, StatsOptions& opts);
int run_stats(Context& ctx, UserData& user, const StatsOptions& opts);

struct ExportOptions {
  std::string since;
};
struct ImportOptions {
  std::string file;
  bool restore = false;  // records of the file deleted here come back
};
struct HistoryOptions {
  enum class Action { show, remove, add, export_records, import_records };
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
  } add;
  ExportOptions exp;
  ImportOptions imp;
};
void declare_history(CLI::App& app, HistoryOptions& opts);
int run_history(Context& ctx, UserData& user, const HistoryOptions& opts);

// SessionOptions: cli/session/session_options.hpp, shared with the session's flow.
void declare_session(CLI::App& app, SessionOptions& args);
int run_session(Context& ctx, UserData& user, const SessionOptions& args);

}  // namespace roll::cli

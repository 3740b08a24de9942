#pragma once
// The history database: sessions (written at begin, every step boundary and end), injuries and
// the once-a-day check-in. One SQLite file in WAL mode under $XDG_DATA_HOME/roll.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform/sqlite.hpp"
#include "roll/history.hpp"
#include "roll/injury.hpp"
#include "roll/session_log.hpp"

namespace roll::platform {

// The database cannot be used: unreadable, not a database, or from a newer roll. The message says
// which and what to do; the file is never touched after this.
struct HistoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SessionQuery {
  std::optional<SysSeconds> since;  // started at or after
  std::optional<SysSeconds> until;  // started before
  int limit = 0;                    // 0: all
  bool details = false;             // zone seconds and pressure readings
};

class HistoryStore {
 public:
  static constexpr int kSchemaVersion = 2;
  static constexpr const char* kFileName = "history.sqlite3";

  // Opens (creating the directory and file when missing) and migrates to kSchemaVersion.
  explicit HistoryStore(const std::filesystem::path& file);

  [[nodiscard]] static std::filesystem::path default_file(const std::filesystem::path& data_dir) {
    return data_dir / kFileName;
  }

  long long begin_session(const SessionProgress& progress);
  void update_session(long long id, const SessionProgress& progress);

  [[nodiscard]] std::vector<SessionRecord> sessions(const SessionQuery& query);
  // Calls `visit(start, completed)` for every session begun before `until`, oldest first: what
  // totals and streaks over the whole history need, handed over row by row so that 100 years of
  // sessions never sit in memory twice.
  void visit_session_starts(SysSeconds until, const std::function<void(SysSeconds, bool)>& visit);
  [[nodiscard]] std::size_t count_sessions_before(SysSeconds until);
  // Fills zone_seconds of the records started at or after `since`.
  void attach_zones(std::vector<SessionRecord>& records, SysSeconds since);
  [[nodiscard]] bool any_session(SysSeconds from, SysSeconds to, bool completed_only);

  long long add_injury(const Injury& injury);
  [[nodiscard]] std::vector<Injury> injuries(bool include_cleared);
  bool clear_injury(long long id);
  int clear_all_injuries();

  // The "any fresh injury?" question is asked once per roll day.
  [[nodiscard]] bool checked_in(const std::string& day);
  void record_check_in(const std::string& day, bool answer);

  [[nodiscard]] int schema_version();

 private:
  void configure();
  void migrate();
  // Runs a write; an SQLite error (a full disk, a read-only directory) becomes a HistoryError
  // that names the file and what to check.
  template <class Write>
  auto writing(Write&& write);
  long long begin_session_unguarded(const SessionProgress& progress);
  void update_session_unguarded(long long id, const SessionProgress& progress);
  long long add_injury_unguarded(const Injury& injury);
  bool clear_injury_unguarded(long long id);
  int clear_all_injuries_unguarded();
  void record_check_in_unguarded(const std::string& day, bool answer);
  std::filesystem::path file_;
  sqlite::Database db_;
};

// The SessionLog a session writes to. Every call commits before returning, so what is on disk is
// never more than one step behind the person on the roller.
class SqliteSessionLog final : public SessionLog {
 public:
  explicit SqliteSessionLog(std::unique_ptr<HistoryStore> store) : store_(std::move(store)) {}
  void begin(const SessionProgress& progress) override;
  void update(const SessionProgress& progress) override;
  void end(const SessionProgress& progress) override;
  [[nodiscard]] long long id() const { return id_; }

 private:
  std::unique_ptr<HistoryStore> store_;
  long long id_ = 0;
};

}  // namespace roll::platform

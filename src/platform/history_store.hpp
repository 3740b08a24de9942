#pragma once
// The history database: sessions (written at begin, every step boundary and end), injuries and
// the once-a-day check-in. One SQLite file in WAL mode under $XDG_DATA_HOME/roll.
//
// Every record carries a globally unique id (UUID v7) and the id of the device that made it, and
// a deletion leaves a tombstone with the deleted record's id, who deleted it, when, and a
// version: what a sync between devices needs to merge two histories without losing anything.
// A deleted record is kept, hidden, until a restoration brings it back or `purge` forgets it.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "platform/sqlite.hpp"
#include "roll/history.hpp"
#include "roll/history_reader.hpp"
#include "roll/injury.hpp"
#include "roll/outcomes.hpp"
#include "roll/session_log.hpp"
#include "roll/sync_record.hpp"

namespace roll::platform {

// The database cannot be used: unreadable, not a database, or from a newer roll. The message says
// which and what to do; the file is never touched after this.
struct HistoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// How far a journal file has been written (this device's) or read (another's): whole lines.
struct JournalMark {
  std::int64_t bytes = 0;
  std::int64_t lines = 0;
  // Read up to a point inside a line too long to be a record: the rest of it is skipped.
  bool skipping = false;
  // Another device's journal: the ids besides its own its header lines have listed so far.
  std::vector<std::string> speaks_for;
};

// Which journal this database writes, and how far.
struct SyncSelf {
  std::string device;  // empty before the first sync
  JournalMark journal;
  std::optional<SysSeconds> last_sync;
};

// A record read from a journal or an export, with where it was read ("file:line").
struct IncomingRecord {
  sync::Record record;
  std::string where;
};

// sync: merged from another device's journal (which carries it already). import: merged and
// then appended to this device's journal too, so that it travels on from here.
enum class MergeMode { sync, import };

// A change another device made that a person should hear of: a deletion or restoration, and
// anything that touches a safety gate (an injury cleared or deleted, a pain stop deleted, a
// check-in answered).
struct MergeNotice {
  std::string device;                     // who made the change
  std::string change;                     // "cleared", "deleted", "restored", "answered"
  sync::Kind kind = sync::Kind::session;  // of the record changed
  std::string uid;
  std::string subject;                   // its routine or zone, or a check-in's day; "" unknown
  std::optional<SysSeconds> subject_at;  // when it began or happened, when known
  bool safety = false;                   // shown again on the next bare `roll`
};

struct MergeCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t known = 0;     // held already, or a newer version held
  std::size_t hidden = 0;    // kept hidden (or held so already): it, or its parent, is deleted
  std::size_t left_out = 0;  // refused: named in the problems
  std::vector<MergeNotice> notices;  // the first kMaxNotices
  std::size_t more_notices = 0;
  // With MergeRequest::list_deleted: the records deleted here, as uid and device.
  std::vector<std::pair<std::string, std::string>> deleted_here;
  static constexpr std::size_t kMaxNotices = 50;
};

// What was read and could not be used, "file:line: why": at most a handful per file, then how
// many more, so that a journal of a million bad lines is a few lines on the terminal.
class ProblemLog {
 public:
  static constexpr std::size_t kPerFile = 5;
  void add(std::string_view file, std::string message);
  // "file:line: why" for a record read from `where` ("file:line").
  void add_at(std::string_view where, std::string message);
  [[nodiscard]] std::vector<std::string> lines() const;
  [[nodiscard]] bool empty() const { return order_.empty(); }

 private:
  struct PerFile {
    std::vector<std::string> kept;
    std::size_t more = 0;
  };
  std::map<std::string, PerFile, std::less<>> files_;
  std::vector<std::string> order_;
};

struct MergeRequest {
  MergeMode mode = MergeMode::sync;
  SysSeconds now{};  // what a record's times are checked against
  // This device's id: a clearing or deletion it made itself needs no confirmation here.
  std::string own_device;
  std::map<std::string, JournalMark> positions;  // how far each journal has now been read
  // List the uids of the records merged that are deleted here (MergeCounts::deleted_here).
  bool list_deleted = false;
  // The device whose journal the batch is read from ("" for an import): its records are the
  // authority for that device's; any other device's are provisional until confirmed by theirs.
  std::string journal_device{};
};

// A record deleted and kept, for `roll history deleted`.
struct DeletedRecord {
  sync::Kind kind = sync::Kind::session;
  std::string uid;
  std::string device;      // that made the record ("" when no device's is here: never arrived)
  std::string deleted_by;  // the device
  SysSeconds deleted_at{};
  std::optional<sync::Record> record;  // empty when it is not on this device (purged, or never
                                       // arrived)
  std::size_t children = 0;            // records hanging on it, hidden with it
  bool purged = false;
  bool held = false;  // an injury deleted on another device, still guarding here until confirmed
};

enum class RestoreResult { restored, not_deleted, parent_deleted, unknown, ambiguous };

// What `roll injury clear ID` did.
enum class ClearResult {
  cleared,             // an open injury, now cleared here
  confirmed_clearing,  // cleared on another device; confirmed here
  confirmed_deletion,  // deleted on another device; confirmed here (now hidden)
  not_open,
};

// A change from another device, kept until the next bare `roll` has shown it.
struct StoredNotice {
  long long id = 0;
  MergeNotice notice;
};

// A prescription as `roll prescription add` stored it (docs/prescriptions.md).
struct StoredPrescription {
  std::string uid;
  std::string device;
  std::string name;  // the file's name as added
  std::string text;  // the file's text, checked by the one validator
  std::string from;  // YYYY-MM-DD
  std::string until;
  SysSeconds added_at{};
  std::optional<SysSeconds> ended_at;  // by `roll prescription end`, or by the next one added
};

// Asked only when a record is written: a read-only command never creates the device id.
using DeviceIdSource = std::function<std::string()>;

// Reads (HistoryReader, the part `due`, `stats` and the today view use) and writes the history.
class HistoryStore final : public HistoryReader {
 public:
  static constexpr int kSchemaVersion = 12;
  static constexpr const char* kFileName = "history.sqlite3";

  // Opens (creating the directory and file when missing) and migrates to kSchemaVersion, first
  // copying an older database to <file>.v<N>.bak. A file that is damaged, from a newer roll or
  // not roll's is reported before anything is written to it or its -wal and -shm.
  HistoryStore(const std::filesystem::path& file, DeviceIdSource device = {});

  [[nodiscard]] static std::filesystem::path default_file(const std::filesystem::path& data_dir) {
    return data_dir / kFileName;
  }

  long long begin_session(const SessionProgress& progress);
  void update_session(long long id, const SessionProgress& progress);
  // After a write of session `id` failed (a full disk): marks it interrupted if that still fits,
  // else leaves it as it is (running, which reads as unfinished). Never throws.
  void end_after_failure(long long id) noexcept;

  // Rows roll did not write (a time outside 1970-9999, seconds out of range) are left out of
  // every answer; each is named in problems().
  [[nodiscard]] std::vector<SessionRecord> sessions(const SessionQuery& query) override;
  // The same, one record at a time, newest first: `roll history --limit 0` over a million
  // sessions never holds them all. The visitor may move from the record.
  void visit_sessions(const SessionQuery& query,
                      const std::function<void(SessionRecord&)>& visit) override;
  // Calls `visit(local start, counts as done)` for every session begun before `until`, oldest
  // first: what totals and streaks over the whole history need, handed over row by row so that
  // 100 years of sessions never sit in memory twice.
  void visit_session_starts(SysSeconds until,
                            const std::function<void(LocalSeconds, bool)>& visit) override;
  [[nodiscard]] std::size_t count_sessions_since(SysSeconds since) override;
  // At least the number of sessions begun before `until` (cheap: for sizing a vector).
  [[nodiscard]] std::size_t count_sessions_before(SysSeconds until) override;
  // Fills zone_seconds (and roller_seconds where recorded) of the records started at or after
  // `since`.
  void attach_zones(std::vector<SessionRecord>& records, SysSeconds since) override;
  // The sessions begun at or after `since` with a before or after rating or pain, oldest first,
  // with only their start, UTC offset, routine, uid, ratings and pain (no rehearsals): the trend
  // `roll stats` draws.
  [[nodiscard]] std::vector<SessionRecord> rated_sessions(SysSeconds since);
  // The pressure readings (1-10) of the sessions begun at or after `since` (no rehearsals).
  [[nodiscard]] std::vector<PressureReading> pressures_since(SysSeconds since);

  // "How does your back feel?" (0-10) before or after session `id`; an empty one is left as is.
  void set_ratings(long long id, std::optional<int> before, std::optional<int> after);
  // Pain on the 0-10 scale (0 no pain, 10 the worst imaginable) before or after session `id`; an
  // empty one is left as is.
  void set_pain(long long id, std::optional<int> before, std::optional<int> after);

  // A record is its device and its uid: two devices' records of one uid are two records. `device`
  // "" is whichever device's (the first stored).
  [[nodiscard]] std::optional<SessionRecord> session_by_uid(const std::string& uid,
                                                            const std::string& device = {});
  // The devices whose record with this uid is here: live sessions (`session_devices`), records
  // deleted and not purged (`deleted_devices`), or any record live or deleted (`record_devices`):
  // what a command that takes an id asks, to say when an id names more than one.
  [[nodiscard]] std::vector<std::string> session_devices(const std::string& uid);
  [[nodiscard]] std::vector<std::string> deleted_devices(const std::string& uid);
  [[nodiscard]] std::vector<std::string> record_devices(const std::string& uid);
  // Deletes the session with this uid made by `device` and everything that hangs on it (zones,
  // pressures, skipped steps, its pain stop): hidden and kept, with a tombstone that travels.
  // False when there is none.
  bool delete_session(const std::string& uid, const std::string& device, SysSeconds now);
  // The same for the one session with this uid: false when there is none, or more than one.
  bool delete_session(const std::string& uid, SysSeconds now);
  // The same for an injury (and its clearings), by its local id.
  bool delete_injury(long long id, SysSeconds now);
  // Brings a deleted record back, with what hangs on it; the restoration travels as the
  // tombstone's next version. A record purged here is not restored from here (unknown). `device`
  // "" is any device's: `ambiguous` when records of more than one device with this uid are
  // deleted.
  RestoreResult restore(const std::string& uid, SysSeconds now, const std::string& device = {});
  // Forgets a record for good on this device: deleted first when it is not (that travels), then
  // its kept copy and what hangs on it dropped; a copy that arrives later is not kept. False when
  // the uid is neither held nor deleted here. `device` "" is every device's record of the uid.
  bool purge(const std::string& uid, SysSeconds now, const std::string& device = {});
  // Every deleted record, newest deletion first; a record that hangs on a deleted one is counted
  // with it, not listed.
  void visit_deleted(const std::function<void(const DeletedRecord&)>& visit);

  [[nodiscard]] std::vector<PainStop> pain_stops(SysSeconds from, SysSeconds to) override;

  long long add_injury(const Injury& injury);
  // Open injuries are those not cleared, and those another device cleared or deleted that this
  // device has not confirmed (Injury::lifted_by says which device).
  [[nodiscard]] std::vector<Injury> injuries(bool include_cleared) override;
  // Clears an open injury, or confirms what another device did to it.
  ClearResult clear_injury(long long id, SysSeconds now);

  // Stores a prescription checked by the one validator (record_checks.hpp) and makes it the
  // active one: any other still running ends at `now`. Throws HistoryError with the validator's
  // reason when the record cannot be stored. Returns its uid.
  std::string add_prescription(const std::string& name, const std::string& text,
                               const std::string& from, const std::string& until, SysSeconds now);
  // Every prescription, the first added first.
  [[nodiscard]] std::vector<StoredPrescription> prescriptions();
  // The last one added that has not been ended, if any (its dates may have passed).
  [[nodiscard]] std::optional<StoredPrescription> active_prescription();
  // Ends the active prescription at `now`; false when none is active.
  bool end_prescription(SysSeconds now);

  // Stores one answer to the weekly PSFS question (roll/outcomes.hpp), checked by the one
  // validator first (1-5 activities, each named and rated 0-10); throws HistoryError with its
  // reason when it cannot be stored. Returns its uid.
  std::string add_psfs(const PsfsAnswer& answer, SysSeconds now);
  // Every PSFS answer, the first first.
  [[nodiscard]] std::vector<PsfsAnswer> psfs_answers();

  // Changes from other devices that touch a safety gate, not yet shown by a bare `roll`.
  [[nodiscard]] std::vector<StoredNotice> unseen_notices();
  void mark_notices_seen(long long up_to_id);

  // The "any fresh injury?" question is asked once per roll day.
  [[nodiscard]] bool checked_in(const std::string& day);
  void record_check_in(const std::string& day, bool answer, SysSeconds now);

  [[nodiscard]] int schema_version();

  // For a command that only reads: the reads made while the result lives see one state of the
  // history (a session stored between two of them cannot be half seen), and lock it once.
  // Nothing may be written while it lives.
  [[nodiscard]] sqlite::ReadTransaction read_snapshot() { return sqlite::ReadTransaction(db_); }

  // ---- Sync: history_store_sync.cpp. ----
  // Every record as a sync record, tombstones first and parents before what hangs on them;
  // with `since`, those of that time or later (a session's start for it and all on it). With
  // `hidden_too` (and no `since`), then the deleted records kept here: what a backup holds.
  void visit_records(std::optional<SysSeconds> since,
                     const std::function<void(const sync::Record&)>& visit,
                     bool hidden_too = false);
  // Records written here (or imported) and not yet in this device's journal.
  [[nodiscard]] std::size_t pending_records();
  [[nodiscard]] SyncSelf sync_self();
  // What `append` is handed: the pending records, and the ids besides its own whose records the
  // journal carries (`speaks_for`; `grew` when some are new to it since its header was written).
  struct Outbox {
    std::vector<sync::Record> records;
    std::vector<std::string> speaks_for;
    bool grew = false;
  };
  // In one transaction: hands the pending records to `append` (which writes them to `device`'s
  // journal and returns how far it reaches now, or throws, which leaves them pending), then
  // records that mark. Returns how many were appended.
  std::size_t flush_outbox(const std::string& device,
                           const std::function<JournalMark(const Outbox&)>& append, SysSeconds now);
  // This database's journal becomes `device`'s, from its start; `read` journals (an old id's)
  // are marked as read that far, since this database holds what they hold. With `republish`,
  // the old journal was this device's and lost records (rewound, replaced): everything made
  // under that id is pending again, and the new journal's header lists it.
  void take_journal(const std::string& device, const std::map<std::string, JournalMark>& read,
                    const std::string& republish = {});
  // Everything pending again (this device's journal file is gone).
  void requeue_all();
  [[nodiscard]] std::map<std::string, JournalMark> journal_positions();
  // Applies the records by the rules of roll/sync_merge.hpp, each first checked by
  // roll/record_checks.hpp, in one transaction that also saves the positions (how far each
  // journal has now been read). A record refused, or one that cannot be placed (its session is
  // not in the history), is named in `problems`; the safety notices are kept for the next bare
  // `roll`.
  MergeCounts merge(std::vector<IncomingRecord>& batch, const MergeRequest& request,
                    ProblemLog& problems);

  // One line each for the rows left out of the answers so far, naming the file and the row.
  [[nodiscard]] std::vector<std::string> take_problems();

 private:
  // Returns the schema version it read.
  int configure();
  // The sync outbox's triggers, as TEMP triggers of this connection: created before its first
  // write, so a connection that only reads never parses them.
  void add_outbox_triggers();
  void migrate(int version);
  void backup_to(const std::filesystem::path& target);
  void backfill_ids();
  const std::string& device();
  void problem(std::string message);
  std::optional<SessionRecord> read_session(sqlite::Statement& st);
  void attach_details(SessionRecord& record);
  // Runs a write; an SQLite error (a full disk, a read-only directory) becomes a HistoryError
  // that names the file and what to check.
  template <class Write>
  auto writing(Write&& write);
  long long begin_session_unguarded(const SessionProgress& progress);
  void update_session_unguarded(long long id, const SessionProgress& progress);
  std::filesystem::path file_;
  DeviceIdSource device_source_;
  std::optional<std::string> device_;
  bool directory_checked_ = false;
  bool outbox_triggers_ = false;
  sqlite::Database db_;
  std::vector<std::string> problems_;
  std::size_t problems_left_out_ = 0;
  std::optional<sqlite::Statement> zones_of_;
  std::optional<sqlite::Statement> pressures_of_;
  std::optional<sqlite::Statement> skipped_of_;
  std::optional<sqlite::Statement> holds_of_;
  MergeCounts merge_unguarded(std::vector<IncomingRecord>& batch, const MergeRequest& request,
                              ProblemLog& problems);
};

// The SessionLog a session writes to. Every call commits before returning, so what is on disk is
// never more than one step behind the person on the roller.
class SqliteSessionLog final : public SessionLog {
 public:
  explicit SqliteSessionLog(std::unique_ptr<HistoryStore> store)
      : owned_(std::move(store)), store_(owned_.get()) {}
  // Through a store that outlives the log: the one a command opened for its whole run.
  explicit SqliteSessionLog(HistoryStore& store) : store_(&store) {}
  void begin(const SessionProgress& progress) override;
  void update(const SessionProgress& progress) override;
  void end(const SessionProgress& progress) override;
  [[nodiscard]] long long id() const { return id_; }
  // The rating given before the session, written with its first row.
  void rate_before(int value) { before_ = value; }
  // The pain before the session (0-10), written with its first row.
  void pain_before(int value) { pain_before_ = value; }

 private:
  std::unique_ptr<HistoryStore> owned_;
  HistoryStore* store_;
  long long id_ = 0;
  std::optional<int> before_;
  std::optional<int> pain_before_;
};

}  // namespace roll::platform

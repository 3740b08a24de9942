// The history store at open (platform/history_store.hpp): a file that is damaged, from a newer
// roll or not roll's is reported before anything is written to it or its -wal and -shm; then the
// connection is configured. The errors that name the file and what to do are worded here.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <system_error>

#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"

namespace roll::platform {

namespace history_detail {

// The files a damaged database consists of, those that exist: all of them move together, or
// SQLite would pair the old -wal with the next database.
std::string remedy(const std::filesystem::path& file) {
  std::string moves;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::path part = file.string() + suffix;
    std::error_code ec;
    if (!suffix[0] || std::filesystem::exists(part, ec)) {
      moves += fmt::format("{}mv '{}' '{}.broken'", moves.empty() ? "" : "; ", part.string(),
                           part.string());
    }
  }
  return fmt::format(
      "roll has not changed it. Move it aside with its -wal and -shm files to start a new "
      "history ({}), or restore them from a backup.",
      moves);
}

std::string hint(int code, const std::filesystem::path& file) {
  switch (code) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return " (is the disk full?)";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return fmt::format(" (is {} or the file read-only?)", file.parent_path().string());
    default:
      return "";
  }
}

}  // namespace history_detail

using namespace history_detail;

namespace {

bool is_damage(int code) {
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

// Reads the header and the schema of the file as it lies on disk, without its -wal, and writes
// nothing: a damaged file and its -wal and -shm stay exactly as they were. Returns the
// user_version, or throws SqliteError.
int check_untouched(const std::filesystem::path& file) {
  sqlite::Database db(file, sqlite::Database::Mode::read_only_immutable);
  auto version = db.prepare("PRAGMA user_version");
  int v = version.step() ? static_cast<int>(version.int64(0)) : 0;
  auto schema = db.prepare("SELECT count(*) FROM sqlite_master");
  (void)schema.step();
  return v;
}

// The common case, a history closed cleanly: no -journal and an empty (or no) -wal, so a
// read-write connection has nothing to replay and writes nothing before configure() has read the
// schema. Then the 100-byte header is all that needs checking first, by hand: a second SQLite
// connection parsing the whole schema would cost every short command more than its own work.
bool nothing_to_replay(const std::filesystem::path& file) {
  std::error_code ec;
  auto wal = std::filesystem::file_size(file.string() + "-wal", ec);
  bool wal_empty = ec || wal == 0;
  return wal_empty && !std::filesystem::exists(file.string() + "-journal", ec);
}

// The header's magic and user_version (big-endian at offset 60), read without SQLite; throws
// SqliteError(SQLITE_NOTADB) for a file that is not an SQLite database.
int header_version(const std::filesystem::path& file) {
  std::array<unsigned char, 100> header{};
  ssize_t got = -1;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    got = ::pread(fd, header.data(), header.size(), 0);
    ::close(fd);
  }
  // Unreadable (a directory, no permission, a symlink): the read-write open says what is wrong.
  if (fd < 0 || got < 0) throw sqlite::SqliteError(SQLITE_CANTOPEN, "cannot read the header");
  constexpr std::string_view kMagic("SQLite format 3\0", 16);
  if (got != static_cast<ssize_t>(header.size()) ||
      std::string_view(reinterpret_cast<const char*>(header.data()), kMagic.size()) != kMagic) {
    throw sqlite::SqliteError(SQLITE_NOTADB, "file is not a database");
  }
  std::uint32_t v = (std::uint32_t{header[60]} << 24) | (std::uint32_t{header[61]} << 16) |
                    (std::uint32_t{header[62]} << 8) | std::uint32_t{header[63]};
  return static_cast<int>(static_cast<std::int32_t>(v));
}

}  // namespace

HistoryStore::HistoryStore(const std::filesystem::path& file, DeviceIdSource device)
    : file_(file), device_source_(std::move(device)), db_([&] {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
          throw HistoryError(fmt::format("cannot create the history database's directory {}: {}",
                                         file.parent_path().string(), ec.message()));
        }
        if (std::filesystem::file_size(file, ec) > 0 && !ec) {
          try {
            int version = 0;
            try {
              version = nothing_to_replay(file) ? header_version(file) : check_untouched(file);
            } catch (const sqlite::SqliteError& e) {
              // A page read while another process checkpoints can look torn: look once more
              // before calling a file damaged.
              if (!is_damage(e.code)) throw;
              sqlite::pause_before_retry(4);
              version = check_untouched(file);
            }
            if (version < 0) {
              throw HistoryError(fmt::format(
                  "the history database {} has schema version {}, which no roll writes; {}",
                  file.string(), version, remedy(file)));
            }
            if (version > kSchemaVersion) {
              throw HistoryError(fmt::format(
                  "the history database {} was written by a newer roll (schema {}, this roll "
                  "knows up to {}); roll has not changed it. Upgrade roll to read it.",
                  file.string(), version, kSchemaVersion));
            }
          } catch (const sqlite::SqliteError& e) {
            if (is_damage(e.code)) {
              throw HistoryError(fmt::format("the history database {} is damaged ({}). {}",
                                             file.string(), e.what(), remedy(file)));
            }
            // Busy or unreadable: the read-write open below says what is wrong.
          }
        }
        try {
          return sqlite::Database(file, sqlite::Database::Mode::read_write_create);
        } catch (const sqlite::SqliteError& e) {
          throw HistoryError(fmt::format("cannot open the history database {}: {}{}", file.string(),
                                         e.what(), hint(e.code, file)));
        }
      }()) {
  try {
    int version = sqlite::retry_busy([&] { return configure(); });
    sqlite::retry_busy([&] { migrate(version); });
  } catch (const sqlite::SqliteError& e) {
    if (is_damage(e.code)) {
      throw HistoryError(fmt::format("the history database {} is damaged ({}). {}", file_.string(),
                                     e.what(), remedy(file_)));
    }
    throw HistoryError(fmt::format("cannot use the history database {}: {}{}", file_.string(),
                                   e.what(), hint(e.code, file_)));
  }
}

int HistoryStore::configure() {
  // Waiting up to 5 s for another roll process (a second session ending at the same moment)
  // beats failing: a write takes microseconds.
  sqlite3_busy_timeout(db_.handle(), 5000);
  // The -wal and -shm stay beside the database when the last connection closes (the -wal empty,
  // after the checkpoint): creating, sizing and deleting both files on every run was the largest
  // share of `roll due`'s system time. Nothing is lost: an empty -wal holds nothing.
  int persist = 1;
  sqlite3_file_control(db_.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  // Reading user_version first makes a file that is not SQLite fail here, before anything writes,
  // and a version no roll wrote is refused before the journal mode is touched.
  int version = schema_version();
  if (version < 0) {
    throw HistoryError(
        fmt::format("the history database {} has schema version {}, which no roll writes; {}",
                    file_.string(), version, remedy(file_)));
  }
  if (version > kSchemaVersion) {
    throw HistoryError(
        fmt::format("the history database {} was written by a newer roll (schema {}, this roll "
                    "knows up to {}); roll has not changed it. Upgrade roll to read it.",
                    file_.string(), version, kSchemaVersion));
  }
  // Parsing the schema before anything can write: a file whose header looked right but whose
  // pages are damaged is reported here with nothing changed (the fast path of the constructor
  // checked only the header).
  (void)db_.prepare("SELECT count(*) FROM sqlite_master").step();
  auto mode = db_.prepare("PRAGMA journal_mode=WAL");
  mode.run();
  // With the -wal kept (above), its size is kept too unless limited: truncated to nothing at each
  // checkpoint, a history closed cleanly has an empty -wal, which is what lets the next run skip
  // the full pre-check (nothing_to_replay) and what the size limit tests expect of the files.
  db_.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=0");
  return version;
}

}  // namespace roll::platform

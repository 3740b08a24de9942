#include "platform/sqlite.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <utility>

namespace roll::platform::sqlite {

void fail(sqlite3* db, int code) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  throw SqliteError(code & 0xff, message);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc);
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(db_, rc);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(db_, rc);
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(db_, rc);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  fail(db_, rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void pause_before_retry(int attempt) {
  static thread_local std::minstd_rand jitter{std::random_device{}()};
  int most = 1 << std::min(attempt, 4);
  std::this_thread::sleep_for(
      std::chrono::milliseconds{1 + static_cast<int>(jitter() % 16) % most});
}

namespace {

// A file: URI for `path`, with the characters a URI gives meaning to escaped.
std::string file_uri(const std::filesystem::path& path, std::string_view query) {
  std::string out = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '?' || c == '#' || c == '%' || c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '?';
  out += query;
  return out;
}

}  // namespace

namespace {

// Set once, before SQLite initialises itself. By default each connection takes a bulk page cache
// and writes a free list through all of it, pages a history this small never fills but every
// short command faults in; and SQLite keeps memory statistics, a lock and a counter on every
// allocation, that roll never reads. The threading mode stays SQLite's default: a connection is
// opened without a mutex of its own (roll uses each from one thread), but SQLite's process-wide
// state keeps its locks.
void configure_sqlite_once() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return sqlite3_initialize() == SQLITE_OK;
  }();
  (void)done;
}

}  // namespace

Database::Database(const std::filesystem::path& path, Mode mode) {
  configure_sqlite_once();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::read_write_create) flags |= SQLITE_OPEN_CREATE;
  std::string name = path.string();
  if (mode == Mode::read_only_immutable) {
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    name = file_uri(path, "immutable=1");
  }
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(rc & 0xff, message);
  }
  sqlite3_extended_result_codes(db_, 0);
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

void Database::exec(std::string_view sql) {
  std::string owned(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqliteError(rc & 0xff, text);
  }
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

Transaction::Transaction(Database& db) : db_(db) {
  retry_busy([&] { db_.exec("BEGIN IMMEDIATE"); });
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to do while unwinding
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db) {
  db_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction() {
  try {
    db_.exec("COMMIT");
  } catch (...) {  // NOLINT(bugprone-empty-catch): a read has nothing to keep or lose
  }
}

}  // namespace roll::platform::sqlite

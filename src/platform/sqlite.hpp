#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and an IMMEDIATE
// transaction that rolls back unless committed. Errors become SqliteError with SQLite's message.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace roll::platform::sqlite {

struct SqliteError : std::runtime_error {
  SqliteError(int result_code, const std::string& message)
      : std::runtime_error(message), code(result_code) {}
  int code;  // primary result code (SQLITE_BUSY, SQLITE_NOTADB, ...)
};

// A short, growing, jittered wait (1-16 ms) between retries of a busy database.
void pause_before_retry(int attempt);

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // 1-based, as in SQL.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);

  // true while a row is available.
  bool step();
  // Runs to completion, for statements that return no rows.
  void run();
  void reset();

  [[nodiscard]] std::int64_t int64(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] bool is_null(int column) const;
  Statement& bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // read_only_immutable: reads the main file as it is on disk, never the -wal beside it, and
  // writes nothing at all (no -shm either): for checking a file before anything may change it.
  enum class Mode { read_write_create, read_write, read_only_immutable };
  Database(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  [[nodiscard]] std::int64_t last_insert_id() const;
  [[nodiscard]] int changes() const;
  [[nodiscard]] sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout instead
// of one failing with SQLITE_BUSY halfway through.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// A deferred BEGIN for reads only: every statement until it ends reads one snapshot, and takes
// the WAL's read lock once instead of once per statement. Ends (COMMIT) when destroyed; no write
// may start inside it.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
};

[[noreturn]] void fail(sqlite3* db, int code);

// SQLite returns SQLITE_BUSY without calling the busy handler in a few places (changing the
// journal mode, the first BEGIN on a database another process is creating, a read snapshot gone
// stale), so first use by several processes at once must retry by itself. Runs `f` until it
// stops failing with BUSY or LOCKED or `timeout` has passed; `f` must be safe to run again.
template <class F>
auto retry_busy(F&& f, std::chrono::milliseconds timeout = std::chrono::milliseconds{5000}) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (int attempt = 0;; ++attempt) {
    try {
      return f();
    } catch (const SqliteError& e) {
      if ((e.code != SQLITE_BUSY && e.code != SQLITE_LOCKED) ||
          std::chrono::steady_clock::now() >= deadline)
        throw;
      pause_before_retry(attempt);
    }
  }
}

}  // namespace roll::platform::sqlite

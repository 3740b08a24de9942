#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and an IMMEDIATE
// transaction that rolls back unless committed. Errors become SqliteError with SQLite's message.
#include <sqlite3.h>

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
  [[nodiscard]] int integer(int column) const { return static_cast<int>(int64(column)); }
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode { read_write_create, read_write };
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

[[noreturn]] void fail(sqlite3* db, int code);

}  // namespace roll::platform::sqlite

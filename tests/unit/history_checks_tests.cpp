// The history store at open (src/platform/history_checks.cpp): a damaged, unreadable or newer
// database, or a file that is not SQLite, is reported with the file named and left byte for byte
// as it was, with its -wal and -shm; a history closed cleanly is checked by its header alone.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "calendar.hpp"
#include "fixtures.hpp"
#include "history_fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/ids.hpp"
#include "platform/process_time_zone.hpp"
#include "platform/sqlite.hpp"
#include "platform/wall_clock.hpp"
#include "roll/due.hpp"
#include "roll/stats.hpp"

using namespace roll;
using namespace roll::platform;
using namespace roll::test;
using namespace std::chrono;

TEST_CASE("a corrupt database is reported and left byte for byte as it was") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i)
    garbage[i] = static_cast<char>((i * 131 + 7) % 251);
  {
    std::ofstream out(db.file, std::ios::binary);
    out << garbage;
  }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(message.find("has not changed it") != std::string::npos);
  CHECK(slurp(db.file) == garbage);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + "-wal"));
}

TEST_CASE("an unreadable database is reported, not replaced") {
  if (::geteuid() == 0) {
    // root reads everything; make the path a directory instead, which nobody can open as a file.
    TempDb db;
    std::filesystem::create_directories(db.file);
    CHECK_THROWS_AS(HistoryStore(db.file), HistoryError);
    CHECK(std::filesystem::is_directory(db.file));
    return;
  }
  TempDb db;
  { HistoryStore create(db.file); }
  std::filesystem::permissions(db.file, std::filesystem::perms::none);
  CHECK_THROWS_AS(HistoryStore(db.file), HistoryError);
}

TEST_CASE("a database from a newer roll is refused and not touched") {
  TempDb db;
  { HistoryStore create(db.file); }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.file.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("newer roll (schema 99") != std::string::npos);
}

TEST_CASE("user_version -1: refused with a message naming the file, the file untouched") {
  TempDb db("roll-rec");
  { HistoryStore create(db.file, fixed_device()); }
  sql(db.file, "PRAGMA user_version = -1");
  auto before = slurp(db.file);
  std::string message;
  try {
    HistoryStore store(db.file, fixed_device());
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("schema version -1") != std::string::npos);
  CHECK(message.find(db.file.string()) != std::string::npos);
  CHECK(slurp(db.file) == before);
}

TEST_CASE(
    "a damaged database with a -wal and -shm beside it: all three left exactly as they were") {
  TempDb db("roll-rec");
  std::filesystem::create_directories(db.file.parent_path());
  // A real -wal (from a database that had writes not yet checkpointed), beside a damaged file.
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.file.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw,
                         "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    // Copy the files while the connection holds them, as a crash would leave them.
    std::filesystem::copy_file(db.file.string() + "-wal", db.dir / "wal");
    std::filesystem::copy_file(db.file.string() + "-shm", db.dir / "shm");
    sqlite3_close(raw);
  }
  std::string garbage(8192, 'x');
  std::ofstream(db.file, std::ios::binary | std::ios::trunc) << garbage;
  std::filesystem::copy_file(db.dir / "wal", db.file.string() + "-wal");
  std::filesystem::copy_file(db.dir / "shm", db.file.string() + "-shm");
  auto wal = slurp(db.file.string() + "-wal");
  auto shm = slurp(db.file.string() + "-shm");
  REQUIRE_FALSE(wal.empty());
  std::string message;
  try {
    HistoryStore store(db.file, fixed_device());
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(message.find("-wal.broken") != std::string::npos);
  CHECK(message.find("-shm.broken") != std::string::npos);
  CHECK(slurp(db.file) == garbage);
  CHECK(slurp(db.file.string() + "-wal") == wal);
  CHECK(slurp(db.file.string() + "-shm") == shm);
}

// Issue #13's start-up: a history closed cleanly is checked by its header alone before the
// read-write open, so these pin down what that fast path still catches and leaves alone.
TEST_CASE("a history closed cleanly keeps an empty -wal, so the next open has nothing to replay") {
  TempDb db;
  { HistoryStore store(db.file); }
  REQUIRE(std::filesystem::exists(db.file.string() + "-wal"));
  CHECK(std::filesystem::file_size(db.file.string() + "-wal") == 0);
}

TEST_CASE("a damaged schema page behind a sound header is reported and the file left as it was") {
  TempDb db;
  { HistoryStore store(db.file); }
  std::string bytes = slurp(db.file);
  REQUIRE(bytes.size() > 4096);
  // Page 1 past the 100-byte header holds the schema: scribble over it, keep the header.
  for (std::size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>((i * 37 + 11) % 256);
  { std::ofstream(db.file, std::ios::binary | std::ios::trunc) << bytes; }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(slurp(db.file) == bytes);
  CHECK(std::filesystem::file_size(db.file.string() + "-wal") == 0);
}

TEST_CASE("a file that is not SQLite is refused by its header, before SQLite opens it") {
  TempDb db;
  std::filesystem::create_directories(db.file.parent_path());
  std::string junk = "SQLite format 2\n" + std::string(200, 'x');
  { std::ofstream(db.file, std::ios::binary) << junk; }
  std::string message;
  try {
    HistoryStore store(db.file);
  } catch (const HistoryError& e) {
    message = e.what();
  }
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(slurp(db.file) == junk);
  CHECK_FALSE(std::filesystem::exists(db.file.string() + "-wal"));
}

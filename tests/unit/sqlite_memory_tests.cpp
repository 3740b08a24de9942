// The pools SQLite allocates from (platform/sqlite_memory.hpp), driven through the same methods
// SQLite calls: alignment, sizes, contents kept across a realloc, reuse, and a long random run
// checked against a model. Under AddressSanitizer the methods are still tested here, but SQLite
// itself keeps malloc so that the sanitizer sees its blocks.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/sqlite_memory.hpp"

namespace {

const sqlite3_mem_methods& methods() {
  return roll::platform::sqlite::pooled_memory();
}

bool aligned(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % 16 == 0;
}

struct Block {
  unsigned char* p;
  int size;
  unsigned char fill;
};

void fill(const Block& b) {
  std::memset(b.p, b.fill, static_cast<std::size_t>(b.size));
}

bool intact(const Block& b) {
  for (int i = 0; i < b.size; ++i) {
    if (b.p[i] != b.fill) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("sqlite memory: every size is aligned, as big as asked, and apart from the others") {
  std::vector<Block> blocks;
  for (int n = 1; n <= 2100; n += 7) {
    auto* p = static_cast<unsigned char*>(methods().xMalloc(n));
    REQUIRE(p != nullptr);
    CHECK(aligned(p));
    CHECK(methods().xSize(p) >= n);
    blocks.push_back({p, methods().xSize(p), static_cast<unsigned char>(n)});
    fill(blocks.back());
  }
  for (const auto& b : blocks) CHECK(intact(b));
  for (const auto& b : blocks) methods().xFree(b.p);
}

TEST_CASE("sqlite memory: nothing asked is nothing given, and freeing nothing is harmless") {
  CHECK(methods().xMalloc(0) == nullptr);
  CHECK(methods().xMalloc(-5) == nullptr);
  methods().xFree(nullptr);
  CHECK(methods().xSize(nullptr) == 0);
  CHECK(methods().xRoundup(1) == 8);
  CHECK(methods().xRoundup(8) == 8);
  CHECK(methods().xRoundup(1001) == 1008);
  CHECK(methods().xInit(nullptr) == SQLITE_OK);
  void* p = methods().xRealloc(nullptr, 40);  // realloc of nothing allocates
  REQUIRE(p != nullptr);
  CHECK(methods().xSize(p) >= 40);
  methods().xFree(p);
}

TEST_CASE("sqlite memory: a realloc keeps the contents, in place when they fit") {
  for (int start : {10, 200, 1000, 5000}) {
    CAPTURE(start);
    auto* p = static_cast<unsigned char*>(methods().xMalloc(start));
    REQUIRE(p != nullptr);
    for (int i = 0; i < start; ++i) p[i] = static_cast<unsigned char>(i * 31);
    // Smaller, or no bigger than the block already is: the same block.
    CHECK(methods().xRealloc(p, start / 2) == p);
    CHECK(methods().xRealloc(p, methods().xSize(p)) == p);
    // Across the classes and into malloc's blocks and back.
    for (int n : {start * 3, 1500, 70000}) {
      auto* q = static_cast<unsigned char*>(methods().xRealloc(p, n));
      REQUIRE(q != nullptr);
      CHECK(aligned(q));
      CHECK(methods().xSize(q) >= n);
      bool same = true;
      for (int i = 0; i < start; ++i) same = same && q[i] == static_cast<unsigned char>(i * 31);
      CHECK(same);
      p = q;
    }
    methods().xFree(p);
  }
}

TEST_CASE("sqlite memory: a freed block is given again to the next of its size") {
  void* a = methods().xMalloc(100);
  methods().xFree(a);
  void* b = methods().xMalloc(97);  // the same 16-byte class
  CHECK(b == a);
  void* c = methods().xMalloc(300);  // another class: another block
  CHECK(c != a);
  methods().xFree(b);
  methods().xFree(c);
}

TEST_CASE("sqlite memory: 200,000 random mallocs, reallocs and frees against a model") {
  std::mt19937 random(20261202);
  std::uniform_int_distribution<int> op(0, 9);
  std::uniform_int_distribution<int> small(1, 1100);
  std::uniform_int_distribution<int> large(1, 20000);
  std::vector<Block> live;
  for (int i = 0; i < 200000; ++i) {
    int what = op(random);
    if (what < 5 || live.empty()) {
      int n = what == 0 ? large(random) : small(random);
      auto* p = static_cast<unsigned char*>(methods().xMalloc(n));
      REQUIRE(p != nullptr);
      live.push_back({p, n, static_cast<unsigned char>(random())});
      fill(live.back());
    } else {
      std::size_t k = std::uniform_int_distribution<std::size_t>(0, live.size() - 1)(random);
      Block b = live[k];
      if (!intact(b)) {
        FAIL("block " << k << " of " << b.size << " bytes was overwritten");
      }
      if (what < 8) {
        live[k] = live.back();
        live.pop_back();
        methods().xFree(b.p);
      } else {
        int n = what == 8 ? small(random) : large(random);
        auto* q = static_cast<unsigned char*>(methods().xRealloc(b.p, n));
        REQUIRE(q != nullptr);
        Block grown{q, n, b.fill};
        for (int j = 0; j < std::min(n, b.size); ++j) {
          if (q[j] != b.fill) FAIL("realloc lost byte " << j);
        }
        fill(grown);
        live[k] = grown;
      }
    }
  }
  for (const auto& b : live) {
    CHECK(intact(b));
    methods().xFree(b.p);
  }
}

TEST_CASE("sqlite memory: SQLite allocates from the pools, outside AddressSanitizer") {
  // Opening a history configures SQLite (platform/sqlite.cpp) before it initialises: CTest runs
  // each case in a process of its own, so no test that opens SQLite by hand has gone first.
  roll::test::TempDb db;
  roll::platform::HistoryStore store(db.file);
  void* p = sqlite3_malloc(100);
  REQUIRE(p != nullptr);
  // The pools round 100 bytes up to a 128-byte class (112 usable); SQLite's own malloc wrapper
  // would answer 104.
  if (roll::platform::sqlite::kPoolSqliteMemory) {
    CHECK(sqlite3_msize(p) == 112);
  } else {
    CHECK(sqlite3_msize(p) != 112);
  }
  sqlite3_free(p);
}

#include "platform/sqlite_memory.hpp"

#include <array>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace roll::platform::sqlite {

namespace {

// Every block starts with a 16-byte header (keeping the block 16-byte aligned) that records its
// size class: SQLite's xFree and xSize are given the pointer only.
constexpr std::size_t kHeader = 16;
constexpr std::size_t kGrain = 16;
// Blocks up to this size (header included) come from the classes; larger ones (page-cache
// pages, big result strings) from malloc directly.
constexpr std::size_t kLargestClassBlock = 1024;
constexpr std::size_t kClasses = kLargestClassBlock / kGrain;
// Small blocks are carved from chunks this big, each a single malloc.
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kFromMalloc = 0;  // the class recorded for a block malloc'd on its own

struct FreeBlock {
  FreeBlock* next;
};

struct Pools {
  std::array<FreeBlock*, kClasses + 1> free{};  // by class, 1..kClasses
  std::byte* chunk_next = nullptr;
  std::byte* chunk_end = nullptr;
};

// Never destroyed: SQLite may free after static destructors have run.
Pools& pools() {
  static auto* p = new Pools();
  return *p;
}

std::size_t& class_of(void* p) {
  return *reinterpret_cast<std::size_t*>(static_cast<std::byte*>(p) - kHeader);
}

std::size_t usable_bytes(std::size_t cls, void* p) {
  if (cls != kFromMalloc) return cls * kGrain - kHeader;
  return *reinterpret_cast<std::size_t*>(static_cast<std::byte*>(p) - kHeader +
                                         sizeof(std::size_t));
}

void* allocate(int n) {
  if (n <= 0) return nullptr;
  std::size_t total = static_cast<std::size_t>(n) + kHeader;
  if (total > kLargestClassBlock) {
    auto* base = static_cast<std::byte*>(std::malloc(total));
    if (base == nullptr) return nullptr;  // SQLite reports SQLITE_NOMEM
    auto* words = reinterpret_cast<std::size_t*>(base);
    words[0] = kFromMalloc;
    words[1] = static_cast<std::size_t>(n);
    return base + kHeader;
  }
  std::size_t cls = (total + kGrain - 1) / kGrain;
  Pools& all = pools();
  std::byte* base = nullptr;
  if (FreeBlock* reused = all.free[cls]) {
    all.free[cls] = reused->next;
    base = reinterpret_cast<std::byte*>(reused) - kHeader;
  } else {
    std::size_t bytes = cls * kGrain;
    if (static_cast<std::size_t>(all.chunk_end - all.chunk_next) < bytes) {
      // The rest of the old chunk is left unused: less than one block of this size.
      auto* chunk = static_cast<std::byte*>(std::malloc(kChunkBytes));
      if (chunk == nullptr) return nullptr;
      all.chunk_next = chunk;
      all.chunk_end = chunk + kChunkBytes;
    }
    base = all.chunk_next;
    all.chunk_next += bytes;
  }
  *reinterpret_cast<std::size_t*>(base) = cls;
  return base + kHeader;
}

void release(void* p) {
  if (p == nullptr) return;
  std::size_t cls = class_of(p);
  if (cls == kFromMalloc) {
    std::free(static_cast<std::byte*>(p) - kHeader);
    return;
  }
  Pools& all = pools();
  auto* block = static_cast<FreeBlock*>(p);
  block->next = all.free[cls];
  all.free[cls] = block;
}

int size(void* p) {
  return p == nullptr ? 0 : static_cast<int>(usable_bytes(class_of(p), p));
}

void* reallocate(void* p, int n) {
  if (p == nullptr) return allocate(n);
  std::size_t old = usable_bytes(class_of(p), p);
  if (n > 0 && static_cast<std::size_t>(n) <= old) return p;  // it fits where it is
  void* q = allocate(n);
  if (q == nullptr) return nullptr;  // the old block stays valid, as with realloc
  std::memcpy(q, p, old);
  release(p);
  return q;
}

int round_up(int n) {
  return (n + 7) & ~7;
}

int init(void*) {
  return SQLITE_OK;
}

void shutdown(void*) {}

}  // namespace

const sqlite3_mem_methods& pooled_memory() {
  static const sqlite3_mem_methods methods{allocate, release, reallocate, size,
                                           round_up, init,    shutdown,   nullptr};
  return methods;
}

}  // namespace roll::platform::sqlite

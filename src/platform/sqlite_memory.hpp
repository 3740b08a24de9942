#pragma once
// The memory SQLite allocates from in roll: size-class pools from the standard library
// (std::pmr::unsynchronized_pool_resource) instead of one malloc and one free per object.
//
// Debian builds SQLite without its lookaside allocator (SQLITE_OMIT_LOOKASIDE), so every parsed
// token, expression and column name of the schema is a malloc of its own: about 800 per `roll
// due`, a fifth of all the instructions it ran (callgrind, tests/bench/RESULTS.md). Pools take
// them from a few chunks and reuse what is freed, size by size.
//
// Single-threaded by design: roll runs SQLite on one thread only, and configures SQLite so
// (SQLITE_CONFIG_SINGLETHREAD) in the same call.
#include <sqlite3.h>

namespace roll::platform::sqlite {

// Under AddressSanitizer SQLite keeps malloc, so that the sanitizer sees each of its blocks.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kPoolSqliteMemory = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kPoolSqliteMemory = false;
#else
inline constexpr bool kPoolSqliteMemory = true;
#endif
#else
inline constexpr bool kPoolSqliteMemory = true;
#endif

// The methods to hand to sqlite3_config(SQLITE_CONFIG_MALLOC, ...): 8-byte aligned blocks,
// xSize answering the size asked for (rounded up by xRoundup), nullptr when memory runs out.
[[nodiscard]] const sqlite3_mem_methods& pooled_memory();

}  // namespace roll::platform::sqlite

#pragma once
// The memory SQLite allocates from in roll: a free list per 16-byte size class, carved from 64 kB
// chunks, instead of one malloc and one free per object. (std::pmr::unsynchronized_pool_resource
// was measured first: slower than malloc, as it searches its pools and chunks on every call.)
//
// Debian builds SQLite without its lookaside allocator (SQLITE_OMIT_LOOKASIDE), so every parsed
// token, expression and column name of the schema is a malloc of its own: about 800 per `roll
// due`, a fifth of all the instructions it ran (callgrind, tests/bench/RESULTS.md). Pools take
// them from a few chunks and reuse what is freed, size by size.
//
// Single-threaded by design: roll runs SQLite on one thread only, and configures SQLite so
// (SQLITE_CONFIG_SINGLETHREAD) in the same call.
#include <sqlite3.h>

#include "platform/sanitizer.hpp"

namespace roll::platform::sqlite {

// Under AddressSanitizer SQLite keeps malloc, so that the sanitizer sees each of its blocks.
inline constexpr bool kPoolSqliteMemory = !platform::kAddressSanitizer;

// The methods to hand to sqlite3_config(SQLITE_CONFIG_MALLOC, ...): 8-byte aligned blocks,
// xSize answering the size asked for (rounded up by xRoundup), nullptr when memory runs out.
[[nodiscard]] const sqlite3_mem_methods& pooled_memory();

}  // namespace roll::platform::sqlite

#pragma once
// Hard limits on routine input. Far above any real routine, low enough that no file can make
// roll use absurd memory or time. Every limit has its own clear diagnostic.
#include <cstddef>

namespace roll::limits {

inline constexpr std::size_t max_file_bytes = 1024 * 1024;  // 1 MiB
inline constexpr std::size_t max_steps = 200;
// String lengths count characters (code points), as JSON Schema's maxLength does, so the schema and
// the loader agree on 150 x "é"; the 1 MiB file cap bounds the bytes.
inline constexpr std::size_t max_string_chars = 4096;       // cue, summary
inline constexpr std::size_t max_short_string_chars = 200;  // name, title, zone, source
inline constexpr std::size_t max_list_items = 64;           // sources, allow
inline constexpr int max_nesting_depth = 16;                // brackets/braces before the parser
inline constexpr std::size_t max_dotted_key_parts = 32;
inline constexpr int max_step_seconds = 60 * 60;  // one step at one spot: 1 h
inline constexpr int max_breaths = 100;
inline constexpr int max_reps = 500;
inline constexpr int max_positions = 50;
inline constexpr int max_breath_phase_seconds = 60;
inline constexpr int max_rep_seconds = 60;
inline constexpr int max_total_seconds = 4 * 60 * 60;  // the whole routine: 4 h
inline constexpr int max_injury_hours = 24 * 365;

}  // namespace roll::limits

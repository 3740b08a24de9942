#pragma once
// What a writer to the sync folder can put there, written as that writer would: journal lines
// as plain text, for the attacks of tests/e2e/sync_attack_tests.cpp and tests/cli/sync_tests.cpp
// (tests/SECURITY.md, "The sync folder"). Built from text, not from roll's own encoder, since an
// attacker uses none.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace roll::test {

// A device id anyone can take: the journal's file name is all it needs.
inline constexpr const char* kHostile = "01890a5d-ac96-774b-bcce-b3020999dead";
// 2026-11-23T21:00:00Z, the "now" of every sync device (sync_devices.hpp).
inline constexpr std::int64_t kSyncNow = 1795467600;

inline std::string header_line(const std::string& device, const std::string& replaces = "") {
  if (replaces.empty()) return fmt::format(R"({{"roll_journal":1,"device":"{}"}})", device);
  return fmt::format(R"({{"roll_journal":1,"device":"{}","replaces":"{}"}})", device, replaces);
}

struct SessionLine {
  std::string uid;
  std::string device = kHostile;
  std::string routine = "bedtime";
  std::int64_t started = kSyncNow - 3600;
  std::int64_t ended = kSyncNow - 3300;
  std::int64_t planned = 300;
  std::int64_t completed = 300;
  std::string status = "completed";
  std::string utc_offset = "0";
};

inline std::string line(const SessionLine& s) {
  return fmt::format(
      R"({{"v":1,"kind":"session","uid":"{}","device":"{}","fields":{{"routine":"{}","title":"T",)"
      R"("started_at":{},"ended_at":{},"planned_seconds":{},"completed_seconds":{},)"
      R"("status":"{}","origin":"live","utc_offset":{},"rating_before":null,"rating_after":null}}}})",
      s.uid, s.device, s.routine, s.started, s.ended, s.planned, s.completed, s.status,
      s.utc_offset);
}

inline std::string tombstone_line(const std::string& uid, const std::string& of,
                                  const std::string& device = kHostile,
                                  std::int64_t at = kSyncNow - 60) {
  return fmt::format(
      R"({{"v":1,"kind":"tombstone","uid":"{}","device":"{}","fields":{{"of":"{}","deleted_at":{}}}}})",
      uid, device, of, at);
}

inline std::string check_in_line(const std::string& uid, const std::string& day,
                                 const std::string& device = kHostile,
                                 std::int64_t at = kSyncNow - 60) {
  return fmt::format(
      R"({{"v":1,"kind":"check_in","uid":"{}","device":"{}","fields":{{"day":"{}","answer":false,"at":{}}}}})",
      uid, device, day, at);
}

inline std::string clearing_line(const std::string& uid, const std::string& injury, std::int64_t at,
                                 const std::string& device = kHostile) {
  return fmt::format(
      R"({{"v":1,"kind":"injury_clearing","uid":"{}","device":"{}","fields":{{"injury":"{}","at":{}}}}})",
      uid, device, injury, at);
}

inline std::string injury_line(const std::string& uid, const std::string& device,
                               const std::string& zone, std::int64_t at, bool cleared = false) {
  return fmt::format(
      R"({{"v":1,"kind":"injury","uid":"{}","device":"{}","fields":{{"zone":"{}","at":{},"note":"","cleared":{}}}}})",
      uid, device, zone, at, cleared ? "true" : "false");
}

inline std::string pain_stop_line(const std::string& uid, const std::string& session,
                                  std::int64_t at, const std::string& device = kHostile) {
  return fmt::format(
      R"({{"v":1,"kind":"pain_stop","uid":"{}","device":"{}","fields":{{"session":"{}","at":{},"utc_offset":0,"zone":"thoracic"}}}})",
      uid, device, session, at);
}

inline std::string pressure_line(const std::string& uid, const std::string& session,
                                 const std::string& value, const std::string& device = kHostile) {
  return fmt::format(
      R"({{"v":1,"kind":"pressure","uid":"{}","device":"{}","fields":{{"session":"{}","at_seconds":5,"value":{},"zone":"thoracic"}}}})",
      uid, device, session, value);
}

// A uid made from a number: 01890a5d-ac96-7000-8000-00000000NNNN.
inline std::string fake_uid(int n) {
  return fmt::format("01890a5d-ac96-7000-8000-{:012x}", n);
}

// <dir>/<device>.ndjson holding `lines` (the header first, unless `header` is false), each
// ending in a newline: written over whatever was there.
inline std::filesystem::path plant_journal(const std::filesystem::path& dir,
                                           const std::string& device,
                                           const std::vector<std::string>& lines,
                                           bool header = true) {
  auto file = dir / (device + ".ndjson");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (header) out << header_line(device) << '\n';
  for (const auto& l : lines) out << l << '\n';
  return file;
}

// The value of "key":"..." in a journal line, or "".
inline std::string member(const std::string& line, const std::string& key) {
  auto at = line.find("\"" + key + "\":\"");
  if (at == std::string::npos) return "";
  at += key.size() + 4;
  return line.substr(at, line.find('"', at) - at);
}

}  // namespace roll::test

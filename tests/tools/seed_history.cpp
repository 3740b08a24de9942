// Test-only: writes sessions straight into a history database through the real store, so the
// end-to-end tests can check history, stats and due without running sessions in real time.
//
//   roll_seed_history DB < lines
//   each line: ROUTINE START STATUS COMPLETED_SECONDS [ZONE=SECONDS ...] [origin=ORIGIN]
//               [hold=STEP:AT:DELTA ...]
//   START is ISO 8601 (2026-11-23T21:30:00Z); STATUS is completed, partial, quit, pain-stop,
//   interrupted or running (a session whose process died). A pain-stop also stores its pain
//   stop record, on the first zone given. ORIGIN is live (the default), rehearsal or by-hand.
//   hold=STEP:AT:DELTA (any number of them) stores a + or - (STEP counts from 1).
//   The UTC offset stored is that of the TZ the tool runs in. before=N and after=N set the
//   0-10 ratings (written straight into their columns: the store's writer for them belongs to
//   the ratings' own code); pain_before=N and pain_after=N the 0-10 pain (through the store's
//   set_pain); pressure=ZONE:VALUE adds a pressure reading (repeatable).
#include <fmt/core.h>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "platform/history_store.hpp"
#include "platform/sqlite.hpp"
#include "platform/wall_clock.hpp"

int main(int argc, char** argv) {
  using namespace roll;
  if (argc != 2) {
    fmt::print(stderr, "usage: roll_seed_history DB < sessions\n");
    return 2;
  }
  try {
    platform::HistoryStore store(
        argv[1], [] { return std::string("01890a5d-ac96-774b-bcce-b302099a8057"); });
    std::string line;
    while (std::getline(std::cin, line)) {
      std::istringstream in(line);
      std::string routine, start, status;
      int completed = 0;
      if (!(in >> routine >> start >> status >> completed)) continue;
      auto parsed = parse_time(start);
      if (!parsed) {
        fmt::print(stderr, "bad time: {}\n", start);
        return 2;
      }
      SessionProgress p;
      p.routine_name = routine;
      p.routine_title = "Seeded " + routine;
      p.started_at = platform::to_sys(*parsed);
      p.ended_at = p.started_at + std::chrono::seconds{completed};
      p.planned_seconds = 300;
      p.completed_seconds = completed;
      std::string zone;
      std::string first_zone;
      std::optional<std::int64_t> before, after;
      std::optional<int> pain_before, pain_after;
      while (in >> zone) {
        auto eq = zone.find('=');
        if (eq == std::string::npos) continue;
        if (zone.substr(0, eq) == "origin") {
          p.origin = parse_origin(zone.substr(eq + 1));
          continue;
        }
        if (zone.substr(0, eq) == "hold") {  // hold=STEP:AT:DELTA, STEP counting from 1
          HoldChange h;
          char colon = 0;
          std::istringstream parts(zone.substr(eq + 1));
          parts >> h.step >> colon >> h.at_seconds >> colon >> h.seconds;
          p.hold_changes.push_back(h);
          continue;
        }
        if (zone.substr(0, eq) == "pain_before" || zone.substr(0, eq) == "pain_after") {
          (zone[5] == 'b' ? pain_before : pain_after) = std::stoi(zone.substr(eq + 1));
          continue;
        }
        if (zone.substr(0, eq) == "before" || zone.substr(0, eq) == "after") {
          (zone[0] == 'b' ? before : after) = std::stoi(zone.substr(eq + 1));
          continue;
        }
        if (zone.substr(0, eq) == "pressure") {
          auto colon = zone.find(':', eq);
          if (colon == std::string::npos) continue;
          int at = static_cast<int>(p.pressures.size()) * 30;
          p.pressures.push_back(
              {at, std::stoi(zone.substr(colon + 1)), zone.substr(eq + 1, colon - eq - 1)});
          continue;
        }
        if (first_zone.empty()) first_zone = zone.substr(0, eq);
        p.zone_seconds[zone.substr(0, eq)] = std::stoi(zone.substr(eq + 1));
      }
      long long id = store.begin_session(p);
      if (before || after) {
        platform::sqlite::Database db(argv[1], platform::sqlite::Database::Mode::read_write);
        db.prepare("UPDATE sessions SET rating_before = ?, rating_after = ? WHERE id = ?")
            .bind(1, before)
            .bind(2, after)
            .bind(3, static_cast<std::int64_t>(id))
            .run();
      }
      if (pain_before || pain_after) store.set_pain(id, pain_before, pain_after);
      if (status == "running") continue;
      p.status = parse_status(status);
      if (p.status == SessionStatus::pain_stop) p.pain_zone = first_zone;
      store.update_session(id, p);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "roll_seed_history: {}\n", e.what());
    return 2;
  }
  return 0;
}

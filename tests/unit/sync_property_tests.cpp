// The property of issue 20, in process: three devices (three data and state folders, one shared
// sync folder) make random sessions, injuries, clearings and deletions and sync in random
// orders, any number of times; once each has synced twice more, all hold the same records
// (same uids, same fields), none twice, deletions everywhere, and the same stats.
//
// One fixed seed runs in the suite; ROLL_SYNC_SEEDS=1000 runs seeds 1..1000 instead. The hostile
// property runs a new seed each time (ROLL_SYNC_SEED=N runs seed N again).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/ids.hpp"
#include "platform/journal.hpp"
#include "platform/process_time_zone.hpp"
#include "roll/record_checks.hpp"
#include "roll/stats.hpp"
#include "roll/sync_merge.hpp"
#include "roll/sync_record.hpp"

using namespace roll;
using namespace roll::platform;

namespace {

const SysSeconds kNow{std::chrono::seconds{1795467600}};  // 2026-11-23T21:00:00Z

struct SimDevice {
  std::filesystem::path root;
  std::unique_ptr<HistoryStore> store;
  SimDevice(const std::filesystem::path& base, int n) : root(base / fmt::format("device{}", n)) {
    auto state = root / "state";
    store = std::make_unique<HistoryStore>(HistoryStore::default_file(root / "data" / "roll"),
                                           [state] { return device_id(state); });
  }
  SyncReport sync(const std::filesystem::path& dir) {
    return sync_folder(*store, {dir, root / "data" / "roll", root / "state", kNow});
  }
};

std::multiset<std::string> records_of(HistoryStore& store) {
  std::multiset<std::string> out;
  store.visit_records(std::nullopt, [&](const sync::Record& r) { out.insert(sync::encode(r)); });
  return out;
}

std::string stats_of(HistoryStore& store) {
  Stats s = gather_stats(store, platform::process_time_zone(), kNow, 4, 60);
  std::string out = fmt::format("streak {} {} total {} {}\n", s.streaks.current, s.streaks.longest,
                                s.total_sessions, s.total_completed);
  for (const auto& w : s.weeks)
    out += fmt::format("{} {} {}; ", w.sessions, w.completed, w.seconds);
  for (const auto& [zone, secs] : s.zone_seconds) out += fmt::format("{}={} ", zone, secs);
  return out;
}

void run_seed(std::uint64_t seed) {
  CAPTURE(seed);
  roll::test::TempDb tmp("roll-sync-prop");
  auto dir = tmp.dir / "shared";
  std::filesystem::create_directories(dir);
  std::vector<SimDevice> devices;
  for (int i = 0; i < 3; ++i) devices.emplace_back(tmp.dir, i);
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::set<std::string> deleted;
  int steps = 20 + static_cast<int>(pick(30));
  for (int step = 0; step < steps; ++step) {
    auto& d = devices[pick(devices.size())];
    switch (pick(7)) {
      case 0:
      case 1: {  // a session on one of the last 60 days
        SessionProgress p;
        p.routine_name = "bedtime";
        p.routine_title = "Bedtime";
        p.started_at = kNow - std::chrono::hours{24 * static_cast<int>(pick(60)) + 1};
        p.planned_seconds = 600;
        p.completed_seconds = static_cast<int>(pick(601));
        p.ended_at = p.started_at + std::chrono::seconds{p.completed_seconds};
        p.status = pick(4) == 0 ? SessionStatus::quit
                                : (p.completed_seconds >= 480 ? SessionStatus::completed
                                                              : SessionStatus::partial);
        p.zone_seconds["thoracic"] = p.completed_seconds / 2;
        if (pick(2)) p.zone_seconds["lats"] = p.completed_seconds / 3;
        if (pick(2)) p.pressures.push_back({30, static_cast<int>(pick(10)) + 1, "thoracic"});
        if (pick(3) == 0) p.skipped.push_back({1, "Lats", 90});
        if (pick(8) == 0) {
          p.status = SessionStatus::pain_stop;
          p.pain_zone = "thoracic";
        }
        d.store->begin_session(p);
        break;
      }
      case 2: {
        Injury injury;
        injury.zone = pick(2) ? Zone::thoracic : Zone::glutes;
        injury.at = kNow - std::chrono::hours{static_cast<int>(pick(200))};
        (void)d.store->add_injury(injury);
        break;
      }
      case 3: {
        auto open = d.store->injuries(false);
        if (!open.empty()) (void)d.store->clear_injury(open[pick(open.size())].id, kNow);
        break;
      }
      case 4: {
        auto all = d.store->sessions({});
        if (!all.empty()) {
          auto uid = all[pick(all.size())].uid;
          REQUIRE(d.store->delete_session(uid, kNow));
          deleted.insert(uid);
        }
        break;
      }
      default: {
        auto report = d.sync(dir);
        CHECK(report.problems.empty());
      }
    }
  }
  // Everyone syncs twice more, in a random order each round: the first round carries every
  // record into the folder, the second brings every device everything.
  for (int round = 0; round < 2; ++round) {
    std::vector<std::size_t> order{0, 1, 2};
    std::shuffle(order.begin(), order.end(), rng);
    for (auto i : order) {
      auto report = devices[i].sync(dir);
      CHECK(report.problems.empty());
      CHECK(report.device_change.empty());
    }
  }
  auto first = records_of(*devices[0].store);
  auto stats = stats_of(*devices[0].store);
  std::set<std::string> unique(first.begin(), first.end());
  CHECK(unique.size() == first.size());
  for (auto& d : devices) {
    auto mine = records_of(*d.store);
    if (mine != first) {
      std::vector<std::string> only_here, only_first;
      std::set_difference(mine.begin(), mine.end(), first.begin(), first.end(),
                          std::back_inserter(only_here));
      std::set_difference(first.begin(), first.end(), mine.begin(), mine.end(),
                          std::back_inserter(only_first));
      for (const auto& r : only_here) MESSAGE("only on ", d.root.string(), ": ", r);
      for (const auto& r : only_first) MESSAGE("only on device0: ", r);
    }
    CHECK(mine == first);
    CHECK(stats_of(*d.store) == stats);
    CHECK(d.store->pending_records() == 0);
    for (const auto& uid : deleted) CHECK_FALSE(d.store->session_by_uid(uid));
  }
  // One uid, one record: no two sessions share one.
  std::set<std::string> uids;
  std::size_t sessions = 0;
  for (const auto& s : devices[0].store->sessions({})) {
    uids.insert(s.uid);
    ++sessions;
  }
  CHECK(uids.size() == sessions);
  // And once more is nothing new.
  auto again = devices[pick(3)].sync(dir);
  CHECK(again.appended == 0);
  CHECK(again.merged.added + again.merged.updated == 0);
}

}  // namespace

TEST_CASE("sync property: three devices, random records and syncs, one history") {
  const char* seeds = std::getenv("ROLL_SYNC_SEEDS");
  if (seeds != nullptr && *seeds != '\0') {
    auto n = std::strtoull(seeds, nullptr, 10);
    auto start = std::chrono::steady_clock::now();
    for (std::uint64_t seed = 1; seed <= n; ++seed) run_seed(seed);
    auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE(fmt::format("{} seeds in {:.1f} s", n, took));
  } else {
    run_seed(20);
  }
}

TEST_CASE("sync outbox: a session updated at every step is one pending record, its zones too") {
  // An upsert firing the outbox trigger overrode its OR IGNORE (a UNIQUE failure that stopped
  // every session at its second step): found by the store's own tests.
  roll::test::TempDb tmp("roll-sync-outbox");
  HistoryStore store(tmp.file, [] { return std::string("01890a5d-ac96-774b-bcce-b302099a8057"); });
  SessionProgress p;
  p.routine_name = "bedtime";
  p.routine_title = "Bedtime";
  p.started_at = kNow;
  p.ended_at = kNow;
  p.planned_seconds = 600;
  auto id = store.begin_session(p);
  for (int step = 1; step <= 3; ++step) {
    p.completed_seconds = 100 * step;
    p.zone_seconds["thoracic"] = 100 * step;
    store.update_session(id, p);
  }
  CHECK(store.pending_records() == 2);
}

// ---- With a hostile device ----------------------------------------------------------------
//
// Three honest devices make sessions, injuries and clearings, delete sessions and restore what is
// deleted, while a fourth writes into its own journal whatever it likes: deletions and
// restorations of any record it has seen, records under honest devices' ids, records of its own
// with values roll never writes, changes to what honest records are, and lines that are not JSON
// at all. The clock moves a minute a step. Once every honest device has synced twice more:
// - the honest devices hold the same records;
// - no record an honest device made is gone from any honest device without a tombstone that
//   visit_deleted (`roll history deleted`) lists;
// - every restoration stands, unless a later deletion (a higher version) followed it;
// - nothing of the hostile device's is stored but its tombstones and the valid records it made
//   under its own id (a cleared injury in 1970, on an honest session's uid: a record is its uid
//   and its kind, so it stands beside the session and changes nothing of it), and every record
//   stored passes the validator.

namespace {

const char* kHostileId = "01890a5d-ac96-774b-bcce-b3020999dead";

std::string random_text(std::mt19937_64& rng) {
  static const std::string kAlphabet = "{}[]\":,\\0123456789eE.-truefalsnl \x01\xff\n";
  std::string s;
  auto n = rng() % 120;
  for (std::size_t i = 0; i < n; ++i) s += kAlphabet[rng() % kAlphabet.size()];
  std::erase(s, '\n');
  return s;
}

void run_hostile_seed(std::uint64_t seed) {
  CAPTURE(seed);
  roll::test::TempDb tmp("roll-sync-hostile");
  auto dir = tmp.dir / "shared";
  std::filesystem::create_directories(dir);
  std::vector<SimDevice> devices;
  for (int i = 0; i < 3; ++i) devices.emplace_back(tmp.dir, i);
  std::mt19937_64 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto hostile_file = dir / (std::string(kHostileId) + ".ndjson");
  std::ofstream(hostile_file) << fmt::format("{{\"roll_journal\":1,\"device\":\"{}\"}}\n",
                                             kHostileId);
  auto hostile = [&](const std::string& line) {
    std::ofstream(hostile_file, std::ios::app | std::ios::binary) << line << '\n';
  };
  // What the folder shows anyone: every record line of every journal.
  auto seen = [&] {
    std::vector<std::string> lines;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path());
      for (std::string l; std::getline(in, l);)
        if (l.find("\"kind\"") != std::string::npos) lines.push_back(l);
    }
    return lines;
  };
  auto uid_of = [](const std::string& l) {
    auto d = sync::decode(l);
    return d.record ? d.record->uid : std::string();
  };
  std::set<std::pair<std::string, std::string>> made;  // the sessions honest devices made
  std::map<std::pair<std::string, std::string>, std::int64_t> made_at;  // and their starts
  struct Restore {
    std::string uid;
    std::string device;
    std::int64_t version;
  };
  std::vector<Restore> restores;
  std::set<std::string> hostile_valid;  // uids of the valid injuries the hostile device made
  std::set<std::string> copied;         // uids of honest records the hostile device sent as its own
  std::set<std::string> replaced;       // honest ids the hostile journal's headers say it replaces
  SysSeconds now = kNow;
  auto sync_all = [&](SimDevice& d) {
    return sync_folder(*d.store, {dir, d.root / "data" / "roll", d.root / "state", now});
  };
  int steps = 30 + static_cast<int>(pick(40));
  for (int step = 0; step < steps; ++step) {
    now += std::chrono::minutes{1};
    auto& d = devices[pick(devices.size())];
    switch (pick(10)) {
      case 0:
      case 1: {
        SessionProgress p;
        p.routine_name = "bedtime";
        p.routine_title = "Bedtime";
        p.started_at = now - std::chrono::hours{24 * static_cast<int>(pick(30)) + 1};
        p.planned_seconds = 600;
        p.completed_seconds = static_cast<int>(pick(601));
        p.ended_at = p.started_at + std::chrono::seconds{p.completed_seconds};
        p.status = p.completed_seconds >= 480 ? SessionStatus::completed : SessionStatus::partial;
        p.zone_seconds["thoracic"] = p.completed_seconds / 2;
        if (pick(2)) p.pressures.push_back({30, static_cast<int>(pick(10)) + 1, "thoracic"});
        auto id = d.store->begin_session(p);
        for (const auto& s : d.store->sessions({}))
          if (s.id == id) {
            made.emplace(s.uid, s.device);
            made_at[{s.uid, s.device}] =
                std::chrono::duration_cast<std::chrono::seconds>(p.started_at.time_since_epoch())
                    .count();
          }
        break;
      }
      case 2: {
        Injury injury;
        injury.zone = Zone::thoracic;
        injury.at = now - std::chrono::hours{static_cast<int>(pick(200))};
        auto id = d.store->add_injury(injury);
        (void)id;
        break;
      }
      case 3: {
        auto open = d.store->injuries(false);
        if (!open.empty()) (void)d.store->clear_injury(open[pick(open.size())].id, now);
        break;
      }
      case 4: {
        auto all = d.store->sessions({});
        if (!all.empty()) {
          const auto& s = all[pick(all.size())];
          (void)d.store->delete_session(s.uid, s.device, now);
        }
        break;
      }
      case 5: {
        std::vector<std::pair<std::string, std::string>> deleted;
        d.store->visit_deleted(
            [&](const DeletedRecord& r) { deleted.emplace_back(r.uid, r.device); });
        if (!deleted.empty()) {
          auto [uid, device] = deleted[pick(deleted.size())];
          if (d.store->restore(uid, now, device) == RestoreResult::restored) {
            d.store->visit_records(std::nullopt, [&](const sync::Record& r) {
              if (r.kind == sync::Kind::tombstone && r.uid == uid &&
                  sync::reference_device(r) == device)
                restores.push_back({uid, device, sync::tombstone_version(r)});
            });
          }
        }
        break;
      }
      case 6:
      case 7: {
        // The hostile device: a few lines of its choosing.
        auto lines = seen();
        for (int k = 0; k < 1 + static_cast<int>(pick(4)); ++k) {
          auto t = now.time_since_epoch().count();
          if (lines.empty()) break;
          const auto& target_line = lines[pick(lines.size())];
          std::string target = uid_of(target_line);
          switch (pick(9)) {
            case 0:  // a deletion, visible and undoable: of every device's record (the format
                     // before 4), or of the one device's
              if (pick(2)) {
                hostile(fmt::format(
                    R"({{"v":2,"kind":"tombstone","uid":"{}","device":"{}","fields":{{"of":"session","deleted_at":{},"version":{},"restored":false}}}})",
                    target, kHostileId, t, t + pick(300)));
              } else if (auto of = sync::decode(target_line); of.record) {
                hostile(fmt::format(
                    R"({{"v":4,"kind":"tombstone","uid":"{}","device":"{}","fields":{{"of":"session","deleted_at":{},"version":{},"restored":false,"of_device":"{}"}}}})",
                    target, kHostileId, t, t + pick(300), of.record->device));
              }
              break;
            case 1:  // a version far ahead, to win over every restoration to come
              hostile(fmt::format(
                  R"({{"v":2,"kind":"tombstone","uid":"{}","device":"{}","fields":{{"of":"session","deleted_at":{},"version":{},"restored":false}}}})",
                  target, kHostileId, t, t + 86400 * 365));
              break;
            case 2:  // an honest record sent again, under its own device or changed
              if (!lines.empty()) {
                auto l = lines[pick(lines.size())];
                if (auto at = l.find("\"started_at\":"); at != std::string::npos && pick(2))
                  l.insert(at + 13, "1");
                hostile(l);
              }
              break;
            case 3: {  // its own records, with values roll never writes
              const char* bad[] = {"\"utc_offset\":1000000000", "\"status\":\"lunch\"",
                                   "\"completed_seconds\":999999"};
              std::string l = fmt::format(
                  R"({{"v":1,"kind":"session","uid":"{}","device":"{}","fields":{{"routine":"r","title":"t","started_at":{},"ended_at":{},"planned_seconds":600,"completed_seconds":600,"status":"completed","origin":"live","utc_offset":0,"rating_before":null,"rating_after":null}}}})",
                  new_uuid_v7(std::chrono::system_clock::now()), kHostileId, t - 7200, t - 6600);
              std::string which = bad[pick(3)];
              auto key = which.substr(0, which.find(':') + 1);
              auto at = l.find(key);
              l.replace(at, l.find_first_of(",}", at) - at, which);
              hostile(l);
              break;
            }
            case 4:  // its own records in the future
              hostile(fmt::format(
                  R"({{"v":1,"kind":"check_in","uid":"{}","device":"{}","fields":{{"day":"2099-01-01","answer":false,"at":{}}}}})",
                  new_uuid_v7(std::chrono::system_clock::now()), kHostileId, t));
              break;
            case 5:  // an honest session's uid with a kind of its own
            {
              // (Not an injury's: a record of one uid and kind claimed by two devices stays
              // whichever a device saw first; see tests/SECURITY.md.)
              std::vector<std::string> sessions;
              for (const auto& l : lines)
                if (l.find("\"kind\":\"session\"") != std::string::npos) sessions.push_back(l);
              if (sessions.empty()) break;
              target = uid_of(sessions[pick(sessions.size())]);
              hostile_valid.insert(target);
              hostile(fmt::format(
                  R"({{"v":1,"kind":"injury","uid":"{}","device":"{}","fields":{{"zone":"calves","at":1,"note":"","cleared":true}}}})",
                  target, kHostileId));
              break;
            }
            case 6: {  // an honest record copied under its own id, a value changed or not
              auto l = lines[pick(lines.size())];
              auto copy = sync::decode(l);
              if (!copy.record || copy.record->device == kHostileId) break;
              auto from = "\"device\":\"" + copy.record->device + "\"";
              auto at = l.find(from);
              if (at == std::string::npos) break;
              l.replace(at, from.size(), std::string("\"device\":\"") + kHostileId + "\"");
              if (auto z = l.find("\"zone\":\"thoracic\""); z != std::string::npos && pick(2))
                l.replace(z, 18, "\"zone\":\"calves\"");
              if (auto s = l.find("\"started_at\":"); s != std::string::npos && pick(2))
                l.insert(s + 13, "1");
              copied.insert(copy.record->uid);
              hostile(l);
              break;
            }
            case 7: {  // a header that says it replaces an honest device, then that device's
                       // records under its own id, altered: provisional until its own journal
                       // says what they are
              auto victim = sync::decode(target_line);
              if (!victim.record || victim.record->device == kHostileId ||
                  victim.record->kind == sync::Kind::tombstone)
                break;
              const auto& id = victim.record->device;
              if (replaced.insert(id).second)
                hostile(fmt::format(R"({{"roll_journal":1,"device":"{}","replaces":"{}"}})",
                                    kHostileId, id));
              for (auto l : lines) {
                auto r = sync::decode(l);
                if (!r.record || r.record->device != id ||
                    r.record->kind == sync::Kind::tombstone || pick(2))
                  continue;
                if (auto z = l.find("\"zone\":\"thoracic\""); z != std::string::npos)
                  l.replace(z, 18, "\"zone\":\"calves\"");
                for (const std::string key : {"\"started_at\":17", "\"at\":17"})
                  if (auto a = l.find(key); a != std::string::npos) l[a + key.size() - 1] = '6';
                hostile(l);
              }
              break;
            }
            default:
              hostile(random_text(rng));
          }
        }
        break;
      }
      default:
        (void)sync_all(d);
    }
  }
  // Three rounds: a record deleted on the device that made it before it ever synced, and
  // restored elsewhere, reaches that device in the first round or the second, travels in the
  // same sync, and reaches the others by the third.
  for (int round = 0; round < 3; ++round) {
    now += std::chrono::minutes{1};
    std::vector<std::size_t> order{0, 1, 2};
    std::shuffle(order.begin(), order.end(), rng);
    for (auto i : order) {
      auto report = sync_all(devices[i]);
      // Only the hostile journal has lines to skip; an honest journal only corrects what the
      // hostile one said of its records.
      for (const auto& p : report.problems)
        CHECK_MESSAGE((p.find(kHostileId) != std::string::npos ||
                       p.find("corrected by its own journal") != std::string::npos),
                      p);
    }
  }
  auto end = now.time_since_epoch().count() + 365 * 86400;  // what any record stored may be
  auto first = records_of(*devices[0].store);
  for (auto& d : devices) {
    auto mine = records_of(*d.store);
    if (mine != first) {
      std::vector<std::string> only_here, only_first;
      std::set_difference(mine.begin(), mine.end(), first.begin(), first.end(),
                          std::back_inserter(only_here));
      std::set_difference(first.begin(), first.end(), mine.begin(), mine.end(),
                          std::back_inserter(only_first));
      for (const auto& r : only_here) MESSAGE("only on ", d.root.string(), ": ", r);
      for (const auto& r : only_first) MESSAGE("only on device0: ", r);
    }
    CHECK(mine == first);
    // Each honest session is there, under its own device, or listed as deleted.
    std::set<std::pair<std::string, std::string>> deleted, live;
    d.store->visit_deleted([&](const DeletedRecord& r) { deleted.emplace(r.uid, r.device); });
    d.store->visit_records(std::nullopt, [&](const sync::Record& r) {
      if (r.kind == sync::Kind::session) live.emplace(r.uid, r.device);
    });
    for (const auto& m : made) {
      CAPTURE(m.first);
      CAPTURE(m.second);
      CHECK((live.count(m) > 0 || deleted.count(m) > 0));
    }
    // Nothing of the hostile device's but tombstones and its own valid injuries, and nothing
    // that fails the validator.
    d.store->visit_records(
        std::nullopt,
        [&](const sync::Record& r) {
          CAPTURE(sync::encode(r));
          if (r.kind != sync::Kind::tombstone && r.device == kHostileId &&
              copied.count(r.uid) == 0) {
            CHECK(r.kind == sync::Kind::injury);
            CHECK(hostile_valid.count(r.uid) == 1);
          }
          if (r.kind != sync::Kind::tombstone) CHECK_FALSE(sync::check_record(r, end));
          // No honest record altered: every zone an honest device records is the thoracic, and
          // each honest session starts when its device started it.
          if (r.device != kHostileId && r.kind != sync::Kind::tombstone &&
              r.kind != sync::Kind::session) {
            auto specs = sync::fields_of(r.kind);
            for (std::size_t i = 0; i < specs.size(); ++i)
              if (std::string_view(specs[i].name) == "zone")
                if (auto* zone = std::get_if<std::string>(&r.values[i])) CHECK(*zone == "thoracic");
          }
          if (r.kind == sync::Kind::session && made_at.count({r.uid, r.device}))
            CHECK(r.integer("started_at") == made_at[{r.uid, r.device}]);
        },
        true);
    CHECK(d.store->pending_records() == 0);
  }
  // Every restoration stands, or a deletion of a higher version came after it.
  for (const auto& r : restores) {
    CAPTURE(r.uid);
    std::optional<sync::Record> tomb;
    // The record's own tombstone, or one from before format 4 about every device's, whichever
    // is later: what stands.
    devices[0].store->visit_records(std::nullopt, [&](const sync::Record& rec) {
      if (rec.kind != sync::Kind::tombstone || rec.uid != r.uid) return;
      auto of = sync::reference_device(rec);
      if (!of.empty() && of != r.device) return;
      if (!tomb || sync::supersedes(rec, *tomb)) tomb = rec;
    });
    REQUIRE(tomb);
    if (!sync::tombstone_restores(*tomb)) CHECK(sync::tombstone_version(*tomb) > r.version);
  }
}

}  // namespace

TEST_CASE("sync property: three honest devices and a hostile one: one history, nothing lost") {
  const char* seeds = std::getenv("ROLL_SYNC_SEEDS");
  if (seeds != nullptr && *seeds != '\0') {
    auto n = std::strtoull(seeds, nullptr, 10);
    for (std::uint64_t seed = 1; seed <= n; ++seed) run_hostile_seed(seed);
  } else if (const char* one = std::getenv("ROLL_SYNC_SEED"); one != nullptr && *one != '\0') {
    run_hostile_seed(std::strtoull(one, nullptr, 10));  // a seed a failure named, again
  } else {
    // A new seed each run, named on failure: `ctest --repeat until-fail:50` tries fifty.
    run_hostile_seed(std::random_device{}());
  }
}

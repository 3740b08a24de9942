// The property of issue 20, in process: three devices (three data and state folders, one shared
// sync folder) make random sessions, injuries, clearings and deletions and sync in random
// orders, any number of times; once each has synced twice more, all hold the same records
// (same uids, same fields), none twice, deletions everywhere, and the same stats.
//
// One fixed seed runs in the suite; ROLL_SYNC_SEEDS=1000 runs seeds 1..1000 instead.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include "fixtures.hpp"
#include "platform/history_store.hpp"
#include "platform/ids.hpp"
#include "platform/journal.hpp"
#include "platform/process_time_zone.hpp"
#include "roll/stats.hpp"

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

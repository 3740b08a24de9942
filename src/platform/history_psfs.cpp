// The PSFS answers the history holds (platform/history_store.hpp): each a sync record
// (Kind::psfs), checked by the one validator before it is stored, as every record from another
// device is when it arrives.
#include <fmt/format.h>

#include <limits>

#include "platform/history_records.hpp"
#include "platform/history_store.hpp"
#include "platform/history_store_internal.hpp"
#include "platform/ids.hpp"
#include "roll/record_checks.hpp"

namespace roll::platform {

using namespace history_detail;
using sync::Kind;

namespace {

PsfsAnswer answer_of(const sync::Record& r) {
  PsfsAnswer a;
  a.at = from_unix(r.integer("at"));
  a.utc_offset = std::chrono::seconds{r.integer("utc_offset")};
  for (std::size_t i = 1; i <= kPsfsMaxActivities; ++i) {
    const auto& activity = r.get(fmt::format("activity_{}", i));
    const auto* text = std::get_if<std::string>(&activity);
    if (text == nullptr) break;
    a.items.push_back({*text, static_cast<int>(r.integer(fmt::format("score_{}", i)))});
  }
  return a;
}

}  // namespace

std::string HistoryStore::add_psfs(const PsfsAnswer& answer, SysSeconds now) {
  auto record = sync::Record::make(Kind::psfs, new_uuid_v7(now), device());
  record.set("at", unix_seconds(answer.at)).set("utc_offset", answer.utc_offset.count());
  for (std::size_t i = 0; i < answer.items.size() && i < kPsfsMaxActivities; ++i) {
    record.set(fmt::format("activity_{}", i + 1), answer.items[i].activity)
        .set(fmt::format("score_{}", i + 1), std::int64_t{answer.items[i].score});
  }
  if (answer.items.size() > kPsfsMaxActivities) {
    throw HistoryError(
        fmt::format("cannot store the PSFS answer: more than {} activities", kPsfsMaxActivities));
  }
  if (auto problem = sync::check_record(record, unix_seconds(now))) {
    throw HistoryError(fmt::format("cannot store the PSFS answer: {}", problem->message));
  }
  return writing([&] {
    sqlite::Transaction tx(db_);
    Records(db_).insert(record, std::nullopt);
    tx.commit();
    return record.uid;
  });
}

std::vector<PsfsAnswer> HistoryStore::psfs_answers() {
  std::vector<PsfsAnswer> out;
  const auto& sql = sql_of(Kind::psfs);
  auto st = db_.prepare(fmt::format("{} ORDER BY {}, {}", sql.select, sql.order, sql.key));
  while (st.step()) {
    auto r = read_record(Kind::psfs, st);
    // A row roll did not write (another tool's, a damaged file) is left out, as sessions are.
    if (sync::check_record(r, std::numeric_limits<std::int64_t>::max() / 2)) continue;
    out.push_back(answer_of(r));
  }
  return out;
}

}  // namespace roll::platform

// The prescriptions the history holds (platform/history_store.hpp): added, listed and ended. Each
// is a sync record (Kind::prescription), checked by the one validator before it is stored, as
// every record from another device is when it arrives.
#include <fmt/format.h>

#include <algorithm>
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

StoredPrescription stored_of(const sync::Record& r) {
  StoredPrescription p;
  p.uid = r.uid;
  p.device = r.device;
  p.name = r.text("name");
  p.text = r.text("text");
  p.from = r.text("from");
  p.until = r.text("until");
  p.added_at = from_unix(r.integer("added_at"));
  if (auto end = r.optional_integer("ended_at")) p.ended_at = from_unix(*end);
  return p;
}

}  // namespace

std::string HistoryStore::add_prescription(const std::string& name, const std::string& text,
                                           const std::string& from, const std::string& until,
                                           SysSeconds now) {
  auto record = sync::Record::make(Kind::prescription, new_uuid_v7(now), device());
  record.set("name", name)
      .set("text", text)
      .set("from", from)
      .set("until", until)
      .set("added_at", unix_seconds(now));
  if (auto problem = sync::check_record(record, unix_seconds(now))) {
    throw HistoryError(fmt::format("cannot store the prescription: {}", problem->message));
  }
  return writing([&] {
    sqlite::Transaction tx(db_);
    db_.prepare("UPDATE prescriptions SET ended_at = ? WHERE ended_at IS NULL")
        .bind(1, unix_seconds(now))
        .run();
    Records(db_).insert(record, std::nullopt);
    tx.commit();
    return record.uid;
  });
}

std::vector<StoredPrescription> HistoryStore::prescriptions() {
  std::vector<StoredPrescription> out;
  const auto& sql = sql_of(Kind::prescription);
  auto st = db_.prepare(fmt::format("{} ORDER BY {}, {}", sql.select, sql.order, sql.key));
  while (st.step()) {
    auto r = read_record(Kind::prescription, st);
    // A row roll did not write (another tool's, a damaged file) is left out, as sessions are.
    if (sync::check_record(r, std::numeric_limits<std::int64_t>::max() / 2)) continue;
    out.push_back(stored_of(r));
  }
  return out;
}

std::optional<StoredPrescription> HistoryStore::active_prescription() {
  std::optional<StoredPrescription> active;
  for (auto& p : prescriptions())
    if (!p.ended_at) active = std::move(p);
  return active;
}

bool HistoryStore::end_prescription(SysSeconds now) {
  auto active = active_prescription();
  if (!active) return false;
  writing([&] {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "UPDATE prescriptions SET ended_at = ? WHERE uid = ? AND device = ? AND ended_at IS "
           "NULL")
        .bind(1, std::max(unix_seconds(now), unix_seconds(active->added_at)))
        .bind(2, std::string_view{active->uid})
        .bind(3, std::string_view{active->device})
        .run();
    tx.commit();
  });
  return true;
}

}  // namespace roll::platform

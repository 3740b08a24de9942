#include "roll/sync_merge.hpp"

#include <tuple>

namespace roll::sync {

namespace {

// A session's versions grow as it runs: later ends, then a final status, then more done, then
// ratings given afterwards. The encoded text breaks any remaining tie, so the order is total.
auto session_key(const Record& r) {
  return std::make_tuple(r.integer("ended_at"), r.text("status") != "running",
                         r.integer("completed_seconds"), r.optional_integer("rating_before"),
                         r.optional_integer("rating_after"), r.optional_integer("pain_before"),
                         r.optional_integer("pain_after"));
}

}  // namespace

bool supersedes(const Record& a, const Record& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::session: {
      auto ka = session_key(a);
      auto kb = session_key(b);
      if (ka != kb) return kb < ka;
      break;
    }
    case Kind::session_zone:
      // Seconds on a zone only grow during a session.
      if (a.integer("seconds") != b.integer("seconds"))
        return a.integer("seconds") > b.integer("seconds");
      // So does the part on the roller, and a zone with it recorded is a later version than the
      // same zone without (never the other way: check_update refuses that).
      if (a.optional_integer("roller_seconds") != b.optional_integer("roller_seconds"))
        return a.optional_integer("roller_seconds") > b.optional_integer("roller_seconds");
      break;
    case Kind::injury:
      // Cleared is for good: once any device has cleared an injury, it stays cleared.
      if (a.boolean("cleared") != b.boolean("cleared")) return a.boolean("cleared");
      break;
    case Kind::check_in:
      // Two devices asked on the same day: the earlier-made answer stands on both.
      if (a.uid != b.uid) return a.uid < b.uid;
      break;
    case Kind::prescription:
      // Ended is for good: a prescription ended on any device stays ended, at the earlier end.
      if (a.optional_integer("ended_at").has_value() != b.optional_integer("ended_at").has_value())
        return a.optional_integer("ended_at").has_value();
      if (a.optional_integer("ended_at") != b.optional_integer("ended_at"))
        return a.integer("ended_at") < b.integer("ended_at");
      break;
    case Kind::tombstone: {
      // Deletions and restorations of one record: the higher version wins, a tie goes to the
      // greater device id, so delete, restore and delete again end the same on every device.
      auto va = tombstone_version(a);
      auto vb = tombstone_version(b);
      if (va != vb) return va > vb;
      if (a.device != b.device) return a.device > b.device;
      break;
    }
    default:
      break;
  }
  return encode(a) > encode(b);
}

Action decide(const Record& incoming, const Record* existing, bool tombstoned) {
  if (incoming.kind != Kind::tombstone && tombstoned) return Action::ignore;
  if (existing == nullptr) return Action::insert;
  return supersedes(incoming, *existing) ? Action::replace : Action::ignore;
}

int apply_rank(Kind kind) {
  switch (kind) {
    case Kind::tombstone:
      return 0;
    case Kind::session:
    case Kind::injury:
    case Kind::check_in:
    case Kind::prescription:
    case Kind::psfs:
      return 1;
    default:
      return 2;
  }
}

std::optional<Kind> parent_kind(Kind kind) {
  switch (kind) {
    case Kind::session_zone:
    case Kind::pressure:
    case Kind::skipped_step:
    case Kind::hold_change:
    case Kind::pain_stop:
      return Kind::session;
    case Kind::injury_clearing:
      return Kind::injury;
    default:
      return std::nullopt;
  }
}

std::string_view parent_field(Kind kind) {
  auto parent = parent_kind(kind);
  if (!parent) return "";
  return *parent == Kind::session ? "session" : "injury";
}

}  // namespace roll::sync

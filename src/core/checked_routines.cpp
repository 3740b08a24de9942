#include "roll/checked_routines.hpp"

#include <cstdint>
#include <optional>

namespace roll {

namespace {

// A name a person can recognise in a hex dump, then the format's version: a format change makes
// old files decode as empty, which costs one parse per routine.
constexpr std::string_view kMagic = "roll checked routines 1\n";

// Lengths and counts are little-endian, whatever the machine, so a cache copied with a home
// directory still decodes (or is refused for its build id, not misread).
void put_u32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(value >> shift));
}

void put_u64(std::string& out, std::uint64_t value) {
  for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<char>(value >> shift));
}

void put_text(std::string& out, std::string_view text) {
  put_u32(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

// Reads from the front of the bytes; every read checks what is left, so no length in the file
// can send it past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  std::optional<std::uint64_t> number(int bytes) {
    if (rest_.size() < static_cast<std::size_t>(bytes)) return std::nullopt;
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) {
      value |= std::uint64_t{static_cast<unsigned char>(rest_[static_cast<std::size_t>(i)])}
               << (8 * i);
    }
    rest_.remove_prefix(static_cast<std::size_t>(bytes));
    return value;
  }

  std::optional<std::string_view> text() {
    auto size = number(4);
    if (!size || *size > rest_.size()) return std::nullopt;
    auto value = rest_.substr(0, static_cast<std::size_t>(*size));
    rest_.remove_prefix(value.size());
    return value;
  }

  bool skip(std::string_view expected) {
    if (!rest_.starts_with(expected)) return false;
    rest_.remove_prefix(expected.size());
    return true;
  }

  [[nodiscard]] bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

std::optional<RoutineListing> read_listing(Reader& in) {
  auto title = in.text();
  auto summary = in.text();
  auto total = in.number(8);
  auto work = in.number(8);
  auto zones = in.number(4);
  if (!title || !summary || !total || !work || !zones || *zones > CheckedRoutines::kMaxZones ||
      *total > INT64_MAX || *work > INT64_MAX) {
    return std::nullopt;
  }
  RoutineListing listing{std::string(*title),
                         std::string(*summary),
                         std::chrono::milliseconds(static_cast<std::int64_t>(*total)),
                         std::chrono::milliseconds(static_cast<std::int64_t>(*work)),
                         {}};
  for (std::uint64_t i = 0; i < *zones; ++i) {
    auto zone = in.text();
    if (!zone) return std::nullopt;
    listing.zones.emplace_back(*zone);
  }
  return listing;
}

}  // namespace

CheckedRoutines CheckedRoutines::decode(std::string_view bytes, std::string_view build_id) {
  CheckedRoutines none;
  Reader in(bytes);
  auto id = in.skip(kMagic) ? in.text() : std::nullopt;
  auto count = id && !build_id.empty() && *id == build_id ? in.number(4) : std::nullopt;
  if (!count || *count > kMaxEntries) return none;
  CheckedRoutines cache;
  std::size_t text_bytes = 0;
  for (std::uint64_t i = 0; i < *count; ++i) {
    auto text = in.text();
    if (!text) return none;
    auto listing = read_listing(in);
    text_bytes += text->size();
    if (!listing || text_bytes > kMaxTextBytes) return none;
    cache.entries_.push_back(Entry{std::string(*text), std::move(*listing)});
  }
  if (!in.done()) return none;
  return cache;
}

std::string CheckedRoutines::encode(std::string_view build_id) const {
  // The entries this run used first, then the rest in their order, up to the caps: a routine
  // deleted long ago gives way to one in use.
  std::vector<const Entry*> kept;
  std::size_t text_bytes = 0;
  for (bool used : {true, false}) {
    for (const auto& entry : entries_) {
      if (entry.used != used || kept.size() == kMaxEntries ||
          text_bytes + entry.text.size() > kMaxTextBytes) {
        continue;
      }
      text_bytes += entry.text.size();
      kept.push_back(&entry);
    }
  }
  std::string out(kMagic);
  put_text(out, build_id);
  put_u32(out, static_cast<std::uint32_t>(kept.size()));
  for (const Entry* entry : kept) {
    const RoutineListing& listing = entry->listing;
    put_text(out, entry->text);
    put_text(out, listing.title);
    put_text(out, listing.summary);
    put_u64(out, static_cast<std::uint64_t>(listing.total.count()));
    put_u64(out, static_cast<std::uint64_t>(listing.work.count()));
    put_u32(out, static_cast<std::uint32_t>(listing.zones.size()));
    for (const auto& zone : listing.zones) put_text(out, zone);
  }
  return out;
}

const RoutineListing* CheckedRoutines::find(std::string_view text) {
  for (auto& entry : entries_) {
    if (entry.text == text) {
      entry.used = true;
      return &entry.listing;
    }
  }
  return nullptr;
}

void CheckedRoutines::add(std::string text, RoutineListing listing) {
  if (text.size() > kMaxTextBytes || listing.zones.size() > kMaxZones) return;
  if (find(text) != nullptr) return;
  // New entries go first, so that a full cache keeps them over old ones nobody used.
  entries_.insert(entries_.begin(), Entry{std::move(text), std::move(listing), true});
  changed_ = true;
}

}  // namespace roll

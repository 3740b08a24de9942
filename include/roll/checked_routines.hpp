#pragma once
// The routine texts one build of roll has loaded and linted and found clean (no finding of any
// severity), each with its listing: the cache that lets `roll list` and `roll lint` skip the TOML
// parse, most of what they cost (ARCHITECTURE.md, "Start-up"). Pure: bytes in, bytes out;
// platform/checked_routines_file.hpp keeps them in $XDG_CACHE_HOME/roll.
//
// An entry holds the whole text it vouches for and answers only for exactly that text, so an
// edit of one byte is a miss and there is no hash to collide. A cache answers only the build that
// wrote it (its build id), so a rule added or changed in another build of roll is never answered
// by this one's verdict. Anything else in the bytes (another build, another format, truncation, a
// length that runs past the end) decodes as an empty cache: a cache can cost a parse, never a
// finding.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "roll/routine_listing.hpp"

namespace roll {

class CheckedRoutines {
 public:
  // roll's own caps: far more routines than anyone keeps, and a file that reads in well under a
  // millisecond. The entries used by the run that writes the cache are kept first.
  static constexpr std::size_t kMaxEntries = 64;
  static constexpr std::size_t kMaxTextBytes = 2 * 1024 * 1024;  // all entries' texts together
  static constexpr std::size_t kMaxZones = 64;                   // in one listing

  // The entries of `bytes` when they are a cache that `build_id` wrote; otherwise none.
  [[nodiscard]] static CheckedRoutines decode(std::string_view bytes, std::string_view build_id);
  [[nodiscard]] std::string encode(std::string_view build_id) const;

  // The listing of a routine whose text is exactly `text`, or nullptr: the text was never checked
  // by this build, or it had findings. Marks the entry as used.
  [[nodiscard]] const RoutineListing* find(std::string_view text);
  // `text` loaded and linted without a single finding. Texts over the byte cap are not kept.
  void add(std::string text, RoutineListing listing);

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // Something was added since decoding: worth writing back.
  [[nodiscard]] bool changed() const { return changed_; }

 private:
  struct Entry {
    std::string text;
    RoutineListing listing;
    bool used = false;
  };
  std::vector<Entry> entries_;
  bool changed_ = false;
};

}  // namespace roll

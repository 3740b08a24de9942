#include "roll/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace roll {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > max_suggest_bytes) return {};
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  std::size_t looked_at = 0;
  for (auto candidate : candidates) {
    if (++looked_at > max_suggest_candidates) break;
    if (candidate.size() > max_suggest_bytes) continue;
    // The distance is at least the difference in length: no need to compute it.
    std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                     : word.size() - candidate.size();
    if (gap >= best_distance) continue;
    auto d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return std::string(best);
}

}  // namespace roll

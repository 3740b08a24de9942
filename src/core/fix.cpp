#include "roll/fix.hpp"

#include <algorithm>

#include "roll/load.hpp"

namespace roll {

namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The step appended for move-after: the first article's three minutes of active stretches, with
// its own examples.
constexpr std::string_view kMovementStep[] = {
    "",
    "# Added by `roll lint --fix` (move-after): three minutes of movement right after rolling.",
    "[[step]]",
    "name = \"Cat-cow, bird-dogs and thread the needle\"",
    "kind = \"movement\"",
    "zone = \"full-body\"",
    "seconds = 180",
    "cue = \"Off the roller, on hands and knees: round the back up and let it sag with the "
    "breath, reach one arm and the opposite leg long, then thread one arm under the body and "
    "open it to the ceiling. Slowly, through the full range.\"",
};

struct Edit {
  std::size_t offset;
  std::size_t length;
  std::string replacement;
};

}  // namespace

std::string_view line_text(std::string_view text, int line) {
  if (line < 1) return {};
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  auto end = text.find('\n', start);
  auto out = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::size_t byte_offset(std::string_view text, int line, int column) {
  if (line < 1 || column < 1) return std::string_view::npos;
  std::size_t pos = 0;
  for (int n = 1; n < line; ++n) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return pos;
    ++pos;
  }
  for (int c = 1; c < column; ++c) {
    if (pos >= text.size() || text[pos] == '\n') return std::string_view::npos;
    ++pos;
    while (pos < text.size() && is_continuation(text[pos])) ++pos;
  }
  return pos;
}

FixResult fix_routine_text(std::string_view text, std::string_view file,
                           const std::vector<Diagnostic>& diagnostics) {
  FixResult result{std::string(text), {}};
  std::vector<Edit> edits;
  bool append_movement = false;
  for (const auto& d : diagnostics) {
    if (d.file != file) continue;
    if (d.rule == "intensity-cap") {
      auto at = byte_offset(text, d.where.line, d.where.column);
      if (at == std::string_view::npos) continue;
      // Only a plain literal 8, 9 or 10: anything else is left to the author.
      std::size_t end = at;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      auto literal = text.substr(at, end - at);
      if (literal != "8" && literal != "9" && literal != "10") continue;
      edits.push_back(Edit{at, literal.size(), "7"});
      result.fixed.push_back(d.rule);
    } else if (d.rule == "move-after" && !append_movement) {
      append_movement = true;
      result.fixed.push_back(d.rule);
    }
  }
  if (result.fixed.empty()) return result;

  std::string out(text);
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.offset > b.offset; });
  for (const auto& e : edits) out.replace(e.offset, e.length, e.replacement);
  if (append_movement) {
    std::string_view newline = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    if (!out.empty() && out.back() != '\n') out += newline;
    for (auto line : kMovementStep) {
      out += line;
      out += newline;
    }
  }
  if (!load_routine(out, file).routine) return FixResult{std::string(text), {}};
  result.text = std::move(out);
  return result;
}

}  // namespace roll

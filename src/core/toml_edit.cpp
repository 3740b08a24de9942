#include "toml_edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "toml_reader.hpp"

namespace roll::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Byte offsets of the lines of a text, so that a parser position (line, column in code points, as
// toml++ counts them) finds its bytes.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  [[nodiscard]] std::optional<std::size_t> start(toml::source_index line) const {
    if (line == 0 || line > starts_.size()) return std::nullopt;
    return starts_[line - 1];
  }
  // Just past the end of `line`, its newline included.
  [[nodiscard]] std::size_t after(toml::source_index line) const {
    return line < starts_.size() ? starts_[line] : text_.size();
  }
  [[nodiscard]] std::optional<std::size_t> offset(const toml::source_position& at) const {
    auto at_line = start(at.line);
    if (!at_line || at.column == 0) return std::nullopt;
    std::size_t i = *at_line;
    for (toml::source_index c = 1; c < at.column; ++c) {
      if (i >= text_.size()) return std::nullopt;
      ++i;
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }
  // Only blanks between the start of `line` and `offset`.
  [[nodiscard]] bool starts_line(toml::source_index line, std::size_t offset) const {
    auto from = start(line);
    if (!from || *from > offset) return false;
    return text_.substr(*from, offset - *from).find_first_not_of(" \t") == std::string_view::npos;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_{0};
};

struct Document {
  std::string_view bom;
  std::string_view body;
  toml::table root;
};

std::optional<Document> parse(std::string_view text) {
  Document doc;
  if (text.starts_with(kBom)) doc.bom = text.substr(0, kBom.size());
  doc.body = text.substr(doc.bom.size());
  std::vector<Diagnostic> ignored;
  auto root = parse_guarded(doc.body, "config.toml", ignored);
  if (!root) return std::nullopt;
  doc.root = std::move(*root);
  return doc;
}

bool is_header(const toml::node& node) {
  return (node.is_table() && !node.as_table()->is_inline()) || node.is_array_of_tables();
}

toml::source_index header_line(const toml::node& node) {
  if (node.is_array_of_tables() && !node.as_array()->empty())
    return node.as_array()->front().source().begin.line;
  return node.source().begin.line;
}

// The table `name` of the document ("" the top level), when it is one edits can reach: the top
// level, or a [name] table under a header of its own. `missing` says it is not there at all.
const toml::table* table_of(const Document& doc, const Lines& lines, std::string_view name,
                            bool& missing) {
  missing = false;
  if (name.empty()) return &doc.root;
  const toml::node* node = doc.root.get(name);
  if (node == nullptr) {
    missing = true;
    return nullptr;
  }
  const toml::table* table = node->as_table();
  if (table == nullptr || table->is_inline()) return nullptr;
  auto at = lines.offset(table->source().begin);
  if (!at || *at >= doc.body.size() || doc.body[*at] != '[') return nullptr;  // dotted keys
  return table;
}

struct Span {
  std::size_t from = 0;
  std::size_t to = 0;
};

std::string spliced(const Document& doc, std::vector<std::pair<Span, std::string>> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return a.first.from > b.first.from; });
  std::string body(doc.body);
  for (const auto& [span, text] : edits) body.replace(span.from, span.to - span.from, text);
  return std::string(doc.bom) + body;
}

// The edited text, when it still parses: an edit must never leave a file roll cannot read.
std::optional<std::string> checked(std::string text) {
  if (!parse(text)) return std::nullopt;
  return text;
}

}  // namespace

KeyMatch exact_key(std::string_view key) {
  return [want = std::string(key)](std::string_view k) { return k == want; };
}

std::optional<std::string> with_toml_value(std::string_view text, std::string_view table,
                                           std::string_view key, std::string_view value,
                                           const KeyMatch& match) {
  auto doc = parse(text);
  if (!doc) return std::nullopt;
  Lines lines(doc->body);
  bool missing = false;
  const toml::table* where = table_of(*doc, lines, table, missing);
  std::string entry = fmt::format("{} = {}\n", key, value);
  if (missing) {
    std::string out(text);
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!out.empty()) out += '\n';
    out += fmt::format("[{}]\n{}", table, entry);
    return checked(std::move(out));
  }
  if (where == nullptr) return std::nullopt;

  std::vector<std::pair<Span, std::string>> edits;
  for (auto&& [k, node] : *where) {
    if (!match(k.str())) continue;
    if (node.is_table() || node.is_array_of_tables()) return std::nullopt;
    auto from = lines.offset(node.source().begin);
    auto to = lines.offset(node.source().end);
    if (!from || !to || *to < *from) return std::nullopt;
    edits.push_back({{*from, *to}, std::string(value)});
  }
  if (!edits.empty()) return checked(spliced(*doc, std::move(edits)));

  // A new line after the table's last value: after its header when it has none yet. The top
  // level's lines must come before the first header, or they would belong to that table.
  std::optional<toml::source_index> last_value;
  std::optional<toml::source_index> first_header;
  for (auto&& [k, node] : *where) {
    if (is_header(node)) {
      auto line = header_line(node);
      if (!first_header || line < *first_header) first_header = line;
      continue;
    }
    auto line = node.source().end.line;
    if (!last_value || line > *last_value) last_value = line;
  }
  std::size_t at = 0;
  if (last_value) {
    at = lines.after(*last_value);
  } else if (!table.empty()) {
    at = lines.after(where->source().begin.line);
  } else if (first_header) {
    at = lines.start(*first_header).value_or(0);
  } else {
    at = doc->body.size();
  }
  std::string insert = entry;
  if (at > 0 && doc->body[at - 1] != '\n') insert = "\n" + insert;
  return checked(spliced(*doc, {{{at, at}, insert}}));
}

std::optional<std::string> without_toml_key(std::string_view text, std::string_view table,
                                            const KeyMatch& match) {
  auto doc = parse(text);
  if (!doc) return std::nullopt;
  Lines lines(doc->body);
  bool missing = false;
  const toml::table* where = table_of(*doc, lines, table, missing);
  if (missing) return std::string(text);
  if (where == nullptr) return std::nullopt;
  std::vector<std::pair<Span, std::string>> edits;
  for (auto&& [k, node] : *where) {
    if (!match(k.str())) continue;
    if (is_header(node)) return std::nullopt;
    auto key_at = lines.offset(k.source().begin);
    if (!key_at || !lines.starts_line(k.source().begin.line, *key_at)) return std::nullopt;
    edits.push_back({{*lines.start(k.source().begin.line), lines.after(node.source().end.line)},
                     std::string()});
  }
  if (edits.empty()) return std::string(text);
  return checked(spliced(*doc, std::move(edits)));
}

std::string toml_quoted(std::string_view text) {
  toml::value<std::string> value{std::string(text)};
  std::ostringstream out;
  out << toml::toml_formatter{value, toml::format_flags::allow_unicode_strings};
  return out.str();
}

}  // namespace roll::detail

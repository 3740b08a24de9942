#include "platform/journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "platform/ids.hpp"

namespace roll::platform {

namespace {

constexpr const char* kSuffix = ".ndjson";
// Records merged per transaction while a journal is read: memory stays a few megabytes whatever
// the journal's size, and a sync cut short keeps what it merged.
constexpr std::size_t kBatchRecords = 4096;

// flock() on <data>/sync.lock: a second `roll sync` on this device waits for the first, so two
// never append the same records. Released when the process ends, however it ends.
class SyncLock {
 public:
  explicit SyncLock(const std::filesystem::path& data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    auto file = data_dir / "sync.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0)
      throw SyncError(fmt::format("cannot open {}: {}", file.string(), std::strerror(errno)));
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) {
        int err = errno;
        ::close(fd_);
        throw SyncError(fmt::format("cannot lock {}: {}", file.string(), std::strerror(err)));
      }
    }
  }
  ~SyncLock() { ::close(fd_); }
  SyncLock(const SyncLock&) = delete;
  SyncLock& operator=(const SyncLock&) = delete;

 private:
  int fd_ = -1;
};

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Whole lines from a file, read through a fixed buffer from an offset on: a line longer than a
// record may be is skipped to its newline without ever being held, and a file with holes (a
// sparse file, nothing but NUL bytes there) is skipped over in one step, so neither memory nor
// time grows with what a hostile file holds.
class LineReader {
 public:
  enum class Got {
    line,       // a complete line, without its newline
    long_line,  // a line too long, now skipped up to and past its newline
    end,        // nothing more complete: the end, or a last line that has not fully arrived
  };

  LineReader(int fd, std::int64_t offset, bool skipping)
      : fd_(fd), consumed_(offset), read_at_(offset), skipping_(skipping) {
    buffer_.resize(kBufferBytes);
  }

  Got next(std::string_view& line) {
    for (;;) {
      const char* data = buffer_.data() + begin_;
      std::size_t held = end_ - begin_;
      const void* nl = std::memchr(data, '\n', held);
      if (nl != nullptr) {
        std::size_t length = static_cast<const char*>(nl) - data;
        begin_ += length + 1;
        consumed_ += static_cast<std::int64_t>(length) + 1;
        if (skipping_) {
          skipping_ = false;
          return Got::long_line;
        }
        if (length > sync::kMaxLineBytes) {
          started_long_ = true;
          return Got::long_line;
        }
        line = std::string_view(data, length);
        return Got::line;
      }
      if (!skipping_ && held > sync::kMaxLineBytes) {
        skipping_ = true;
        started_long_ = true;
      }
      if (skipping_) {
        consumed_ += static_cast<std::int64_t>(held);
        begin_ = end_ = 0;
        if (!skip_hole()) return Got::end;
      } else if (begin_ > 0) {
        std::memmove(buffer_.data(), data, held);
        begin_ = 0;
        end_ = held;
      }
      if (!fill()) return Got::end;
    }
  }

  // Just past the last line (or skipped run of a long line) handed out.
  [[nodiscard]] std::int64_t offset() const { return consumed_; }
  // At the end: inside a long line whose newline has not come yet.
  [[nodiscard]] bool skipping() const { return skipping_; }
  // Whether the long line just handed out (or being skipped) began in this reading: a line
  // begun in an earlier sync was named then.
  [[nodiscard]] bool take_started_long() {
    bool started = started_long_;
    started_long_ = false;
    return started;
  }
  [[nodiscard]] int error() const { return error_; }

 private:
  static constexpr std::size_t kBufferBytes = 2 * sync::kMaxLineBytes + 4096;

  bool fill() {
    if (end_ == buffer_.size()) return true;  // full: the caller finds a newline or skips
    for (;;) {
      auto n = ::pread(fd_, buffer_.data() + end_, buffer_.size() - end_, read_at_);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error_ = errno;
        return false;
      }
      if (n == 0) return false;
      end_ += static_cast<std::size_t>(n);
      read_at_ += n;
      return true;
    }
  }

  // Inside a long line nothing is kept, so a hole in the file (all NUL bytes, never a newline)
  // is passed over at once. False at the end of the file.
  bool skip_hole() {
    off_t data = ::lseek(fd_, static_cast<off_t>(read_at_), SEEK_DATA);
    if (data < 0) {
      if (errno == ENXIO) {  // nothing but a hole to the end
        struct stat st {};
        if (::fstat(fd_, &st) == 0 && st.st_size > read_at_) {
          consumed_ = read_at_ = static_cast<std::int64_t>(st.st_size);
        }
        return false;
      }
      return true;  // no SEEK_DATA here: read on
    }
    if (data > read_at_) consumed_ = read_at_ = static_cast<std::int64_t>(data);
    return true;
  }

  int fd_;
  std::string buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::int64_t consumed_;
  std::int64_t read_at_;
  bool skipping_;
  bool started_long_ = false;
  int error_ = 0;
};

std::string too_long(std::size_t limit) {
  return fmt::format("a line longer than {} bytes (roll's records are shorter); skipped", limit);
}

// What is at this device's journal's name, looked at without following a link.
struct OwnJournal {
  bool exists = false;
  bool regular = false;
  std::int64_t size = 0;
  nlink_t links = 0;
  std::string kind;  // what it is when not a regular file: "a symbolic link", ...
};

OwnJournal look_at(const std::filesystem::path& file) {
  OwnJournal j;
  struct stat st {};
  if (::lstat(file.c_str(), &st) != 0) return j;
  j.exists = true;
  j.regular = S_ISREG(st.st_mode);
  j.size = static_cast<std::int64_t>(st.st_size);
  j.links = st.st_nlink;
  j.kind = S_ISLNK(st.st_mode)   ? "a symbolic link"
           : S_ISDIR(st.st_mode) ? "a directory"
           : j.regular           ? "a file"
                                 : "not a regular file";
  return j;
}

// Whole lines appended with one write each batch, then fsync: a sync engine that copies the
// file mid-write sees at worst a last line without its newline, which readers skip until it
// is complete. A failed write is cut back off, so the file never holds half a batch. Never
// through a link, and only to the file this device left at `mark` (or a new one).
JournalMark append_journal(const std::filesystem::path& file, const std::string& device,
                           JournalMark mark, bool create, const HistoryStore::Outbox& box) {
  int flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
  if (create) flags |= O_CREAT | O_EXCL;
  Fd fd(::open(file.c_str(), flags, 0644));
  if (fd.get() < 0) {
    throw SyncError(fmt::format("cannot write {}: {}; nothing was synced", file.string(),
                                errno == ELOOP ? "it is a symbolic link" : std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 ||
      static_cast<std::int64_t>(st.st_size) != mark.bytes) {
    throw SyncError(fmt::format(
        "{} changed while roll was syncing (not the file this device wrote); nothing was synced",
        file.string()));
  }
  auto start = static_cast<std::int64_t>(st.st_size);
  std::string text;
  std::int64_t lines = mark.lines;
  if (start == 0 || box.grew) {
    // The first line, or the same line again with more ids: from here on the journal carries
    // their records too.
    text = sync::encode_header(device, box.speaks_for) + '\n';
    lines = start == 0 ? 1 : lines + 1;
  }
  for (const auto& r : box.records) {
    text += sync::encode(r);
    text += '\n';
    ++lines;
  }
  std::size_t done = 0;
  int err = 0;
  while (done < text.size()) {
    auto n = ::write(fd.get(), text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd.get()) != 0) err = errno;
  if (err != 0) {
    if (::ftruncate(fd.get(), static_cast<off_t>(start)) != 0) {
      // Nothing more to do: the next sync sees the length it does not expect and moves on to
      // a journal of its own.
    }
    throw SyncError(
        fmt::format("cannot write {}: {}; nothing was synced", file.string(), std::strerror(err)));
  }
  return {start + static_cast<std::int64_t>(text.size()), lines, false, {}};
}

// What reading one journal needs besides the file.
struct JournalRead {
  HistoryStore& store;
  MergeRequest request;  // its positions: this journal's, as the reading goes on
  ProblemLog& problems;
  MergeCounts& merged;
};

// Reads another device's journal from `from` on and merges it as it goes, a batch at a time:
// whole lines only (a torn last line waits for the next sync), the header checked on line 1, a
// line that does not decode, or a record of a device the journal does not speak for, named and
// skipped, a line from a newer roll stopping the read there (it is read once roll is upgraded).
void read_journal(const std::filesystem::path& file, const std::string& device, JournalMark from,
                  JournalRead& read) {
  auto& problems = read.problems;
  std::string name = file.string();
  Fd fd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) {
    problems.add(name, fmt::format("{}: cannot be read: {}; not merged", name,
                                   errno == ELOOP ? "a symbolic link" : std::strerror(errno)));
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    problems.add(name, fmt::format("{}: not a regular file; not merged", name));
    return;
  }
  // Replaced by a shorter file: read again from the start (what is known stays known).
  if (static_cast<std::int64_t>(st.st_size) < from.bytes) from = {};
  JournalMark mark = from;
  std::set<std::string> speaks_for(from.speaks_for.begin(), from.speaks_for.end());
  std::vector<IncomingRecord> batch;
  auto merge = [&] {
    mark.speaks_for.assign(speaks_for.begin(), speaks_for.end());
    read.request.positions = {{device, mark}};
    read.request.journal_device = device;
    add_counts(read.merged, read.store.merge(batch, read.request, problems));
    batch.clear();
  };
  // A header line: the first names the device; later ones may list more ids it speaks for.
  auto take_header = [&](std::string_view line, const std::string& where) {
    auto h = sync::decode_header(line);
    if (!h.header) {
      problems.add_at(where, fmt::format("{}; not merged", h.error));
      return false;
    }
    if (h.header->version > sync::kJournalVersion) {
      problems.add(name, fmt::format("{}: written by a newer roll (journal format {}, this roll "
                                     "reads {}); not merged and not changed: upgrade roll on "
                                     "this device",
                                     where, h.header->version, sync::kJournalVersion));
      return false;
    }
    if (h.header->device != device) {
      problems.add_at(where, fmt::format("the header names device {}, not {}; not merged",
                                         sync::quoted(h.header->device), device));
      return false;
    }
    for (auto& id : h.header->replaces) {
      if (id != device && speaks_for.size() < sync::kMaxReplaced) speaks_for.insert(std::move(id));
    }
    return true;
  };
  LineReader reader(fd.get(), from.bytes, from.skipping);
  std::int64_t line_no = from.lines;
  std::string_view line;
  for (;;) {
    auto got = reader.next(line);
    if (got == LineReader::Got::end) break;
    ++line_no;
    std::string where = fmt::format("{}:{}", name, line_no);
    if (got == LineReader::Got::long_line) {
      if (reader.take_started_long()) problems.add_at(where, too_long(sync::kMaxLineBytes));
    } else if (line_no == 1) {
      if (!take_header(line, where)) return;
    } else if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      // blank
    } else if (sync::is_header_line(line) && line.find("\"kind\"") == std::string_view::npos) {
      if (!take_header(line, where)) {
        merge();
        return;
      }
    } else {
      auto d = sync::decode(line);
      if (d.newer) {
        problems.add_at(where, fmt::format("{}; this journal is merged up to here", d.error));
        merge();
        return;
      }
      if (!d.record) {
        problems.add_at(where, fmt::format("{}; skipped", d.error));
      } else if (d.record->device != device && !speaks_for.count(d.record->device)) {
        problems.add_at(where,
                        fmt::format("a record of device {} in the journal of device {} (a journal "
                                    "carries only its own device's records, and those of the "
                                    "ids its header lists); skipped",
                                    sync::quoted(d.record->device), device));
      } else {
        batch.push_back({std::move(*d.record), std::move(where)});
      }
    }
    mark = {reader.offset(), line_no, false, {}};
    if (batch.size() >= kBatchRecords) merge();
  }
  if (reader.skipping()) {
    if (reader.take_started_long())
      problems.add_at(fmt::format("{}:{}", name, line_no + 1), too_long(sync::kMaxLineBytes));
    mark = {reader.offset(), line_no, true, {}};
  }
  if (reader.error() != 0) {
    problems.add(name, fmt::format("{}: cannot be read past byte {}: {}; merged up to there", name,
                                   reader.offset(), std::strerror(reader.error())));
  }
  if (!batch.empty() || mark.bytes != from.bytes || mark.lines != from.lines ||
      mark.skipping != from.skipping) {
    merge();
  }
}

// <dir>/<uuid>.ndjson: a device's journal. Anything else there (a sync engine's conflict copy,
// a README) is not.
std::optional<std::string> journal_device(const std::filesystem::path& path) {
  auto name = path.filename().string();
  if (name.size() <= std::strlen(kSuffix) || !name.ends_with(kSuffix)) return std::nullopt;
  auto stem = name.substr(0, name.size() - std::strlen(kSuffix));
  if (!is_uuid(stem)) return std::nullopt;
  return stem;
}

std::string own_device(const std::filesystem::path& state_home) {
  try {
    return device_id(state_home);
  } catch (const DeviceIdError& e) {
    throw SyncError(fmt::format("{}; nothing was synced", e.what()));
  }
}

// The journals in the folder, by name, each looked at without following a link.
std::vector<std::filesystem::path> journal_files(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (journal_device(entry.path())) files.push_back(entry.path());
  }
  if (ec) {
    throw SyncError(fmt::format("cannot read the sync folder {}: {}", dir.string(), ec.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void add_counts(MergeCounts& total, MergeCounts&& more) {
  total.added += more.added;
  total.updated += more.updated;
  total.known += more.known;
  total.hidden += more.hidden;
  total.left_out += more.left_out;
  total.more_notices += more.more_notices;
  for (auto& n : more.notices) {
    if (total.notices.size() < MergeCounts::kMaxNotices) {
      total.notices.push_back(std::move(n));
    } else {
      ++total.more_notices;
    }
  }
}

SyncReport sync_folder(HistoryStore& store, const SyncRequest& req) {
  SyncLock lock(req.data_dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(req.dir, ec)) {
    throw SyncError(fmt::format(
        "the sync folder {} is not a directory; create it (or point sync_dir at the folder "
        "your sync program shares)",
        req.dir.string()));
  }
  if (::access(req.dir.c_str(), W_OK) != 0) {
    throw SyncError(fmt::format("cannot write to the sync folder {}: {}; nothing was synced",
                                req.dir.string(), std::strerror(errno)));
  }
  SyncReport report;
  std::string own = own_device(req.state_home);
  SyncSelf self = store.sync_self();
  if (!self.device.empty() && self.device != own) {
    // This database wrote another device's journal: its data folder was copied here, or the
    // device id in the state folder was lost. That journal is now another device's, read from
    // where this database left it; this device starts a journal of its own.
    report.device_change = fmt::format(
        "this history wrote the journal of device {} (its data folder was copied here, or the "
        "device id was lost); this device now writes its own, {}",
        self.device, own);
    store.take_journal(own, {{self.device, self.journal}});
    self = {own, {}, self.last_sync};
  }
  auto journal = req.dir / (own + kSuffix);
  auto at = look_at(journal);
  std::string replaced;  // the id given up, when this device's journal is not what it wrote
  std::string why;
  if (at.exists && !at.regular) {
    why = fmt::format("it is {}, which roll never writes through", at.kind);
  } else if (at.exists && at.links > 1) {
    why = fmt::format("it has {} hard links", at.links);
  } else if (at.exists && at.size < self.journal.bytes) {
    why = fmt::format(
        "it is shorter ({} bytes) than this device wrote it ({}): rewound, or "
        "replaced by an older copy",
        at.size, self.journal.bytes);
  } else if (at.exists && at.size > self.journal.bytes) {
    why = fmt::format(
        "it is longer ({} bytes) than this device wrote it ({}): another machine "
        "with this device's id (a copied home directory?) writes it too",
        at.size, self.journal.bytes);
  }
  if (!why.empty()) {
    // Whatever is at that name now is another writer's: this device takes a new id, and
    // everything it made under the old one goes into the new journal again, whose header lists
    // the old id, so that no record the old journal no longer holds is lost. The old journal is
    // read from then on as another device's.
    replaced = own;
    try {
      own = new_device_id(req.state_home);
    } catch (const DeviceIdError& e) {
      throw SyncError(fmt::format("{}; nothing was synced", e.what()));
    }
    std::map<std::string, JournalMark> read_already;
    read_already[replaced] = self.device == replaced ? self.journal : JournalMark{};
    store.take_journal(own, read_already, replaced);
    journal = req.dir / (own + kSuffix);
    at = look_at(journal);
    self = {own, {}, self.last_sync};
  } else if (!at.exists && self.journal.bytes > 0) {
    // The journal is gone (a new sync folder, or removed): everything is written again.
    store.requeue_all();
    self.journal = {};
  }
  report.device = own;
  JournalMark mark = self.journal;
  bool create = !at.exists;
  report.appended = store.flush_outbox(
      own,
      [&](const HistoryStore::Outbox& box) {
        return append_journal(journal, own, mark, create, box);
      },
      req.now);
  if (!replaced.empty()) {
    report.device_change = fmt::format(
        "the journal {} is not the one this device wrote ({}); this device now writes its own, "
        "{}, whose header lists {} as the journal it replaces, with the {} records made under "
        "that id written again",
        (req.dir / (replaced + kSuffix)).string(), why, own, replaced, report.appended);
  }

  ProblemLog problems;
  auto positions = store.journal_positions();
  JournalRead read{store, {MergeMode::sync, req.now, own, {}}, problems, report.merged};
  for (const auto& path : journal_files(req.dir)) {
    auto device = *journal_device(path);
    if (device == own) continue;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (!S_ISREG(st.st_mode)) {
      problems.add(path.string(),
                   fmt::format("{}: {}, not a journal; not read", path.string(),
                               S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file"));
      continue;
    }
    ++report.journals;
    auto from = positions.count(device) ? positions[device] : JournalMark{};
    read_journal(path, device, from, read);
  }
  // A restoration read above can bring back records of this device that never reached its
  // journal (deleted here before a sync): they go out in this sync, not in the next one.
  if (store.pending_records() > 0) {
    JournalMark again = store.sync_self().journal;
    bool create_again = !look_at(journal).exists;
    report.appended += store.flush_outbox(
        own,
        [&](const HistoryStore::Outbox& box) {
          return append_journal(journal, own, again, create_again, box);
        },
        req.now);
  }
  for (auto& p : problems.lines()) report.problems.push_back(std::move(p));
  for (auto& p : store.take_problems()) report.problems.push_back(std::move(p));
  return report;
}

SyncStatus sync_status(HistoryStore& store, const std::filesystem::path& dir,
                       const std::filesystem::path& state_home) {
  SyncStatus status;
  status.device = own_device(state_home);
  status.pending = store.pending_records();
  auto self = store.sync_self();
  status.last_sync = self.last_sync;
  auto positions = store.journal_positions();
  for (const auto& path : journal_files(dir)) {
    auto device = *journal_device(path);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    JournalState j;
    j.device = device;
    j.self = device == status.device;
    j.written = SysSeconds{std::chrono::seconds{st.st_mtime}};
    j.bytes = static_cast<std::int64_t>(st.st_size);
    if (!j.self) {
      auto it = positions.find(device);
      auto read = it == positions.end() ? 0 : it->second.bytes;
      j.unread_bytes = j.bytes > read ? j.bytes - read : (j.bytes < read ? j.bytes : 0);
    }
    status.journals.push_back(std::move(j));
  }
  return status;
}

ImportReport import_file(HistoryStore& store, const ImportRequest& req) {
  const auto& file = req.file;
  std::string name = file.string();
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0)
    throw SyncError(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) throw SyncError(fmt::format("{}: not a regular file", name));
  // First a look through the whole file for a line from a newer roll: then nothing is imported.
  {
    LineReader reader(fd.get(), 0, false);
    std::string_view line;
    std::int64_t line_no = 0;
    for (auto got = reader.next(line); got != LineReader::Got::end; got = reader.next(line)) {
      ++line_no;
      if (got != LineReader::Got::line) continue;
      if (sync::is_header_line(line) && line.find("\"kind\"") == std::string_view::npos) {
        auto h = sync::decode_header(line);
        if (h.header && h.header->version > sync::kJournalVersion) {
          throw SyncError(fmt::format(
              "{}:{}: written by a newer roll (format {}, this roll reads {}); nothing imported: "
              "upgrade roll",
              name, line_no, h.header->version, sync::kJournalVersion));
        }
        continue;
      }
      if (auto d = sync::decode(line); d.newer)
        throw SyncError(fmt::format("{}:{}: {}; nothing imported", name, line_no, d.error));
    }
    if (reader.error() != 0)
      throw SyncError(fmt::format("cannot read {}: {}", name, std::strerror(reader.error())));
  }
  ImportReport report;
  ProblemLog problems;
  MergeRequest request{MergeMode::import, req.now, req.own_device, {}, req.restore};
  std::vector<IncomingRecord> batch;
  auto merge = [&] {
    auto counts = store.merge(batch, request, problems);
    batch.clear();
    // A record that hangs on another deleted here comes back with it.
    for (const auto& [uid, device] : counts.deleted_here) {
      if (store.restore(uid, req.now, device) == RestoreResult::restored) ++report.restored;
    }
    counts.deleted_here.clear();
    add_counts(report.merged, std::move(counts));
  };
  LineReader reader(fd.get(), 0, false);
  std::string_view line;
  std::int64_t line_no = 0;
  for (auto got = reader.next(line); got != LineReader::Got::end; got = reader.next(line)) {
    ++line_no;
    std::string where = fmt::format("{}:{}", name, line_no);
    if (got == LineReader::Got::long_line) {
      problems.add_at(where, too_long(sync::kMaxLineBytes));
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (sync::is_header_line(line) && line.find("\"kind\"") == std::string_view::npos) {
      if (sync::decode_header(line).header) continue;
    }
    auto d = sync::decode(line);
    if (!d.record) {
      problems.add_at(where, fmt::format("{}; skipped", d.error));
      continue;
    }
    batch.push_back({std::move(*d.record), std::move(where)});
    if (batch.size() >= kBatchRecords) merge();
  }
  if (reader.skipping())
    problems.add_at(fmt::format("{}:{}", name, line_no + 1), too_long(sync::kMaxLineBytes));
  merge();
  report.problems = problems.lines();
  for (auto& p : store.take_problems()) report.problems.push_back(std::move(p));
  return report;
}

}  // namespace roll::platform

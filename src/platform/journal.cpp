#include "platform/journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "platform/ids.hpp"

namespace roll::platform {

namespace {

constexpr const char* kSuffix = ".ndjson";

// flock() on <data>/sync.lock: a second `roll sync` on this device waits for the first, so two
// never append the same records. Released when the process ends, however it ends.
class SyncLock {
 public:
  explicit SyncLock(const std::filesystem::path& data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    auto file = data_dir / "sync.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
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

std::int64_t size_of(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return -1;
  return static_cast<std::int64_t>(st.st_size);
}

// Whole lines appended with one write each batch, then fsync: a sync engine that copies the
// file mid-write sees at worst a last line without its newline, which readers skip until it
// is complete. A failed write is cut back off, so the file never holds half a batch.
JournalMark append_journal(const std::filesystem::path& file, const std::string& device,
                           JournalMark mark, const std::vector<sync::Record>& records) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw SyncError(fmt::format("cannot write {}: {}; nothing was synced", file.string(),
                                std::strerror(errno)));
  }
  struct stat st {};
  ::fstat(fd, &st);
  auto start = static_cast<std::int64_t>(st.st_size);
  std::string text;
  std::int64_t lines = mark.lines;
  if (start == 0) {
    text = sync::encode_header(device) + '\n';
    lines = 1;
  }
  for (const auto& r : records) {
    text += sync::encode(r);
    text += '\n';
    ++lines;
  }
  std::size_t done = 0;
  int err = 0;
  while (done < text.size()) {
    auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (err != 0) {
    if (::ftruncate(fd, static_cast<off_t>(start)) != 0) {
      // Nothing more to do: the next sync sees the length it does not expect and moves on to
      // a journal of its own.
    }
    ::close(fd);
    throw SyncError(
        fmt::format("cannot write {}: {}; nothing was synced", file.string(), std::strerror(err)));
  }
  ::close(fd);
  return {start + static_cast<std::int64_t>(text.size()), lines};
}

struct JournalRead {
  std::vector<IncomingRecord> records;
  JournalMark mark;
};

// Reads another device's journal from `from` on: whole lines only (a torn last line waits for
// the next sync), the header checked on line 1, a line that does not parse reported and
// skipped, a line from a newer roll stopping the read there (it is read once roll is upgraded).
JournalRead read_journal(const std::filesystem::path& file, const std::string& device,
                         JournalMark from, std::vector<std::string>& problems) {
  JournalRead out;
  auto size = size_of(file);
  if (size < from.bytes) from = {};  // replaced by a shorter file: read it again from the start
  out.mark = from;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problems.push_back(fmt::format("{}: cannot be read; not merged", file.string()));
    return out;
  }
  in.seekg(from.bytes);
  std::string text(static_cast<std::size_t>(size - from.bytes), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  std::size_t pos = 0;
  std::int64_t line_no = from.lines;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) break;  // torn: the rest of it has not arrived yet
    std::string_view line(text.data() + pos, end - pos);
    ++line_no;
    std::string where = fmt::format("{}:{}", file.string(), line_no);
    if (line_no == 1) {
      auto h = sync::decode_header(line);
      if (!h.header) {
        problems.push_back(fmt::format("{}: {}; not merged", where, h.error));
        return out;
      }
      if (h.header->version > sync::kFormatVersion) {
        problems.push_back(fmt::format(
            "{}: written by a newer roll (journal format {}, this roll reads {}); not merged "
            "and not changed: upgrade roll on this device",
            file.string(), h.header->version, sync::kFormatVersion));
        return out;
      }
      if (h.header->device != device) {
        problems.push_back(fmt::format("{}: the header names device {}, not {}; not merged", where,
                                       h.header->device, device));
        return out;
      }
    } else if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      auto d = sync::decode(line);
      if (d.newer) {
        problems.push_back(
            fmt::format("{}: {}; this journal is merged up to here", where, d.error));
        return out;
      }
      if (!d.record) {
        problems.push_back(fmt::format("{}: {}; skipped", where, d.error));
      } else {
        out.records.push_back({std::move(*d.record), std::move(where)});
      }
    }
    pos = end + 1;
    out.mark = {from.bytes + static_cast<std::int64_t>(pos), line_no};
  }
  return out;
}

// <dir>/<uuid>.ndjson: a device's journal. Anything else there (a sync engine's conflict copy,
// a README) is not.
std::optional<std::string> journal_device(const std::filesystem::directory_entry& entry) {
  std::error_code ec;
  if (!entry.is_regular_file(ec)) return std::nullopt;
  auto name = entry.path().filename().string();
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

}  // namespace

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
  std::map<std::string, JournalMark> read_already;
  if (!self.device.empty() && self.device != own) {
    // This database wrote another device's journal: its data folder was copied here, or the
    // device id in the state folder was lost. That journal is now another device's, read from
    // where this database left it; this device starts a journal of its own.
    report.device_change = fmt::format(
        "this history wrote the journal of device {} (its data folder was copied here, or the "
        "device id was lost); this device now writes its own, {}",
        self.device, own);
    read_already[self.device] = self.journal;
    store.take_journal(own, read_already);
    self = {own, {}, self.last_sync};
  }
  auto journal = req.dir / (own + kSuffix);
  auto size = size_of(journal);
  if (size >= 0 && size != self.journal.bytes) {
    // Someone else appends to this device's journal: another machine with the same device id
    // (a copied home directory). This one takes a new id; the old journal is read as another
    // device's from where this history knows it.
    std::string old = own;
    try {
      own = new_device_id(req.state_home);
    } catch (const DeviceIdError& e) {
      throw SyncError(fmt::format("{}; nothing was synced", e.what()));
    }
    report.device_change = fmt::format(
        "the journal {} is written by another machine with this device's id as well (a copied "
        "home directory?); this device now writes its own, {}",
        journal.string(), own);
    read_already.clear();
    read_already[old] = self.device == old ? self.journal : JournalMark{};
    store.take_journal(own, read_already);
    journal = req.dir / (own + kSuffix);
    self = {own, {}, self.last_sync};
  } else if (size < 0 && self.journal.bytes > 0) {
    // The journal is gone (a new sync folder, or removed): everything is written again.
    store.requeue_all();
    self.journal = {};
  }
  report.device = own;
  JournalMark mark = self.journal;
  report.appended = store.flush_outbox(
      own,
      [&](const std::vector<sync::Record>& records) {
        return append_journal(journal, own, mark, records);
      },
      req.now);

  auto positions = store.journal_positions();
  std::vector<IncomingRecord> batch;
  std::map<std::string, JournalMark> read_to;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(req.dir, ec))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto device = journal_device(std::filesystem::directory_entry(path));
    if (!device || *device == own) continue;
    ++report.journals;
    auto from = positions.count(*device) ? positions[*device] : JournalMark{};
    auto r = read_journal(path, *device, from, report.problems);
    if (r.mark.bytes != from.bytes || r.mark.lines != from.lines) read_to[*device] = r.mark;
    for (auto& rec : r.records) batch.push_back(std::move(rec));
  }
  if (!batch.empty() || !read_to.empty()) {
    report.merged = store.merge(batch, MergeMode::sync, read_to);
  }
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
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    files.push_back(entry.path());
  if (ec) {
    throw SyncError(fmt::format("cannot read the sync folder {}: {}", dir.string(), ec.message()));
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto device = journal_device(std::filesystem::directory_entry(path));
    if (!device) continue;
    JournalState j;
    j.device = *device;
    j.self = *device == status.device;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      j.written = SysSeconds{std::chrono::seconds{st.st_mtime}};
      j.bytes = static_cast<std::int64_t>(st.st_size);
    }
    if (!j.self) {
      auto it = positions.find(*device);
      auto read = it == positions.end() ? 0 : it->second.bytes;
      j.unread_bytes = j.bytes > read ? j.bytes - read : (j.bytes < read ? j.bytes : 0);
    }
    status.journals.push_back(std::move(j));
  }
  return status;
}

ImportReport import_file(HistoryStore& store, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SyncError(fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
  ImportReport report;
  std::vector<IncomingRecord> batch;
  std::string line;
  std::int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string where = fmt::format("{}:{}", file.string(), line_no);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line_no == 1 && line.find("\"roll_journal\"") != std::string::npos) {
      auto h = sync::decode_header(line);
      if (h.header && h.header->version > sync::kFormatVersion) {
        throw SyncError(fmt::format(
            "{}: written by a newer roll (format {}, this roll reads {}); nothing imported: "
            "upgrade roll",
            where, h.header->version, sync::kFormatVersion));
      }
      if (h.header) continue;
    }
    auto d = sync::decode(line);
    if (d.newer) {
      throw SyncError(fmt::format("{}: {}; nothing imported", where, d.error));
    }
    if (!d.record) {
      report.problems.push_back(fmt::format("{}: {}; skipped", where, d.error));
      continue;
    }
    batch.push_back({std::move(*d.record), std::move(where)});
  }
  if (in.bad()) throw SyncError(fmt::format("cannot read {}", file.string()));
  report.merged = store.merge(batch, MergeMode::import, {});
  for (auto& p : store.take_problems()) report.problems.push_back(std::move(p));
  return report;
}

}  // namespace roll::platform

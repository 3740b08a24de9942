#include "platform/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

namespace roll::platform {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int error) {
  return std::strerror(error);
}

// Closes on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  void adopt(int fd) {
    reset();
    fd_ = fd;
  }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  // Close and report: a failed close can be the first sign of a failed write (NFS, quotas).
  [[nodiscard]] bool close() {
    int fd = fd_;
    fd_ = -1;
    return fd < 0 || ::close(fd) == 0;
  }

 private:
  int fd_;
};

bool write_all(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads the whole of `fd`, at most `limit` bytes plus one (so the caller can tell it grew).
bool read_all(int fd, std::string& out, std::size_t limit) {
  char buffer[65536];
  while (out.size() <= limit) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

// Makes the rename itself durable: without this a crash can bring the old name back.
void sync_directory(const fs::path& dir) {
  Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());  // best effort: some filesystems refuse fsync on a dir
}

// A new, empty file beside `target`, created with O_EXCL (mkostemp) so that nothing already at
// its name (a planted symlink above all) is ever opened. Its name ends in random characters, not
// ".toml", so `roll lint DIR` and `roll list` never see it.
struct Temp {
  fs::path path;
  Fd fd;
  bool linked = false;
  ~Temp() {
    fd.reset();
    if (linked) ::unlink(path.c_str());
  }
};

bool make_temp(const fs::path& target, Temp& temp) {
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on `"." + string`.
  std::string name(".");
  name += target.filename().string();
  name += ".roll-XXXXXX";
  std::string pattern = (target.parent_path() / name).string();
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return false;
  temp.path = pattern;
  temp.fd.adopt(fd);
  temp.linked = true;
  return true;
}

bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

}  // namespace

std::string read_text_file(const fs::path& path, std::size_t max_bytes) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw FileError(fmt::format("{}: no such file", path.string()));
  }
  if (fs::is_directory(status)) {
    throw FileError(fmt::format("{}: is a directory, not a routine file", path.string()));
  }
  if (!fs::is_regular_file(status)) {
    throw FileError(fmt::format("{}: not a regular file", path.string()));
  }
  auto size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    throw FileError(fmt::format("{}: file is {} bytes; routines are limited to {} bytes",
                                path.string(), size, max_bytes));
  }
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  std::string text;
  if (fd.get() < 0 || !read_all(fd.get(), text, max_bytes)) {
    throw FileError(fmt::format("{}: cannot read: {}", path.string(), errno_text(errno)));
  }
  // The file grew after the size check.
  if (text.size() > max_bytes) {
    throw FileError(fmt::format("{}: file is larger than the {} byte limit for routines",
                                path.string(), max_bytes));
  }
  return text;
}

CreateResult create_new_file(const fs::path& path, std::string_view text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  Temp temp;
  if (!make_temp(path, temp)) return CreateResult::failed;
  // mkostemp makes 0600; a routine is as readable as any file the user writes.
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(temp.fd.get(), 0666 & ~mask) != 0 || !write_all(temp.fd.get(), text) ||
      ::fsync(temp.fd.get()) != 0 || !temp.fd.close()) {
    return CreateResult::failed;
  }
  // link() refuses an existing name atomically, where rename() would replace it.
  if (::link(temp.path.c_str(), path.c_str()) != 0) {
    return errno == EEXIST ? CreateResult::exists : CreateResult::failed;
  }
  sync_directory(path.parent_path());
  return CreateResult::created;
}

void write_text_file(const fs::path& path, std::string_view text,
                     std::optional<std::string_view> expected) {
  std::error_code ec;
  // Through a symlink, the routine it points to is replaced, not the link.
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) target = path;
  auto fail = [&](std::string_view why) {
    throw FileError(fmt::format("{}: {}", path.string(), why));
  };

  struct stat before {};
  bool exists = false;
  {
    Fd original(::open(target.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (original.get() < 0 && errno != ENOENT)
      fail(fmt::format("cannot open: {}", errno_text(errno)));
    if (original.get() >= 0) {
      exists = true;
      if (::fstat(original.get(), &before) != 0)
        fail(fmt::format("cannot stat: {}", errno_text(errno)));
      if (!S_ISREG(before.st_mode)) fail("not a regular file; not replaced");
      if ((before.st_mode & S_IWUSR) == 0) {
        fail("is read-only (its owner has no write permission); not replaced");
      }
      if (before.st_nlink > 1) {
        fail(fmt::format("has {} hard links; replacing it would split them, so it is left as is",
                         before.st_nlink));
      }
      if (expected) {
        std::string now;
        if (!read_all(original.get(), now, expected->size())) {
          fail(fmt::format("cannot read: {}", errno_text(errno)));
        }
        if (now != *expected) fail("changed since it was read; not overwritten");
      }
    } else if (expected) {
      fail("was removed since it was read; not written");
    }
  }

  Temp temp;
  if (!make_temp(target, temp)) {
    fail(fmt::format("cannot create a temporary file beside it: {}", errno_text(errno)));
  }
  if (exists) {
    if (::fchown(temp.fd.get(), before.st_uid, before.st_gid) != 0) {
      fail(fmt::format("cannot keep its owner and group: {}; not replaced", errno_text(errno)));
    }
    if (::fchmod(temp.fd.get(), before.st_mode & 07777) != 0) {
      fail(fmt::format("cannot keep its permissions: {}; not replaced", errno_text(errno)));
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(temp.fd.get(), 0666 & ~mask) != 0) {
      fail(fmt::format("cannot set permissions: {}", errno_text(errno)));
    }
  }
  if (!write_all(temp.fd.get(), text) || ::fsync(temp.fd.get()) != 0 || !temp.fd.close()) {
    fail(fmt::format("cannot write: {}", errno_text(errno)));
  }

  // The last look before the rename: the same file (inode, size, time) as the one checked above,
  // or still none.
  struct stat now {};
  bool exists_now = ::lstat(target.c_str(), &now) == 0;
  if (exists_now != exists || (exists && !same_file(before, now))) {
    fail(exists ? "changed while it was being replaced; not overwritten"
                : "appeared while it was being written; not overwritten");
  }
  if (::rename(temp.path.c_str(), target.c_str()) != 0) {
    fail(fmt::format("cannot replace: {}", errno_text(errno)));
  }
  temp.linked = false;
  sync_directory(target.parent_path());
}

bool write_private_file(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  // Only a directory made here is made private: one that was there keeps its owner's mode, and a
  // link planted in its place is never followed to change the mode of what it points at.
  if (fs::create_directories(path.parent_path(), ec)) {
    int fd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      (void)::fchmod(fd, 0700);
      ::close(fd);
    }
  }
  Temp temp;
  // mkostemp makes the file 0600.
  if (!make_temp(path, temp) || !write_all(temp.fd.get(), bytes) || !temp.fd.close()) {
    return false;
  }
  if (::rename(temp.path.c_str(), path.c_str()) != 0) return false;
  temp.linked = false;
  return true;
}

std::optional<std::string> read_private_file(const fs::path& path, std::size_t max_bytes) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  struct stat info {};
  if (fd.get() < 0 || ::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode) ||
      info.st_uid != ::geteuid() || (info.st_mode & (S_IWGRP | S_IWOTH)) != 0 ||
      static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(info.st_size));
  if (!read_all(fd.get(), bytes, max_bytes) || bytes.size() > max_bytes) return std::nullopt;
  return bytes;
}

}  // namespace roll::platform

#include "platform/authoring.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

namespace roll::platform {

CreateResult create_new_file(const std::filesystem::path& path, std::string_view text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno == EEXIST ? CreateResult::exists : CreateResult::failed;
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      std::filesystem::remove(path, ec);
      return CreateResult::failed;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0 ? CreateResult::created : CreateResult::failed;
}

int open_in_editor(const std::filesystem::path& path) {
  // Through the shell, because EDITOR may carry arguments ("code --wait").
  const char* script =
      "if [ -n \"$VISUAL\" ]; then exec sh -c \"$VISUAL \\\"\\$1\\\"\" sh \"$1\"; fi\n"
      "if [ -n \"$EDITOR\" ]; then exec sh -c \"$EDITOR \\\"\\$1\\\"\" sh \"$1\"; fi\n"
      "if command -v editor >/dev/null 2>&1; then exec editor \"$1\"; fi\n"
      "exec vi \"$1\"\n";
  pid_t pid = ::fork();
  if (pid < 0) return 127;
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", script, "sh", path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 127;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace roll::platform

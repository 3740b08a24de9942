#include "platform/editor.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace roll::platform {

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

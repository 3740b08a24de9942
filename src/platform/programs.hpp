#pragma once
// Finding a program as a shell would: the one PATH look-up in roll (the voice's speech program
// today; anything that later runs or checks for another program uses this too).
#include <string>
#include <string_view>

namespace roll::platform {

// The path to run for `name`: a name with a slash is taken as written when it is executable;
// otherwise the first executable `<dir>/<name>` along `path_env` (PATH's value; nullptr when PATH
// is unset, which searches /usr/bin:/bin as execvp does). An empty PATH entry is the current
// directory, as POSIX says. Empty when nothing executable is found.
[[nodiscard]] std::string find_program(std::string_view name, const char* path_env);

}  // namespace roll::platform

#pragma once
// Running another program to its end with text on its standard input and its output captured:
// `crontab -l` and `crontab -` for `roll remind --cron --install`. Never through a shell: the
// arguments are passed as they are.
#include <string>
#include <string_view>
#include <vector>

namespace roll::platform {

struct ProgramResult {
  int status = 127;  // exit status; 128 + the signal that killed it; 127 when it could not start
  std::string out;   // at most 1 MiB of each; the rest is read and dropped
  std::string err;
};

// `path` (found with find_program) with `args` (argv[1...]), in the process's environment.
[[nodiscard]] ProgramResult run_program(const std::string& path,
                                        const std::vector<std::string>& args,
                                        std::string_view input);

}  // namespace roll::platform

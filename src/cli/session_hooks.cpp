// Until the history work lands: nothing to check before the start, and nothing recorded.
#include "cli/session_hooks.hpp"

namespace roll::cli {

std::unique_ptr<SessionLog> open_session_log(Context&, bool) {
  return std::make_unique<NullSessionLog>();
}

void preflight(Context&, const Routine&, bool, bool) {}

}  // namespace roll::cli

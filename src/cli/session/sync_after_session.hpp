#pragma once
// The sync after a session, when the profile says `sync_after_session = true`.
#include "cli/context.hpp"
#include "cli/user_data.hpp"

namespace roll::cli {

// After a recorded session: a failure is one line on stderr and never touches the session, which
// is recorded already.
void sync_after_session(Context& ctx, UserData& user);

}  // namespace roll::cli

#pragma once
// The voice of a guided session (--voice): the speech program chosen (--voice-command, then the
// profile's `speech`, then espeak-ng), found along PATH and tried on its first phrase before the
// first second, so that a voice that cannot speak is said where it is read (the notices the full
// screen waits for), not after the session behind it.
#include <memory>

#include "cli/context.hpp"
#include "cli/session/notices.hpp"
#include "cli/session/session_options.hpp"
#include "cli/user_data.hpp"
#include "platform/screens.hpp"
#include "roll/routine.hpp"

namespace roll::cli {

// The speaker for the session, or none (no --voice, or a program that is missing, fails or
// writes errors on its first phrase, the routine's title: then a notice says so and the session
// goes on without a voice). A command line that does not parse is a usage error (thrown).
std::unique_ptr<platform::ProcessSpeaker> start_voice(Context& ctx, UserData& user,
                                                      const SessionOptions& args,
                                                      const Routine& routine, Notices& notices);

}  // namespace roll::cli

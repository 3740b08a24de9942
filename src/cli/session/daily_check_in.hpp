#pragma once
// The daily check-in: once per roll day, before an interactive session, "any fresh injury?" and
// the limb symptoms that stop a session (the questions and their answers are roll/check_in.hpp;
// this asks them and records the answers in the history).
#include "cli/context.hpp"
#include "cli/session/notices.hpp"
#include "platform/history_store.hpp"
#include "roll/check_in.hpp"
#include "roll/profile.hpp"

namespace roll::cli {

// Over `prompter`: records a fresh injury once, and throws Failure{exit_refused, ...} when it got
// no answer or heard of numbness, weakness or shooting pain in the limbs. preflight() calls it on
// a terminal; the tests with scripted answers.
void daily_check_in(Context& ctx, platform::HistoryStore& store, SysSeconds now,
                    const Profile& profile, Prompter& prompter, Notices& notices);

}  // namespace roll::cli

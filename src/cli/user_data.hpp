#pragma once
// What roll keeps about the person, as the commands touch it: the profile (config.toml) and the
// history database. The dispatcher (app.cpp) makes one UserData for a run and hands it to each
// command that touches either, beside its options; each is read or opened on first use and at
// most once. So a command (or an option) that never asks for one never touches its file, and a
// session reads config.toml once and opens SQLite once however many of its steps need them.
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/context.hpp"
#include "platform/history_store.hpp"
#include "roll/profile.hpp"

namespace roll::cli {

// A change to config.toml's text (roll/profile_edit.hpp): the text in, the new text out; nullopt
// when the text holds what is to change in a form roll cannot edit.
using ProfileEdit = std::function<std::optional<std::string>(std::string_view text)>;

// Where the profile and the history come from: the files (user_data_files()), or in a test a
// source that counts how often each is read.
class UserDataSource {
 public:
  virtual ~UserDataSource() = default;
  // config.toml rewritten by `edit` (atomically, refused if it changed since it was read), and
  // the profile it now holds. `what` names the change for a message ("the screening's answers").
  // Failure (exit 2) when it cannot be read, edited or written. The files' by default.
  [[nodiscard]] virtual Profile rewrite_profile(Context& ctx, const ProfileEdit& edit,
                                                std::string_view what);
  // config.toml, or the default profile when there is none. Errors are printed with their
  // file:line:col and end the command with exit 2.
  [[nodiscard]] virtual Profile read_profile(Context& ctx) = 0;
  // The history under $XDG_DATA_HOME/roll; Failure (exit 2, with what to do) when it cannot be
  // opened.
  [[nodiscard]] virtual std::unique_ptr<platform::HistoryStore> open_history(Context& ctx) = 0;
};

// The files under the Context's XDG directories.
[[nodiscard]] UserDataSource& user_data_files();

// The profile and the history of one run. A failure is kept and thrown again: neither is read
// twice, and a step that went on without one (the fifth session's count) meets the same error
// as the next step that needs it.
class UserData {
 public:
  UserData(Context& ctx, UserDataSource& source) : ctx_(ctx), source_(source) {}
  UserData(const UserData&) = delete;
  UserData& operator=(const UserData&) = delete;

  [[nodiscard]] const Profile& profile();
  [[nodiscard]] platform::HistoryStore& history();
  // Changes config.toml (UserDataSource::rewrite_profile) and keeps the profile it now holds for
  // the rest of the run: a reference profile() gave sees the change.
  const Profile& edit_profile(const ProfileEdit& edit, std::string_view what);

 private:
  Context& ctx_;
  UserDataSource& source_;
  std::optional<Profile> profile_;
  std::exception_ptr profile_failed_;
  std::unique_ptr<platform::HistoryStore> history_;
  std::exception_ptr history_failed_;
};

// Prints the store's one-line notes about rows it left out (values roll did not write).
void report_problems(Context& ctx, platform::HistoryStore& store);

}  // namespace roll::cli

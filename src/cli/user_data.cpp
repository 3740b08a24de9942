// The one place the command line reads config.toml and opens the history database.
#include "cli/user_data.hpp"

#include <fmt/core.h>

#include "cli/routine_loading.hpp"
#include "platform/atomic_file.hpp"
#include "platform/ids.hpp"
#include "platform/profile_file.hpp"
#include "roll/text.hpp"

namespace roll::cli {

namespace {

class Files final : public UserDataSource {
 public:
  Profile read_profile(Context& ctx) override {
    auto result = platform::read_profile(ctx.env);
    if (!result.profile) {
      print_diagnostics(ctx, result.diagnostics);
      throw Failure(exit_usage, fmt::format("fix the profile {} first",
                                            sanitize(platform::profile_path(ctx.env).string())));
    }
    return *result.profile;
  }

  std::unique_ptr<platform::HistoryStore> open_history(Context& ctx) override {
    try {
      auto state = ctx.env.state_home;
      return std::make_unique<platform::HistoryStore>(
          platform::HistoryStore::default_file(ctx.env.data_dir()),
          [state] { return platform::device_id(state); });
    } catch (const platform::HistoryError& e) {
      throw Failure(exit_usage, e.what());
    }
  }
};

}  // namespace

Profile UserDataSource::rewrite_profile(Context& ctx, const ProfileEdit& edit,
                                        std::string_view what) {
  auto path = platform::profile_path(ctx.env);
  std::string shown = sanitize(path.string());
  try {
    auto before = platform::read_profile_text(ctx.env);
    auto after = edit(before.text);
    if (!after) {
      throw Failure(exit_usage,
                    fmt::format("cannot write {} into {}: it holds them in a form roll does not "
                                "edit (an inline table or dotted keys); write them by hand",
                                what, shown));
    }
    platform::write_profile_text(ctx.env, before, *after);
    auto parsed = load_profile(*after, path.string());
    if (!parsed.profile) {
      print_diagnostics(ctx, parsed.diagnostics);
      throw Failure(exit_usage, fmt::format("fix the profile {} first", shown));
    }
    return *parsed.profile;
  } catch (const platform::FileError& e) {
    throw Failure(exit_usage, fmt::format("cannot write {}: {}", what, sanitize(e.what())));
  }
}

UserDataSource& user_data_files() {
  static Files files;
  return files;
}

const Profile& UserData::profile() {
  if (profile_failed_) std::rethrow_exception(profile_failed_);
  if (!profile_) {
    try {
      profile_ = source_.read_profile(ctx_);
    } catch (...) {
      profile_failed_ = std::current_exception();
      throw;
    }
  }
  return *profile_;
}

const Profile& UserData::edit_profile(const ProfileEdit& edit, std::string_view what) {
  (void)profile();  // the file as it stands must be readable first
  *profile_ = source_.rewrite_profile(ctx_, edit, what);
  return *profile_;
}

platform::HistoryStore& UserData::history() {
  if (history_failed_) std::rethrow_exception(history_failed_);
  if (!history_) {
    try {
      history_ = source_.open_history(ctx_);
    } catch (...) {
      history_failed_ = std::current_exception();
      throw;
    }
  }
  return *history_;
}

void report_problems(Context& ctx, platform::HistoryStore& store) {
  for (const auto& line : store.take_problems()) fmt::print(ctx.err, "roll: {}\n", line);
}

}  // namespace roll::cli

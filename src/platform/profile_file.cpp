#include "platform/profile_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "platform/atomic_file.hpp"

namespace roll::platform {

namespace fs = std::filesystem;

std::filesystem::path profile_path(const Environment& env) {
  return env.config_home / "roll" / "config.toml";
}

namespace {

ProfileResult unreadable(const fs::path& path, std::string message, std::string help) {
  ProfileResult r;
  r.diagnostics.push_back(Diagnostic{path.string(),
                                     {1, 1, 1, 1},
                                     Severity::error,
                                     "profile",
                                     std::move(message),
                                     std::move(help)});
  return r;
}

}  // namespace

constexpr std::size_t kMaxProfileBytes = 64 * 1024;

ProfileResult read_profile(const Environment& env) {
  auto path = profile_path(env);
  // Only a profile that is not there at all is the default one. Anything else that cannot be read
  // (a dangling symlink, a loop, a directory, no permission) is an error: a profile skipped by
  // accident would skip the conditions that refuse a session.
  std::error_code ec;
  auto link = fs::symlink_status(path, ec);
  if (link.type() == fs::file_type::not_found) return ProfileResult{Profile{}, {}};
  if (ec) {
    return unreadable(path, fmt::format("cannot look at the profile: {}", ec.message()),
                      "check the permissions of the directories above it");
  }
  if (fs::is_symlink(link)) {
    auto target = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return unreadable(
          path, fmt::format("the profile is a symlink that cannot be followed: {}", ec.message()),
          "point the symlink at your config.toml, or remove it to use the defaults");
    }
    if (target.type() == fs::file_type::not_found) {
      std::error_code read_ec;
      auto to = fs::read_symlink(path, read_ec);
      return unreadable(path, fmt::format("the profile is a dangling symlink (to {})", to.string()),
                        "point the symlink at your config.toml, or remove it to use the defaults");
    }
  }
  if (fs::is_directory(path, ec)) {
    return unreadable(path, "the profile is a directory, not a file",
                      "config.toml must be a TOML file: move the directory away");
  }
  try {
    return load_profile(read_text_file(path, kMaxProfileBytes), path.string());
  } catch (const FileError& e) {
    return unreadable(path, e.what(),
                      "the profile must be a readable TOML file of at most 64 KiB: check its "
                      "permissions, or remove it to use the defaults");
  }
}

ProfileText read_profile_text(const Environment& env) {
  auto path = profile_path(env);
  std::error_code ec;
  if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) return {};
  return ProfileText{read_text_file(path, kMaxProfileBytes), true};
}

void write_profile_text(const Environment& env, const ProfileText& before, std::string_view text) {
  auto path = profile_path(env);
  if (before.exists) {
    replace_text_file(path, text, before.text);
    return;
  }
  switch (create_new_file(path, text)) {
    case CreateResult::created:
      return;
    case CreateResult::exists:
      throw FileError(
          fmt::format("{}: created by something else meanwhile; run roll again", path.string()));
    case CreateResult::failed:
      break;
  }
  throw FileError(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
}

}  // namespace roll::platform

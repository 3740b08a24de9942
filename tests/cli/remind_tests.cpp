// `roll remind`, in process: cron, systemd and ics, and --install/--uninstall.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "run_in_process.hpp"

using roll::test::has;
using roll::test::kLocalNow;
using roll::test::roll_at;
using roll::test::roll_now;
using roll::test::slurp;
using roll::test::TempDir;

TEST_CASE("roll remind: cron, systemd and ics") {
  TempDir home;
  auto cron = roll_now(home, {"remind", "--at", "21:30", "--cron"});
  CHECK(cron.exit_code == 0);
  CHECK(cron.out.starts_with("30 21 * * * "));
  CHECK(has(cron.out, "/roll' due --quiet && "));
  CHECK(has(cron.out, "DBUS_SESSION_BUS_ADDRESS="));
  CHECK(std::count(cron.out.begin(), cron.out.end(), '\n') == 1);
  CHECK(roll_now(home, {"remind", "--at", "07:05", "--days", "sat,sun", "--cron"})
            .out.starts_with("5 7 * * 0,6 "));

  auto systemd = roll_now(home, {"remind", "--at", "21:30", "--days", "mon,wed,fri", "--systemd"});
  CHECK(systemd.exit_code == 0);
  CHECK(has(systemd.out, "[Service]\nType=oneshot\n"));
  CHECK(has(systemd.out, "OnCalendar=Mon,Wed,Fri *-*-* 21:30:00\nPersistent=true\n"));
  CHECK(has(systemd.out, "systemctl --user enable --now roll-reminder.timer"));

  auto install = roll_now(home, {"remind", "--at", "22:00", "--systemd", "--install"});
  CHECK(install.exit_code == 0);
  auto timer = slurp(home.path() / "config" / "systemd" / "user" / "roll-reminder.timer");
  CHECK(has(timer, "OnCalendar=*-*-* 22:00:00\n"));
  CHECK(std::filesystem::exists(home.path() / "config" / "systemd" / "user" /
                                "roll-reminder.service"));

  // Made on Monday 2026-11-23, local time in the run's zone (DTSTART is a local date).
  auto ics = roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--ics"});
  CHECK(ics.exit_code == 0);
  CHECK(ics.out.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(has(ics.out, "DTSTART:20261123T213000\r\n"));
  CHECK(has(ics.out, "RRULE:FREQ=DAILY\r\n"));
  CHECK(has(ics.out, "BEGIN:VALARM\r\n"));
  // DTSTAMP is the instant it was made, in UTC.
  CHECK(has(roll_now(home, {"remind", "--at", "21:30", "--ics"}).out,
            "DTSTAMP:20261123T210000Z\r\n"));
  CHECK(has(roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"));

  // Made on Monday 2026-11-23 for Tuesdays and Thursdays: the first occurrence is the Tuesday.
  CHECK(has(roll_at(home, kLocalNow, {"remind", "--at", "21:30", "--days", "tue,thu", "--ics"}).out,
            "DTSTART:20261124T213000\r\n"));
  CHECK(roll_now(home, {"remind", "--at", "25:00", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--cron", "--ics"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--days", "funday", "--cron"}).exit_code == 2);
  CHECK(roll_now(home, {"remind", "--at", "21:30", "--cron", "--install"}).exit_code == 2);
}

TEST_CASE("roll remind with no format explains the three formats") {
  TempDir home;
  for (auto args : {std::vector<std::string>{"remind"}, {"remind", "--at", "21:30"}}) {
    auto r = roll_now(home, args);
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "--cron"));
    CHECK(has(r.out, "--systemd"));
    CHECK(has(r.out, "--ics"));
    CHECK(r.err.empty());
  }
}

TEST_CASE("roll remind --install keeps a hand-edited unit unless --force, and --uninstall") {
  TempDir home;
  auto dir = home.path() / "config" / "systemd" / "user";
  std::vector<std::string> install{"remind", "--at", "21:30", "--systemd", "--install"};
  REQUIRE(roll_now(home, install).exit_code == 0);
  // The same units again: nothing differs, nothing is refused.
  CHECK(roll_now(home, install).exit_code == 0);

  std::string edited = slurp(dir / "roll-reminder.timer") + "# my own note\n";
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << edited;
  auto refused = roll_now(home, install);
  CHECK(refused.exit_code == 2);
  CHECK(has(refused.err, "roll-reminder.timer already exists and differs"));
  CHECK(has(refused.err, "--force"));
  CHECK(slurp(dir / "roll-reminder.timer") == edited);

  install.push_back("--force");
  auto forced = roll_now(home, install);
  CHECK(forced.exit_code == 0);
  CHECK(has(forced.out, "roll-reminder.timer.bak"));
  CHECK(slurp(dir / "roll-reminder.timer.bak") == edited);
  CHECK_FALSE(has(slurp(dir / "roll-reminder.timer"), "my own note"));

  std::filesystem::create_directories(dir / "timers.target.wants");
  std::filesystem::create_symlink(dir / "roll-reminder.timer",
                                  dir / "timers.target.wants" / "roll-reminder.timer");
  auto removed = roll_now(home, {"remind", "--uninstall"});
  CHECK(removed.exit_code == 0);
  CHECK(has(removed.out, "systemctl --user daemon-reload"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.service"));
  CHECK_FALSE(std::filesystem::is_symlink(dir / "timers.target.wants" / "roll-reminder.timer"));
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer.bak"));

  // A unit roll did not write is not removed without --force.
  std::ofstream(dir / "roll-reminder.timer", std::ios::binary) << "[Timer]\nOnCalendar=daily\n";
  CHECK(roll_now(home, {"remind", "--uninstall"}).exit_code == 2);
  CHECK(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall", "--force"}).exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "roll-reminder.timer"));
  CHECK(roll_now(home, {"remind", "--uninstall"}).exit_code == 0);
}

#pragma once
// The main of each doctest suite (unit, cli, e2e): included once, by the suite's main.cpp, after
// doctest's implementation. Before any case it checks the suite's time zone (test_zone.hpp) and
// makes it the process's; after the cases it turns skips (skip.hpp) into ctest's convention.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "skip.hpp"
#include "test_zone.hpp"

#ifndef ROLL_SOURCE_DIR
#error "the suites' mains need ROLL_SOURCE_DIR (test_zones.txt)"
#endif

namespace roll::test {

// Sees each case end: prints a skip's reason, or reports a skip decided after an assertion.
class SkipListener final : public doctest::IReporter {
 public:
  explicit SkipListener(const doctest::ContextOptions& /*options*/) {}
  void report_query(const doctest::QueryData& /*data*/) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& /*stats*/) override {}
  void test_case_start(const doctest::TestCaseData& data) override {
    name_ = data.m_name;
    skip_record().why.reset();
  }
  void test_case_reenter(const doctest::TestCaseData& /*data*/) override {}
  void test_case_end(const doctest::CurrentTestCaseStats& stats) override {
    auto& record = skip_record();
    ++record.cases_run;
    if (!record.why) return;
    if (stats.numAssertsCurrentTest > 0 || stats.failure_flags != 0) {
      std::fprintf(stderr,
                   "ERROR: \"%s\" skipped (%s) after %d assertion(s): a case decides to skip "
                   "before its first assertion (ROLL_SKIP_UNLESS, tests/support/skip.hpp)\n",
                   name_.c_str(), record.why->c_str(), stats.numAssertsCurrentTest);
      record.misplaced = true;
    } else {
      std::printf("SKIPPED: %s\n", record.why->c_str());
      ++record.cases_skipped;
    }
    std::fflush(nullptr);
    record.why.reset();
  }
  void test_case_exception(const doctest::TestCaseException& /*e*/) override {}
  void subcase_start(const doctest::SubcaseSignature& /*s*/) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& /*data*/) override {}
  void log_message(const doctest::MessageData& /*data*/) override {}
  void test_case_skipped(const doctest::TestCaseData& /*data*/) override {}

 private:
  std::string name_;
};

REGISTER_LISTENER("roll_skips", 1, SkipListener);

// Runs the suite: 1 before any case when the zone is wrong; 77 when every case run skipped (one
// case per process under ctest, so ctest shows it skipped); 1 when a case skipped too late.
inline int run_suite(int argc, char** argv) {
  std::string zone = test_time_zone();
  if (auto problem = test_zone_problem(zone, ROLL_SOURCE_DIR "/tests/support/test_zones.txt");
      !problem.empty()) {
    std::fprintf(stderr, "%s\n", problem.c_str());
    return 1;
  }
  ::setenv("TZ", zone.c_str(), 1);
  ::tzset();
  doctest::Context context(argc, argv);
  int result = context.run();
  if (context.shouldExit()) return result;
  const auto& record = skip_record();
  if (record.misplaced) return 1;
  if (result == 0 && record.cases_run > 0 && record.cases_skipped == record.cases_run) return 77;
  return result;
}

}  // namespace roll::test

#pragma once
// Each test executable has exactly one main.cpp that includes this header.
//
// CTest runs each test case in its own process by its exact name (--test-case=NAME, registered by
// doctest_discover_tests, tests/CMakeLists.txt). A name that no longer matches anything (CMake cut
// discovered names at ';', so a test called "a; b" ran as "a" and "b") makes doctest run nothing and
// report success. Here a run that names test cases and matches none fails instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

namespace perkara::testing {

inline unsigned matched_test_cases = 0;

/// Remembers how many test cases passed the filters of the run.
struct match_counter final : doctest::IReporter {
  explicit match_counter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override { matched_test_cases = stats.numTestCasesPassingFilters; }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

inline bool names_test_cases(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--test-case=") || arg.starts_with("-tc=")) return true;
  }
  return false;
}

}  // namespace perkara::testing

DOCTEST_REGISTER_LISTENER("match_counter", 1, perkara::testing::match_counter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --list-test-cases, --help, ...
  if (result == 0 && perkara::testing::matched_test_cases == 0 && perkara::testing::names_test_cases(argc, argv)) {
    std::fprintf(stderr, "no test case matches the --test-case filter: nothing ran\n");
    return 1;
  }
  return result;
}

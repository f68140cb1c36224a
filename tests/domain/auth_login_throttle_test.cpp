#include "domain/auth/login_throttle.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace perkara::domain;
using namespace std::chrono;

TEST_SUITE("login_throttle") {
  TEST_CASE("a pair's back-off: three free failures, then 1 s, 2 s, 4 s ... capped at 15 minutes") {
    const login_throttle_policy policy;
    struct row {
      int failures;
      long long delay;
    };
    const row rows[] = {{0, 0},  {1, 0},  {2, 0},   {3, 1},   {4, 2},   {5, 4},   {6, 8},
                        {10, 128}, {12, 512}, {13, 900}, {14, 900}, {1000, 900}};
    for (const auto& r : rows) {
      CAPTURE(r.failures);
      CHECK(pair_delay(policy, r.failures) == seconds{r.delay});
    }
  }

  TEST_CASE("when an attempt must wait, and for how long") {
    const login_throttle_policy policy;
    const sys_seconds t0{seconds{1'700'000'000}};
    struct row {
      const char* what;
      std::optional<pair_failures> pair;
      int address_failures;
      long long oldest_ago;  // seconds before t0
      std::optional<long long> wait;
    };
    const row rows[] = {
        {"nothing known", std::nullopt, 0, 0, std::nullopt},
        {"two failures: free", pair_failures{2, t0}, 2, 0, std::nullopt},
        {"third failure just now: 1 s", pair_failures{3, t0}, 3, 0, 1},
        {"third failure 1 s ago: free again", pair_failures{3, t0 - seconds{1}}, 3, 1, std::nullopt},
        {"fifth failure 1 s ago: 3 s more", pair_failures{5, t0 - seconds{1}}, 5, 1, 3},
        {"capped back-off", pair_failures{40, t0 - seconds{60}}, 29, 800, 840},
        {"pair forgotten after a day", pair_failures{40, t0 - hours{24}}, 0, 0, std::nullopt},
        {"29 failures from the address: free", std::nullopt, 29, 600, std::nullopt},
        {"30 failures: until the oldest leaves the window", std::nullopt, 30, 600, 300},
        {"cap and back-off: the longer wins", pair_failures{13, t0}, 30, 600, 900},
        {"cap and back-off: the longer wins (address)", pair_failures{3, t0}, 30, 100, 800},
    };
    for (const auto& r : rows) {
      const std::string what{r.what};
      CAPTURE(what);
      const login_history history{r.pair, r.address_failures, t0 - seconds{r.oldest_ago}};
      const auto wait = login_wait(policy, history, t0);
      REQUIRE(wait.has_value() == r.wait.has_value());
      if (wait) {
        CHECK(wait->count() == *r.wait);
      }
    }
  }

  TEST_CASE("a stricter policy is honoured") {
    const login_throttle_policy policy{.free_attempts = 1, .first_delay = seconds{10}, .max_delay = seconds{30},
                                       .address_cap = 2, .address_window = seconds{60}, .pair_memory = hours{1}};
    const sys_seconds t0{seconds{1'700'000'000}};
    CHECK(pair_delay(policy, 1) == seconds{10});
    CHECK(pair_delay(policy, 3) == seconds{30});
    CHECK(login_wait(policy, {std::nullopt, 2, t0 - seconds{10}}, t0) == seconds{50});
    CHECK_FALSE(login_wait(policy, {std::nullopt, 1, t0 - seconds{10}}, t0));
  }
}

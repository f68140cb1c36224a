#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

using namespace perkara;

TEST_SUITE("sequences") {
  TEST_CASE("counters start at 1, are independent per scope, and give back numbers on rollback") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      CHECK(tx->sequences().next("request:kpu-bangka:2024") == 1);
      CHECK(tx->sequences().next("request:kpu-bangka:2024") == 2);
      CHECK(tx->sequences().next("dispute:ki-babel:2024") == 1);
      tx->commit();
    }
    {
      auto tx = database->begin(ports::access::write);
      CHECK(tx->sequences().next("request:kpu-bangka:2024") == 3);
      // destroyed without commit: 3 is given back
    }
    auto tx = database->begin(ports::access::write);
    CHECK(tx->sequences().next("request:kpu-bangka:2024") == 3);
  }

  TEST_CASE("concurrent transactions get gapless, unique numbers") {
    const testing::test_database db;
    const auto database = db.open(4);
    std::mutex mutex;
    std::vector<long long> seen;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 10; ++i) {
          auto tx = database->begin(ports::access::write);
          const auto n = tx->sequences().next("dispute:ki-pusat:2024");
          tx->commit();
          std::lock_guard lock{mutex};
          seen.push_back(n);
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    std::sort(seen.begin(), seen.end());
    REQUIRE(seen.size() == 40);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      CHECK(seen[i] == static_cast<long long>(i + 1));
    }
  }
}

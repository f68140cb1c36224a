#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <barrier>
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

  TEST_CASE("two transactions locking two counters in opposite orders: one is rolled back as a transient conflict") {
    const testing::test_database db;
    if (db.kind() == persistence::backend::sqlite) {
      // SQLite runs one write transaction at a time (BEGIN IMMEDIATE): the second would wait at begin,
      // never hold a lock the first needs, so there is no deadlock to provoke there.
      return;
    }
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->sequences().next("request:a:2024");
      tx->sequences().next("request:b:2024");
      tx->commit();
    }
    // Each holds one counter's row, then asks for the other's: InnoDB (or Galera at COMMIT) refuses one.
    std::barrier both_hold_one{2};
    std::atomic<int> conflicts{0};
    std::atomic<int> committed{0};
    auto run = [&](const std::string& first, const std::string& second) {
      try {
        auto tx = database->begin(ports::access::write);
        tx->sequences().next(first);
        both_hold_one.arrive_and_wait();
        tx->sequences().next(second);
        tx->commit();
        ++committed;
      } catch (const ports::transient_conflict_error&) {
        ++conflicts;
      }
    };
    std::thread one([&] { run("request:a:2024", "request:b:2024"); });
    std::thread two([&] { run("request:b:2024", "request:a:2024"); });
    one.join();
    two.join();
    CHECK(conflicts == 1);
    CHECK(committed == 1);
    // The victim's increments were rolled back: each counter moved once, by the transaction that committed.
    auto tx = database->begin(ports::access::write);
    CHECK(tx->sequences().next("request:a:2024") == 3);
    CHECK(tx->sequences().next("request:b:2024") == 3);
  }
}

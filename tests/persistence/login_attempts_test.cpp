// Contract test of the login throttle's storage (domain/ports/login_attempt_repository.hpp), run
// unchanged on SQLite and on MariaDB.
#include "domain/ports/database.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace perkara;
using perkara::testing::test_database;

namespace {

domain::instant at(long long s) { return domain::instant{std::chrono::seconds{s}}; }

// A failure at `t` with a one-day pair memory and a 900 s address window.
void fail(ports::transaction& tx, const std::string& user, const std::string& address, long long t) {
  tx.login_attempts().record_failure(user, address, at(t), at(t - 86'400), at(t - 900));
}

}  // namespace

TEST_SUITE("repositories") {
  TEST_CASE("login failures: pairs count and reset, addresses count within the window, both expire") {
    test_database db;
    auto database = db.open(1);
    {
      auto tx = database->begin(ports::access::write);
      const auto none = tx->login_attempts().history("budi", "203.0.113.7", at(0));
      CHECK_FALSE(none.pair);
      CHECK(none.address_failures == 0);
      fail(*tx, "budi", "203.0.113.7", 1'000);
      fail(*tx, "budi", "203.0.113.7", 1'010);
      fail(*tx, "siti", "203.0.113.7", 1'020);
      fail(*tx, "budi", "198.51.100.1", 1'030);
      tx->commit();
    }
    {
      auto tx = database->begin(ports::access::read);
      const auto h = tx->login_attempts().history("budi", "203.0.113.7", at(1'000 - 900));
      REQUIRE(h.pair);
      CHECK(h.pair->count == 2);
      CHECK(h.pair->last == at(1'010));
      CHECK(h.address_failures == 3);  // budi twice and siti, from this address
      CHECK(h.oldest_address_failure == at(1'000));
      // The window is open at its start: a failure exactly at `since` no longer counts.
      CHECK(tx->login_attempts().history("budi", "203.0.113.7", at(1'000)).address_failures == 2);
      CHECK(tx->login_attempts().history("budi", "198.51.100.1", at(0)).pair->count == 1);
    }
    {
      auto tx = database->begin(ports::access::write);
      tx->login_attempts().clear_pair("budi", "203.0.113.7");
      tx->commit();
    }
    {
      auto tx = database->begin(ports::access::write);
      const auto h = tx->login_attempts().history("budi", "203.0.113.7", at(0));
      CHECK_FALSE(h.pair);
      CHECK(h.address_failures == 3);  // a success resets only its pair
      // A day later, the next failure deletes what expired: the old pair starts again from one.
      fail(*tx, "budi", "198.51.100.1", 1'030 + 86'401);
      const auto later = tx->login_attempts().history("budi", "198.51.100.1", at(0));
      REQUIRE(later.pair);
      CHECK(later.pair->count == 1);
      CHECK(later.address_failures == 1);
      CHECK(tx->login_attempts().history("siti", "203.0.113.7", at(0)).address_failures == 0);
      CHECK_FALSE(tx->login_attempts().history("siti", "203.0.113.7", at(0)).pair);
      tx->commit();
    }
  }
}

#include "api/auth/crypto.hpp"
#include "api/auth/login_throttle.hpp"

#include <doctest/doctest.h>

using namespace perkara::api;
using namespace std::chrono;

TEST_SUITE("crypto") {
  TEST_CASE("argon2id hashes verify only the right password") {
    const auto hash = hash_password("correct horse battery");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(verify_password("correct horse battery", hash));
    CHECK_FALSE(verify_password("correct horse batterY", hash));
    CHECK(hash != hash_password("correct horse battery"));  // salted
  }

  TEST_CASE("session tokens are 256 random bits and stored as SHA-256") {
    const auto a = new_session_token();
    const auto b = new_session_token();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(token_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(token_hash(a) != a);
  }

  TEST_CASE("random passwords have the documented shape") {
    const auto p = random_password();
    CHECK(p.size() == 19);
    CHECK(p[4] == '-');
  }
}

TEST_SUITE("login_throttle") {
  TEST_CASE("five failures block the username until the window passes") {
    login_throttle t{5, minutes{15}};
    const sys_seconds t0{seconds{1'700'000'000}};
    for (int i = 0; i < 4; ++i) {
      t.record_failure("budi", t0);
    }
    CHECK_FALSE(t.blocked_for("budi", t0));
    t.record_failure("budi", t0);
    REQUIRE(t.blocked_for("budi", t0 + minutes{1}));
    CHECK(*t.blocked_for("budi", t0 + minutes{1}) == minutes{14});
    CHECK_FALSE(t.blocked_for("siti", t0));  // per username
    CHECK_FALSE(t.blocked_for("budi", t0 + minutes{15}));
  }

  TEST_CASE("a success clears the count") {
    login_throttle t{2, minutes{15}};
    const sys_seconds t0{seconds{1'700'000'000}};
    t.record_failure("budi", t0);
    t.record_success("budi");
    t.record_failure("budi", t0);
    CHECK_FALSE(t.blocked_for("budi", t0));
  }
}

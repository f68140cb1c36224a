#include "api/auth/crypto.hpp"

#include <doctest/doctest.h>

using namespace perkara::api;

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

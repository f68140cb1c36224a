#include "persistence/database_url.hpp"

#include "persistence/errors.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace perkara::persistence;

TEST_SUITE("database_url") {
  TEST_CASE("sqlite URLs") {
    const auto u = parse_database_url("sqlite:/var/lib/perkara/perkara.db");
    CHECK(u.kind == backend::sqlite);
    CHECK(u.path == "/var/lib/perkara/perkara.db");
    CHECK(parse_database_url("sqlite:perkara.db").path == "perkara.db");
    CHECK(format_database_url(u) == "sqlite:/var/lib/perkara/perkara.db");
  }

  TEST_CASE("mysql URLs with percent-decoding and defaults") {
    const auto u = parse_database_url("mysql://perkara:s%40cr%3At%20x@db.example:3307/perkara_prod");
    CHECK(u.kind == backend::mysql);
    CHECK(u.user == "perkara");
    CHECK(u.password == "s@cr:t x");
    CHECK(u.host == "db.example");
    CHECK(u.port == 3307);
    CHECK(u.database == "perkara_prod");
    CHECK_FALSE(u.socket.has_value());

    const auto d = parse_database_url("mysql://root:pw@127.0.0.1/perkara");
    CHECK(d.port == 3306);

    const auto s = parse_database_url("mysql://root:@/perkara?socket=%2Ftmp%2Fmy.sock");
    REQUIRE(s.socket.has_value());
    CHECK(*s.socket == "/tmp/my.sock");
    CHECK(s.host == "localhost");
    CHECK(s.password.empty());

    const auto v6 = parse_database_url("mysql://u:p@[::1]:3310/db");
    CHECK(v6.host == "::1");
    CHECK(v6.port == 3310);
  }

  TEST_CASE("format round-trips and redacts the password") {
    const auto u = parse_database_url("mysql://us%20er:p%40ss%27w@h:1234/db_1?socket=%2Frun%2Fm.sock");
    CHECK(parse_database_url(format_database_url(u)).password == "p@ss'w");
    CHECK(parse_database_url(format_database_url(u)).user == "us er");
    CHECK(parse_database_url(format_database_url(u)).socket == u.socket);
    const std::string r = redacted(u);
    CHECK(r.find("p%40ss") == std::string::npos);
    CHECK(r.find("***") != std::string::npos);
  }

  TEST_CASE("bad URLs give a one-line message without the password") {
    struct row {
      const char* url;
      const char* fragment;
    };
    const row table[] = {
        {"postgres://u:p@h/db", "must start with sqlite: or mysql://"},
        {"sqlite:", "needs a file path"},
        {"sqlite::memory:", "in-memory"},
        {"sqlite:/tmp/a=b.db", "must not contain '='"},
        {"mysql://u:secret@h:0/db", "port"},
        {"mysql://u:secret@h:99999/db", "port"},
        {"mysql://u:secret@h:12ab/db", "port"},
        {"mysql://u:secret@h:/db", "port"},
        {"mysql://u:secret@h", "/DATABASE"},
        {"mysql://h:3306/db", "USER:PASSWORD@"},
        {"mysql://:secret@h/db", "empty user"},
        {"mysql://u:secret@h/", "database name"},
        {"mysql://u:secret@h/db-x", "database name"},
        {"mysql://u:secret%zz@h/db", "percent-encoding"},
        {"mysql://u:secret@h/db?ssl=1", "unknown parameter 'ssl'"},
        {"mysql://u:secret@/db", "empty host"},
    };
    for (const auto& r : table) {
      CAPTURE(r.url);
      try {
        (void)parse_database_url(r.url);
        FAIL("expected config_error");
      } catch (const config_error& e) {
        const std::string msg = e.what();
        CHECK(msg.find(r.fragment) != std::string::npos);
        CHECK(msg.find("secret") == std::string::npos);
        CHECK(msg.find('\n') == std::string::npos);
      }
    }
  }
}

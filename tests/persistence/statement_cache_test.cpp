// The statements a SQLite connection keeps (persistence/detail/statement_cache.hpp): one prepare per
// SQL text, fresh bindings on every use, a nested use of the same text, and no read snapshot left
// behind by a query abandoned half-way. SQLite only, so these tests use their own temporary file
// whatever backend the run selects.
#include "persistence/detail/statement_cache.hpp"
#include "persistence/support/scratch_sqlite.hpp"

#include <doctest/doctest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>
#include <vector>

namespace perkara {
namespace {

using persistence::detail::db_context;
using persistence::detail::prepared;
using persistence::detail::statement_cache;

// A table of two rows, and a connection to it with kept statements.
struct kept_statements {
  testing::scratch_sqlite file{{"CREATE TABLE t (name TEXT NOT NULL PRIMARY KEY, n INTEGER NOT NULL)",
                                "INSERT INTO t (name, n) VALUES ('a', 1), ('b', 2)"}};
  soci::session sql{soci::sqlite3, file.connect()};
  statement_cache cache{sql};
  db_context ctx{sql, persistence::backend::sqlite, nullptr, &cache};
};

int n_of(const db_context& ctx, const std::string& name) {
  int n = -1;
  prepared(ctx, "SELECT n FROM t WHERE name = :name").run(soci::use(name), soci::into(n));
  return n;
}

}  // namespace

TEST_SUITE("statement cache") {
  TEST_CASE("a text is prepared once per connection and bound afresh on every use") {
    kept_statements k;
    auto& ctx = k.ctx;
    CHECK(n_of(ctx, "a") == 1);
    CHECK(n_of(ctx, "b") == 2);
    CHECK(n_of(ctx, "missing") == -1);  // no row: the into is left alone
    CHECK(k.cache.size() == 1);
    const std::string c = "c";
    const int three = 3;
    prepared(ctx, "INSERT INTO t (name, n) VALUES (:name, :n)").run(soci::use(c), soci::use(three));
    CHECK(n_of(ctx, "c") == 3);
    CHECK(k.cache.size() == 2);
  }

  TEST_CASE("the same text used inside its own loop gets a statement of its own") {
    kept_statements k;
    auto& ctx = k.ctx;
    std::string name;
    std::vector<std::string> seen;
    prepared outer(ctx, "SELECT name FROM t ORDER BY name");
    outer.open(soci::into(name));
    while (outer.fetch()) {
      std::string inner_name;
      prepared(ctx, "SELECT name FROM t ORDER BY name").run(soci::into(inner_name));
      seen.push_back(name + "/" + inner_name);
    }
    CHECK(seen == std::vector<std::string>{"a/a", "b/a"});
  }

  TEST_CASE("a query left half-read keeps no read snapshot: the next read sees later commits") {
    kept_statements k;  // the reader
    auto& ctx = k.ctx;
    {
      std::string name;
      prepared p(ctx, "SELECT name FROM t ORDER BY name");
      p.open(soci::into(name));
      REQUIRE(p.fetch());  // one row of two, then abandoned
    }
    soci::session writer(soci::sqlite3, k.file.connect());
    writer << "INSERT INTO t (name, n) VALUES ('z', 26)";
    CHECK(n_of(ctx, "z") == 26);
  }

  TEST_CASE("without a cache every use prepares its own statement") {
    kept_statements k;
    const db_context ctx{k.sql, persistence::backend::sqlite, nullptr, nullptr};
    CHECK(n_of(ctx, "a") == 1);
    CHECK(n_of(ctx, "b") == 2);
  }

  TEST_CASE("a connection keeps at most 256 texts") {
    kept_statements k;
    auto& ctx = k.ctx;
    for (int i = 0; i < 300; ++i) {
      int n = 0;
      prepared(ctx, "SELECT " + std::to_string(i)).run(soci::into(n));
      REQUIRE(n == i);
    }
    CHECK(k.cache.size() <= 256);
    CHECK(n_of(ctx, "b") == 2);
  }
}

}  // namespace perkara

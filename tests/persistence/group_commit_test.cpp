// The SQLite group committer (persistence/detail/group_commit.hpp): write transactions that queue up
// while one is running share one COMMIT, each commit() returns only after that COMMIT, and a
// transaction that rolls back takes only its own work with it. SQLite only, so these tests use their
// own temporary file whatever backend the run selects.
//
// Nothing here depends on timing (tests/README.md, "Timing"): the tests that count COMMITs give the
// leader a gather window no test can outlast, so its batch ends exactly when the queue is empty.
#include "domain/ports/database.hpp"
#include "persistence/database_url.hpp"
#include "persistence/detail/group_commit.hpp"
#include "persistence/support/scratch_sqlite.hpp"
#include "support/eventually.hpp"

#include <doctest/doctest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace perkara {
namespace {

using persistence::detail::group_committer;

// The test table, and its rows as another connection sees them: only what was committed.
class scratch_file : public testing::scratch_sqlite {
 public:
  scratch_file() : scratch_sqlite({"CREATE TABLE t (name TEXT NOT NULL PRIMARY KEY)"}) {}
  [[nodiscard]] std::vector<std::string> committed() const {
    soci::session sql(soci::sqlite3, connect());
    std::vector<std::string> names(100);
    sql << "SELECT name FROM t ORDER BY name", soci::into(names);
    return names;
  }
};

void insert(soci::session& sql, const std::string& name) { sql << "INSERT INTO t (name) VALUES (:n)", soci::use(name); }

// Writers wait for the connection as long as a test can run: a test fails by its assertions, never by
// a writer giving up on a busy machine (the timeout itself has its own test below).
constexpr auto patient_writers = std::chrono::duration_cast<std::chrono::milliseconds>(testing::patience);
// A leader with this window waits for its whole queue, however slowly the queued threads run.
constexpr auto whole_queue = std::chrono::milliseconds{std::chrono::hours{24}};

// Waits until `n` threads wait for the writer connection.
void wait_until_queued(const group_committer& group, int n) {
  REQUIRE(testing::eventually([&] { return group.queued() == n; }));
}

}  // namespace

TEST_SUITE("group commit") {
  TEST_CASE("transactions queued behind a running one share its COMMIT, and all are durable on return") {
    scratch_file file;
    group_committer group(file.url(), patient_writers, whole_queue);
    auto& first = group.enter();
    insert(first, "a");
    std::vector<std::thread> others;
    for (const std::string name : {"b", "c", "d"}) {
      others.emplace_back([&group, name] {
        auto& sql = group.enter();
        insert(sql, name);
        group.commit();
      });
    }
    wait_until_queued(group, 3);
    CHECK(file.committed().empty());  // nothing is visible before the COMMIT
    group.commit();                   // the leader: lets b, c and d join, then commits once
    for (auto& t : others) {
      t.join();
    }
    CHECK(group.transactions() == 4);
    CHECK(group.commits() == 1);
    CHECK(file.committed() == std::vector<std::string>{"a", "b", "c", "d"});
  }

  TEST_CASE("a transaction that rolls back inside a batch takes only its own work") {
    scratch_file file;
    group_committer group(file.url(), patient_writers, whole_queue);
    auto& first = group.enter();
    insert(first, "kept-1");
    std::thread undone([&group] {
      auto& sql = group.enter();
      insert(sql, "undone");
      group.rollback();
    });
    std::thread second([&group] {
      auto& sql = group.enter();
      insert(sql, "kept-2");
      group.commit();
    });
    wait_until_queued(group, 2);
    group.commit();
    undone.join();
    second.join();
    CHECK(group.commits() == 1);  // the rollback happened inside the leader's batch
    CHECK(file.committed() == std::vector<std::string>{"kept-1", "kept-2"});
  }

  TEST_CASE("a failed statement inside a transaction leaves the writer usable") {
    scratch_file file;
    group_committer group(file.url(), patient_writers);
    {
      auto& sql = group.enter();
      insert(sql, "x");
      CHECK_THROWS(insert(sql, "x"));  // duplicate key
      group.rollback();
    }
    auto& sql = group.enter();
    insert(sql, "y");
    group.commit();
    CHECK(file.committed() == std::vector<std::string>{"y"});
  }

  TEST_CASE("a log past 1000 pages is checkpointed by the checkpointer's own thread, and every row is kept") {
    scratch_file file;
    group_committer group(file.url(), patient_writers);
    const std::string filler(16 * 1024, 'x');
    constexpr int rows = 300;  // 300 x 16 KiB: about 1,200 pages of 4 KiB in the log
    for (int i = 0; i < rows; ++i) {
      auto& sql = group.enter();
      insert(sql, std::to_string(1000 + i) + filler);
      group.commit();
    }
    CHECK(testing::eventually([&] { return group.checkpoints() >= 1; }));
    CHECK(group.commits() == rows);
    soci::session reader(soci::sqlite3, file.connect());
    int count = 0;
    reader << "SELECT COUNT(*) FROM t", soci::into(count);
    CHECK(count == rows);
  }

  TEST_CASE("a writer that stays busy makes the next one time out instead of waiting forever") {
    scratch_file file;
    group_committer group(file.url(), std::chrono::milliseconds{100});
    (void)group.enter();
    std::thread late([&group] { CHECK_THROWS_AS((void)group.enter(), ports::unavailable_error); });
    late.join();
    group.rollback();
    CHECK(file.committed().empty());
  }
}

}  // namespace perkara

// The unit of work: commit, rollback, pool accounting, readiness, concurrent writers, imports.
#include "persistence/errors.hpp"
#include "persistence/reference_data.hpp"
#include "persistence/soci_database.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

using namespace perkara;
using perkara::testing::test_database;

namespace {

domain::instant at(long long s) { return domain::instant{std::chrono::seconds{s}}; }

domain::audit_entry entry(std::string id) {
  return {"system", "ki-babel", at(1000), "test.append", "test", std::move(id), "{}"};
}

}  // namespace

TEST_SUITE("database") {
  TEST_CASE("a transaction destroyed without commit rolls back") {
    test_database db;
    auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->audit().append(entry("rolled-back"));
      CHECK(tx->audit().list("test", "rolled-back").size() == 1);
    }
    {
      auto tx = database->begin(ports::access::write);
      tx->audit().append(entry("kept"));
      tx->commit();
      CHECK_THROWS(tx->commit());
    }
    auto tx = database->begin(ports::access::read);
    CHECK(tx->audit().list("test", "rolled-back").empty());
    CHECK(tx->audit().list("test", "kept").size() == 1);
  }

  TEST_CASE("the pool counts leases and gives them back") {
    test_database db;
    auto database = db.open(3);
    CHECK(database->pool_size() == 3);
    CHECK(database->pool_in_use() == 0);
    CHECK(database->ready());
    {
      auto a = database->begin(ports::access::read);
      auto b = database->begin(ports::access::read);
      CHECK(database->pool_in_use() == 2);
    }
    CHECK(database->pool_in_use() == 0);
  }

  TEST_CASE("an exhausted pool times out with unavailable_error") {
    test_database db;
    persistence::open_options options;
    options.pool_size = 1;
    options.lease_timeout = std::chrono::milliseconds{100};
    auto database = persistence::open_database(db.parsed_url(), options);
    auto held = database->begin(ports::access::read);
    CHECK_THROWS_AS((void)database->begin(ports::access::read), ports::unavailable_error);
  }

  TEST_CASE("a read under a budget takes only a free connection and is stopped past its budget (SQLite)") {
    test_database db;
    auto database = db.open(1);
    if (!database->bounded_reads()) {
      // MariaDB: budgets do not apply, and the server never runs reads on an I/O thread there.
      const ports::read_budget budget{1};
      auto tx = database->begin(ports::access::read);
      CHECK(tx->organisations().list().size() > 1000);
      CHECK_FALSE(budget.exceeded());
      return;
    }
    {
      const ports::read_budget budget{5000};
      auto tx = database->begin(ports::access::read);
      CHECK(tx->organisations().find("ki-babel").has_value());  // one indexed row: within budget
      CHECK_FALSE(budget.exceeded());
      CHECK_THROWS_AS((void)tx->organisations().list(), ports::over_budget_error);  // 1,142 rows
      CHECK(budget.exceeded());
    }
    {
      // The same (only) connection without a budget reads everything: the budget went with its read.
      auto tx = database->begin(ports::access::read);
      CHECK(tx->organisations().list().size() > 1000);
    }
    auto held = database->begin(ports::access::read);
    const ports::read_budget budget{5000};
    // No connection free: a bounded read does not wait for one.
    CHECK_THROWS_AS((void)database->begin(ports::access::read), ports::over_budget_error);
    CHECK(budget.exceeded());
  }

  TEST_CASE("ready turns false when the schema moves ahead") {
    test_database db;
    auto database = db.open(1);
    CHECK(database->ready());
    db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future', 0)");
    CHECK_FALSE(database->ready());
  }

  TEST_CASE("concurrent writers through the pool all succeed") {
    test_database db;
    auto database = db.open(4);
    constexpr int threads = 8;
    constexpr int per_thread = 20;
    std::atomic<int> failures{0};
    std::vector<std::thread> workers;
    workers.reserve(threads);
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (int i = 0; i < per_thread; ++i) {
          try {
            auto tx = database->begin(ports::access::write);
            // Read, then write: the pattern that fails with SQLITE_BUSY under a deferred BEGIN.
            (void)tx->audit().list("concurrency", "x");
            tx->audit().append({"system", "ki-babel", at(t * 100 + i), "test.concurrent", "concurrency", "x", "{}"});
            tx->commit();
          } catch (const std::exception&) {
            ++failures;
          }
        }
      });
    }
    for (auto& w : workers) {
      w.join();
    }
    CHECK(failures.load() == 0);
    auto tx = database->begin(ports::access::read);
    CHECK(tx->audit().list("concurrency", "x").size() == static_cast<std::size_t>(threads * per_thread));
    CHECK(database->pool_in_use() == 1);
  }

  TEST_CASE("organisations import upserts by code, audits as cli, reports what changed and is idempotent") {
    test_database db;
    auto database = db.open(2);
    const std::string csv =
        "# a comment line, as in the generated file\n"
        "code,name,kind,level,parent,region_code,utc_offset_minutes,office_open,office_close,competent_ki\n"
        "ki-pangkalpinang,Komisi Informasi Kota Pangkalpinang,ki,regency,ki-babel,19.71,420,08:00,16:00,\n"
        "kpu-pangkalpinang,KPU Kota Pangkalpinang,kpu,regency,kpu-babel,19.71,420,07:30,15:30,\n"
        "kpu-bangka,KPU Kabupaten Bangka,kpu,regency,kpu-babel,19.01,420,08:00,16:00,ki-pusat\n"
        "kpu-belitung,KPU Kabupaten Belitung,kpu,regency,kpu-babel,19.02,420,08:00,16:00,\n";
    const auto first = persistence::import_organisations(*database, csv, at(5000));
    CHECK(first.added == std::vector<std::string>{"ki-pangkalpinang"});
    REQUIRE(first.changed.size() == 2);
    CHECK(first.changed[0].code == "kpu-pangkalpinang");
    // The hours changed, and the competent KI: a kab/kota KI now exists. The file has no region_name
    // column: the stored names stay.
    CHECK(first.changed[0].fields == std::vector<std::string>{"office_open", "office_close", "competent_ki"});
    CHECK(first.changed[1].code == "kpu-bangka");
    CHECK(first.changed[1].fields == std::vector<std::string>{"competent_ki"});
    CHECK(first.unchanged == 1);  // kpu-belitung

    {
      auto tx = database->begin(ports::access::read);
      CHECK(tx->organisations().list().size() == 1143);
      const auto pkp = tx->organisations().find("kpu-pangkalpinang");
      REQUIRE(pkp.has_value());
      CHECK(pkp->competent_ki == "ki-pangkalpinang");  // derived: a kab/kota KI now exists
      CHECK(pkp->hours.open_minute == 7 * 60 + 30);
      CHECK(tx->organisations().find("kpu-bangka")->competent_ki == "ki-pusat");  // explicit value kept
      const auto audit = tx->audit().list("organisation", "kpu-pangkalpinang");
      REQUIRE(audit.size() == 1);
      CHECK(audit[0].actor == "cli");
      CHECK(audit[0].at == at(5000));
      CHECK(audit[0].action == "organisation.import");
      CHECK(audit[0].details_json.find(R"("office_open":480)") != std::string::npos);  // the value before
    }

    // The same file again: nothing to do, nothing audited.
    const auto second = persistence::import_organisations(*database, csv, at(6000));
    CHECK(second.added.empty());
    CHECK(second.changed.empty());
    CHECK(second.unchanged == 4);
    auto tx = database->begin(ports::access::read);
    CHECK(tx->audit().list("organisation", "kpu-pangkalpinang").size() == 1);
  }

  TEST_CASE("importing the shipped organisation list into a migrated database changes nothing") {
    test_database db;
    auto database = db.open(1);
    std::ifstream in(std::string(PERKARA_DATA_DIR) + "/organisations.csv");
    const std::string csv{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto report = persistence::import_organisations(*database, csv, at(1));
    CHECK(report.added.empty());
    CHECK(report.changed.empty());
    CHECK(report.unchanged == 1142);
  }

  TEST_CASE("a bad import row writes nothing") {
    test_database db;
    auto database = db.open(1);
    const std::string csv =
        "code,name,kind,level,parent,region_code,utc_offset_minutes,office_open,office_close,competent_ki\n"
        "kpu-x,KPU X,kpu,regency,kpu-babel,19.99,420,08:00,16:00,\n"
        "kpu-y,KPU Y,kpu,district,kpu-babel,19.98,420,08:00,16:00,\n";
    try {
      persistence::import_organisations(*database, csv, at(1), "new.csv");
      FAIL("expected reference_data_error");
    } catch (const persistence::reference_data_error& e) {
      CHECK(std::string(e.what()).find("new.csv:3: level") != std::string::npos);
    }
    auto tx = database->begin(ports::access::read);
    CHECK_FALSE(tx->organisations().find("kpu-x").has_value());
  }
}

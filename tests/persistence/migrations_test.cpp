#include "persistence/migrations.hpp"

#include "persistence/detail/schema.hpp"
#include "persistence/errors.hpp"
#include "persistence/reference_data.hpp"
#include "persistence/soci_database.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

using namespace perkara;
using namespace perkara::persistence;
using perkara::testing::test_database;

namespace {

domain::civil_date date(const char* iso) { return *domain::parse_iso_date(iso); }

std::string open_error_of(const database_url& url) {
  try {
    (void)open_database(url, 2);
  } catch (const open_error& e) {
    return e.what();
  }
  return "(opened)";
}

}  // namespace

TEST_SUITE("migrations") {
  TEST_CASE("migrate applies every migration once and is idempotent") {
    test_database db(false);
    const auto first = migrate(db.parsed_url());
    // Every migration once (their numbers need not be contiguous: branches reserve numbers).
    REQUIRE(first.applied.size() == detail::all_migrations().size());
    CHECK(first.applied.front().name == "0001_core");
    CHECK(first.organisations_added == 1142);  // data/organisations.csv (generated)
    CHECK(first.holidays_added == 215);
    CHECK(first.rulesets_added == 2);

    const auto second = migrate(db.parsed_url());
    CHECK(second.applied.empty());
    CHECK_FALSE(second.changed_anything());

    const auto status = check_schema(db.parsed_url());
    CHECK(status.current == latest_schema_version());
    CHECK(status.up_to_date());
  }

  TEST_CASE("an unmigrated database is refused with a one-line message") {
    test_database db(false);
    CHECK(check_schema(db.parsed_url()).current == 0);
    const std::string msg = open_error_of(db.parsed_url());
    CHECK(msg.find("not migrated") != std::string::npos);
    CHECK(msg.find("perkara migrate") != std::string::npos);
    CHECK(msg.find('\n') == std::string::npos);

    // migrate itself may open it.
    open_options skip;
    skip.pool_size = 1;
    skip.require_current_schema = false;
    CHECK(open_database(db.parsed_url(), skip) != nullptr);
  }

  TEST_CASE("a schema newer than the binary is refused by open and by migrate") {
    test_database db;
    db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future', 0)");
    const auto status = check_schema(db.parsed_url());
    CHECK(status.newer());
    const std::string msg = open_error_of(db.parsed_url());
    CHECK(msg.find("newer") != std::string::npos);
    CHECK_THROWS_AS(migrate(db.parsed_url()), open_error);
    CHECK_THROWS_AS((void)db.open(1), open_error);
  }

  TEST_CASE("a SQLite path with blanks is opened as that file") {
    const auto dir = std::filesystem::temp_directory_path() / ("perkara probe " + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto url = parse_database_url("sqlite:" + (dir / "my data.db").string());
    CHECK(migrate(url).applied.size() == detail::all_migrations().size());
    CHECK(std::filesystem::exists(dir / "my data.db"));
    CHECK(open_database(url, 2)->ready());
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("an unreachable database is refused with a redacted message") {
    auto url = parse_database_url("mysql://perkara:topsecret@127.0.0.1:1/perkara");
    const std::string msg = open_error_of(url);
    CHECK(msg.find("cannot open database") != std::string::npos);
    CHECK(msg.find("topsecret") == std::string::npos);
    CHECK(msg.find('\n') == std::string::npos);
  }

  TEST_CASE("reference data is loaded with derived competent KIs") {
    test_database db;
    auto database = db.open(2);
    auto tx = database->begin(ports::access::read);
    const auto orgs = tx->organisations().list();
    CHECK(orgs.size() == 1142);
    const auto pkp = tx->organisations().find("kpu-pangkalpinang");
    REQUIRE(pkp.has_value());
    CHECK(pkp->competent_ki == "ki-babel");
    CHECK(pkp->parent == "kpu-babel");
    CHECK(tx->organisations().find("kpu-ri")->competent_ki == "ki-pusat");
    CHECK_FALSE(tx->organisations().find("ki-pusat")->parent.has_value());

    const auto csv = load_reference_data(resolve_data_dir());
    std::size_t stored = 0;
    for (int year = 2019; year <= 2027; ++year) {
      stored += tx->holidays().list_year(year).size();
    }
    CHECK(stored == csv.holidays.size());

    const auto perki = tx->rulesets().find("perki_1_2019", 1);
    REQUIRE(perki.has_value());
    CHECK(perki->periods.size() == 9);  // with the cassation window (migration 23)
    const auto general = tx->rulesets().find("general", 1);
    REQUIRE(general.has_value());
    CHECK(general->periods.size() == 12);  // nine periods, the two of registration completeness, cassation
    for (const auto& expected : csv.rulesets) {
      const auto got = tx->rulesets().find(expected.name, expected.version);
      REQUIRE(got.has_value());
      REQUIRE(got->periods.size() == expected.periods.size());
      for (std::size_t i = 0; i < expected.periods.size(); ++i) {
        CAPTURE(expected.periods[i].key);
        CHECK(got->periods[i].key == expected.periods[i].key);
        CHECK(got->periods[i].value == expected.periods[i].value);
        CHECK(got->periods[i].fallback == expected.periods[i].fallback);
        CHECK(got->periods[i].source == expected.periods[i].source);
        CHECK(got->periods[i].note == expected.periods[i].note);
        CHECK(got->periods[i].remind_days == expected.periods[i].remind_days);
        CHECK(got->periods[i].confidence_level == expected.periods[i].confidence_level);
      }
    }
  }

  TEST_CASE("an admin's holiday change and deletion survive a later migrate") {
    test_database db;
    {
      auto database = db.open(1);
      auto tx = database->begin(ports::access::write);
      auto h = tx->holidays().find(date("2024-02-14"), std::nullopt);
      REQUIRE(h.has_value());
      h->name_en = "Election day (edited)";
      tx->holidays().put(*h);
      CHECK(tx->holidays().remove(date("2024-12-25"), std::nullopt));
      CHECK_FALSE(tx->holidays().remove(date("2024-12-25"), std::nullopt));
      tx->commit();
    }
    // An organisation edited through import is also kept.
    {
      auto database = db.open(1);
      auto tx = database->begin(ports::access::write);
      auto org = *tx->organisations().find("ki-babel");
      org.name = "KI Babel (renamed)";
      tx->organisations().upsert(org);
      tx->commit();
    }
    const auto report = migrate(db.parsed_url());
    CHECK_FALSE(report.changed_anything());

    auto database = db.open(1);
    auto tx = database->begin(ports::access::read);
    CHECK(tx->holidays().find(date("2024-02-14"), std::nullopt)->name_en == "Election day (edited)");
    CHECK_FALSE(tx->holidays().find(date("2024-12-25"), std::nullopt).has_value());
    CHECK(tx->organisations().find("ki-babel")->name == "KI Babel (renamed)");
  }

  TEST_CASE("migrate refreshes holidays nobody edited") {
    test_database db;
    db.execute("UPDATE holidays SET name_en = 'stale' WHERE holiday_date = '2024-01-01'");
    const auto report = migrate(db.parsed_url());
    CHECK(report.holidays_updated == 1);
    auto database = db.open(1);
    auto tx = database->begin(ports::access::read);
    CHECK(tx->holidays().find(date("2024-01-01"), std::nullopt)->name_en != "stale");
  }
}

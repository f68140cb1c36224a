#include "persistence/migrations.hpp"

#include "persistence/detail/schema.hpp"
#include "persistence/errors.hpp"
#include "persistence/reference_data.hpp"
#include "persistence/soci_database.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <string>

#include <unistd.h>

using namespace perkara;
using namespace perkara::persistence;
using perkara::testing::test_database;

namespace {

domain::civil_date date(const char* iso) { return *domain::parse_iso_date(iso); }

std::string open_error_of(const database_url& url, int known_version = 0) {
  open_options options;
  options.pool_size = 2;
  options.known_schema_version = known_version;
  try {
    (void)open_database(url, options);
  } catch (const open_error& e) {
    return e.what();
  }
  return "(opened)";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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

  TEST_CASE("rolling upgrades: an older binary serves a newer schema only when every migration beyond it is additive") {
    // The levels recorded as migrations are applied: the newest breaking migration up to each.
    struct level_row {
      int version;
      int oldest_binary;
    };
    for (const auto& row :
         {level_row{1, 1}, level_row{6, 6}, level_row{11, 8}, level_row{12, 12}, level_row{21, 12}, level_row{22, 22},
          level_row{27, 23}, level_row{29, 29}, level_row{31, 31}, level_row{32, 31}}) {
      CAPTURE(row.version);
      CHECK(detail::oldest_binary_version(row.version) == row.oldest_binary);
    }

    test_database db;
    const auto url = db.parsed_url();
    const int latest = latest_schema_version();
    const int level = detail::oldest_binary_version(latest);

    // A binary that knows only 27 (before migration 29, which it could not read) is refused by name.
    auto status = check_schema(url, 27);
    CHECK(status.current == latest);
    CHECK(status.expected == 27);
    CHECK(status.oldest_binary == level);  // as migrate recorded it
    CHECK_FALSE(status.servable());
    auto msg = open_error_of(url, 27);
    CHECK(contains(msg, fmt::format("schema version {} is newer than this binary's 27", latest)));
    CHECK(contains(msg, fmt::format("needs a binary that knows version {} or later", level)));

    // A newer binary applied an additive migration: this binary still opens it and is ready.
    db.execute(
        fmt::format("INSERT INTO schema_migrations (version, name, applied_at, oldest_binary_version) VALUES "
                    "({}, 'future_additive', 0, {})",
                    latest + 1, level));
    status = check_schema(url);
    CHECK(status.newer());
    CHECK(status.oldest_binary == level);
    CHECK(status.servable());
    CHECK(contains(status.describe(), fmt::format("binaries from version {} on run against it", level)));
    open_options options;
    options.pool_size = 1;
    const auto running = open_database(url, options);
    CHECK(running->ready());
    // Still not for a binary that predates a breaking migration, and this one does not migrate it.
    CHECK_FALSE(check_schema(url, 27).servable());
    CHECK_THROWS_AS(migrate(url), open_error);

    // Then a breaking one: the running server stops being ready, a new start is refused.
    db.execute(
        fmt::format("INSERT INTO schema_migrations (version, name, applied_at, oldest_binary_version) VALUES "
                    "({}, 'future_breaking', 0, {})",
                    latest + 2, latest + 2));
    CHECK_FALSE(running->ready());
    msg = open_error_of(url);
    CHECK(contains(msg, fmt::format("schema version {} is newer than this binary's {}", latest + 2, latest)));
    CHECK(contains(msg, fmt::format("needs a binary that knows version {} or later", latest + 2)));
    CHECK(msg.find('\n') == std::string::npos);

    // A database older than the binary is refused as before.
    db.execute(fmt::format("DELETE FROM schema_migrations WHERE version >= {}", latest));
    status = check_schema(url);
    CHECK(status.current < latest);
    CHECK_FALSE(status.servable());
    CHECK_FALSE(running->ready());
    CHECK(contains(open_error_of(url), "run `perkara migrate`"));
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

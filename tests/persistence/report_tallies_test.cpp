// The stored monthly tallies (issue 18, docs/open-data.md "Monthly tallies", migration 0031): stored only
// over the stamp a report read, invalidated by each save of a case they count, never for a month not
// yet over by the database's clock.
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace perkara;
using domain::reports::tally_kind;

namespace {

domain::civil_date day(const char* iso) { return *domain::parse_iso_date(iso); }

std::vector<ports::stored_tally> read(ports::database& db, tally_kind kind, const char* org, const char* month) {
  auto tx = db.begin(ports::access::read);
  return tx->reports().tallies(kind, {org}, day(month), day(month), "r1");
}

void store(ports::database& db, tally_kind kind, const char* org, const char* month, std::optional<long long> stamp,
           long long received) {
  auto tx = db.begin(ports::access::write);
  tx->reports().store_tallies(kind, {{{org, day(month)}, stamp, {{"received", received}}}}, "r1");
  tx->commit();
}

ports::dispute_document dispute(const char* id) {
  ports::dispute_document d;
  d.id = id;
  d.ki = "ki-babel";
  d.respondent = "kpu-pangkalpinang";
  d.state = "submitted";
  d.submitted_at = domain::parse_rfc3339("2024-02-05T10:00:00+07:00")->utc;
  d.search_text = id;
  d.body = R"({"id":")" + std::string(id) + R"("})";
  d.report.ki = d.ki;
  d.report.respondent = d.respondent;
  d.report.submitted_on = day("2024-02-05");
  return d;
}

}  // namespace

TEST_SUITE("report tallies") {
  TEST_CASE("stored over the stamp read, a new row only where none was, a month not over never") {
    const testing::test_database test_db;
    const auto db = test_db.open(2);
    CHECK(read(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01").empty());
    store(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01", std::nullopt, 4);
    auto rows = read(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01");
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].counts);
    CHECK(rows[0].counts->at("received") == 4);
    // A second "new" row loses to the one stored; over a stamp nobody read, nothing is written.
    store(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01", std::nullopt, 5);
    store(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01", rows[0].stamp + 1, 6);
    CHECK(read(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01")[0].counts->at("received") == 4);
    // Read under another holiday revision, it has no counts.
    {
      auto tx = db->begin(ports::access::read);
      const auto other = tx->reports().tallies(tally_kind::ppid, {}, day("2024-02-01"), day("2024-02-01"), "r2");
      REQUIRE(other.size() == 1);
      CHECK_FALSE(other[0].counts);
    }
    // This month is not over: not stored.
    const auto now = domain::civil_date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    const auto this_month = domain::format_iso_date(domain::reports::month_start(now));
    store(*db, tally_kind::ppid, "kpu-pangkalpinang", this_month.c_str(), std::nullopt, 1);
    CHECK(read(*db, tally_kind::ppid, "kpu-pangkalpinang", this_month.c_str()).empty());
  }

  TEST_CASE("a dispute's save invalidates its KI's tallies from its month of submission, its office's on submission") {
    const testing::test_database test_db;
    const auto db = test_db.open(2);
    store(*db, tally_kind::ki, "ki-babel", "2024-01-01", std::nullopt, 7);
    store(*db, tally_kind::ki, "ki-babel", "2024-03-01", std::nullopt, 1);
    {
      auto tx = db->begin(ports::access::write);
      tx->disputes().insert(dispute("d1"));
      tx->commit();
    }
    const auto feb_office = read(*db, tally_kind::ppid, "kpu-pangkalpinang", "2024-02-01");
    REQUIRE(feb_office.size() == 1);
    CHECK_FALSE(feb_office[0].counts);
    CHECK(read(*db, tally_kind::ki, "ki-babel", "2024-01-01")[0].counts);  // before its submission: kept
    const auto march = read(*db, tally_kind::ki, "ki-babel", "2024-03-01");
    CHECK_FALSE(march[0].counts);  // pending at the end of March
    // Rebuilt over the stamp read, then invalidated again by a decision recorded in April.
    store(*db, tally_kind::ki, "ki-babel", "2024-03-01", march[0].stamp, 2);
    CHECK(read(*db, tally_kind::ki, "ki-babel", "2024-03-01")[0].counts->at("received") == 2);
    {
      auto tx = db->begin(ports::access::write);
      auto d1 = *tx->disputes().find("d1", true);
      const auto version = d1.version;
      d1.version += 1;
      d1.report.decided_on = day("2024-04-10");
      REQUIRE(tx->disputes().update(d1, version));
      tx->commit();
    }
    const auto after = read(*db, tally_kind::ki, "ki-babel", "2024-03-01");
    CHECK_FALSE(after[0].counts);
    CHECK(after[0].stamp > march[0].stamp);
    // A report that read the stamp before the decision cannot store what it built.
    store(*db, tally_kind::ki, "ki-babel", "2024-03-01", march[0].stamp, 3);
    CHECK_FALSE(read(*db, tally_kind::ki, "ki-babel", "2024-03-01")[0].counts);
  }
}

// The deadline sweep's storage on the selected backend (SQLite, or MariaDB with PERKARA_TEST_BACKEND=
// mysql): each mark is written once; the walk returns open clocks in (due, id) order, page by page,
// without the marked, met or stopped ones; the reminder lead of rule-set periods reads back.
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using domain::notices::sweep_kind;

namespace {

domain::civil_date day(const char* iso) { return *domain::parse_iso_date(iso); }

domain::deadline_record clock(const std::string& case_id, const char* due) {
  domain::deadline_record d;
  d.id = "d-" + case_id;
  d.case_type = "request";
  d.case_id = case_id;
  d.key = "ppid_response";
  d.organisation = "kpu-pangkalpinang";
  d.ruleset = "perki_1_2019";
  d.start_at = domain::parse_rfc3339("2024-02-12T10:15:00+07:00")->utc;
  d.days = 3;
  d.due = day(due);
  return d;
}

}  // namespace

TEST_SUITE("deadline_sweep_repository") {
  TEST_CASE("marks are written once, the walk pages over unmarked open clocks, remind_days reads back") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    const auto now = domain::parse_rfc3339("2024-02-17T00:00:00+07:00")->utc;
    {
      auto tx = db->begin(ports::access::write);
      tx->deadlines().save(clock("a", "2024-02-15"));
      tx->deadlines().save(clock("b", "2024-02-16"));
      tx->deadlines().save(clock("c", "2024-02-16"));
      auto met = clock("d", "2024-02-16");
      met.met_on = day("2024-02-15");
      tx->deadlines().save(met);
      auto stopped = clock("e", "2024-02-16");
      stopped.stopped_on = day("2024-02-15");
      tx->deadlines().save(stopped);
      tx->deadlines().save(clock("f", "2024-03-01"));
      tx->commit();
    }
    auto tx = db->begin(ports::access::write);
    auto& sweeps = tx->sweeps();
    const auto first = sweeps.open_unmarked(sweep_kind::missed, day("2024-01-01"), day("2024-02-16"), std::nullopt, 2);
    REQUIRE(first.size() == 2);
    CHECK(first[0].case_id == "a");
    CHECK(first[1].case_id == "b");
    const auto rest = sweeps.open_unmarked(sweep_kind::missed, day("2024-01-01"), day("2024-02-16"),
                                           ports::sweep_position{first[1].due, first[1].id}, 2);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].case_id == "c");

    const ports::sweep_mark mark{"request", "b", "ppid_response", day("2024-02-16"), sweep_kind::missed};
    CHECK(sweeps.mark(mark, now));
    CHECK_FALSE(sweeps.mark(mark, now));
    // Another kind, or another due date (a moved deadline), is another mark.
    CHECK(sweeps.mark({"request", "b", "ppid_response", day("2024-02-16"), sweep_kind::reminder}, now));
    CHECK(sweeps.mark({"request", "b", "ppid_response", day("2024-02-20"), sweep_kind::missed}, now));
    const auto after = sweeps.open_unmarked(sweep_kind::missed, day("2024-01-01"), day("2024-02-16"), std::nullopt, 10);
    REQUIRE(after.size() == 2);
    CHECK(after[0].case_id == "a");
    CHECK(after[1].case_id == "c");
    tx->commit();

    // A second transaction sees the committed mark.
    auto again = db->begin(ports::access::write);
    CHECK_FALSE(again->sweeps().mark(mark, now));
    const auto rules = again->rulesets().find("perki_1_2019", 1);
    REQUIRE(rules);
    REQUIRE(rules->find("ppid_response"));
    CHECK(rules->find("ppid_response")->remind_days == 1);
  }
}

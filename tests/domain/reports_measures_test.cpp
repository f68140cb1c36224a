// The report measures (issue 18, docs/open-data.md) against hand-computed fixtures on the real 2024
// calendar: 8 Feb Isra Mikraj, 9 Feb cuti bersama, 14 Feb voting day.
#include "domain/reports/measures.hpp"
#include "domain/reports/period.hpp"
#include "support/holidays_fixture.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::domain::reports;
using domain::disputes::dispute_outcome;
using perkara::test::d;

namespace {

long long count_of(const std::vector<count_row>& rows, std::string_view key) {
  for (const auto& r : rows) {
    if (r.key == key) {
      return r.count;
    }
  }
  return -1;
}

request_fact request(const char* received, domain::request_channel channel, std::optional<const char*> responded,
                     const char* due) {
  request_fact f;
  f.respondent = "kpu-x";
  f.received_on = d(received);
  f.channel = channel;
  if (responded) {
    f.responded_on = d(*responded);
    f.state = domain::request_state::answered;
  }
  f.response_due = d(due);
  return f;
}

dispute_fact dispute(const char* submitted) {
  dispute_fact f;
  f.ki = "ki-x";
  f.respondent = "kpu-x";
  f.submitted_on = d(submitted);
  return f;
}

}  // namespace

TEST_SUITE("reports") {
  TEST_CASE("periods: presets and the months they touch") {
    struct row {
      const char* text;
      const char* from;
      const char* to;
    };
    const row rows[] = {{"2024", "2024-01-01", "2024-12-31"},
                        {"2024-Q1", "2024-01-01", "2024-03-31"},
                        {"2024-q4", "2024-10-01", "2024-12-31"},
                        {"2024-02", "2024-02-01", "2024-02-29"},
                        {"2023-02", "2023-02-01", "2023-02-28"}};
    for (const auto& r : rows) {
      CAPTURE(r.text);
      const auto p = parse_preset(r.text);
      REQUIRE(p);
      CHECK(p->from == d(r.from));
      CHECK(p->to == d(r.to));
    }
    for (const char* bad : {"", "24", "2024-Q5", "2024-13", "2024-00", "2024-1", "0999", "2024-Q1x", "abcd"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_preset(bad));
    }
    CHECK(months_of({d("2023-11-15"), d("2024-02-03")}).size() == 4);
    CHECK(median({}) == std::nullopt);
    CHECK(median({3, 1, 2}) == 2.0);
    CHECK(median({4, 1, 2, 6}) == 3.0);
    CHECK(percentile({5, 1, 3, 2, 4, 6, 7, 8, 9, 10}, 90) == 9.0);
    CHECK(percentile({7}, 90) == 7.0);
  }

  TEST_CASE("PPID measures of one office in February 2024") {
    using domain::request_channel;
    std::vector<request_fact> facts;
    // 1: answered the next day, granted: within the period, 1 working day.
    facts.push_back(request("2024-02-05", request_channel::web, "2024-02-06", "2024-02-08"));
    facts.back().decision = domain::response_decision::granted;
    // 2: extended, refused under Pasal 17 huruf b on 15 Feb (due 16 Feb): within the extension; 7, 12, 13,
    //    15 Feb = 4 working days (8, 9 and 14 Feb are closed).
    facts.push_back(request("2024-02-06", request_channel::email, "2024-02-15", "2024-02-16"));
    facts.back().extension_used = true;
    facts.back().decision = domain::response_decision::refused;
    facts.back().exemptions = {'b'};
    // 3: answered after its due date, partly granted, objection upheld: late, 6 working days.
    facts.push_back(request("2024-02-07", request_channel::email, "2024-02-20", "2024-02-12"));
    facts.back().decision = domain::response_decision::partly_granted;
    facts.back().objected = true;
    facts.back().objection_outcome = domain::objection_decision::upheld;
    // 4: never answered, due date passed.
    facts.push_back(request("2024-02-20", request_channel::letter, std::nullopt, "2024-02-23"));
    // 5: not answered yet, still within its due date on "today" (15 March).
    facts.push_back(request("2024-02-28", request_channel::walk_in, std::nullopt, "2024-03-20"));
    // 6: received in March: outside the period.
    facts.push_back(request("2024-03-01", request_channel::web, "2024-03-01", "2024-03-06"));
    // 7: not held, answered the same day (0 working days); objection pending.
    facts.push_back(request("2024-02-21", request_channel::web, "2024-02-21", "2024-02-26"));
    facts.back().decision = domain::response_decision::not_held;
    facts.back().objected = true;
    const std::vector<dispute_fact> disputes = {dispute("2024-02-27"), dispute("2024-03-02")};

    const auto cal = test::real_calendar();
    const calendar_of calendars = [&](const std::string&) -> const domain::working_calendar& { return cal; };
    const auto r = ppid_measures(facts, disputes, *parse_preset("2024-02"), d("2024-03-15"), calendars);

    CHECK(r.received == 6);
    CHECK(count_of(r.by_channel, "web") == 2);
    CHECK(count_of(r.by_channel, "email") == 2);
    CHECK(count_of(r.by_channel, "letter") == 1);
    CHECK(count_of(r.by_channel, "walk_in") == 1);
    CHECK(count_of(r.by_channel, "fax") == 0);
    CHECK(r.answered_within_period == 2);
    CHECK(r.answered_within_extension == 1);
    CHECK(r.answered_late == 1);
    CHECK(r.never_answered == 1);
    CHECK(r.pending == 1);
    CHECK(count_of(r.outcomes, "granted") == 1);
    CHECK(count_of(r.outcomes, "partly_granted") == 1);
    CHECK(count_of(r.outcomes, "refused") == 1);
    CHECK(count_of(r.outcomes, "not_held") == 1);
    CHECK(count_of(r.refused_by_exemption, "b") == 1);
    // 0, 1, 4, 6 working days: median 2.5, nearest-rank 90th percentile 6.
    CHECK(r.median_working_days == 2.5);
    CHECK(r.p90_working_days == 6.0);
    CHECK(r.extensions_used == 1);
    CHECK(r.objections == 2);
    CHECK(count_of(r.objection_outcomes, "upheld") == 1);
    CHECK(count_of(r.objection_outcomes, "pending") == 1);
    CHECK(r.disputes == 1);
    CHECK(r.dispute_rate == 16.67);
    REQUIRE(r.trend.size() == 1);
    CHECK(r.trend[0].requests == 6);
    CHECK(r.trend[0].disputes == 1);
  }

  TEST_CASE("KI measures of one KI in the first quarter of 2024") {
    std::vector<dispute_fact> f;
    // d1: mediated to an agreement on its due date; 12 Jan → 1 Feb = 14 working days.
    f.push_back(dispute("2024-01-10"));
    f.back().registered_on = d("2024-01-12");
    f.back().mediated = true;
    f.back().outcome = dispute_outcome::mediation_agreement;
    f.back().decided_on = d("2024-02-01");
    f.back().completion_due = d("2024-02-01");
    // d2: mediation failed, adjudicated, granted late; 16 Jan → 20 Feb = 22 working days.
    f.push_back(dispute("2024-01-15"));
    f.back().registered_on = d("2024-01-16");
    f.back().mediated = f.back().adjudicated = true;
    f.back().outcome = dispute_outcome::granted;
    f.back().decided_on = d("2024-02-20");
    f.back().completion_due = d("2024-02-15");
    // d3: not registered.
    f.push_back(dispute("2024-02-01"));
    f.back().outcome = dispute_outcome::not_registered;
    f.back().closed_on = d("2024-02-05");
    // d4: withdrawn.
    f.push_back(dispute("2024-02-10"));
    f.back().registered_on = d("2024-02-12");
    f.back().outcome = dispute_outcome::withdrawn;
    f.back().closed_on = d("2024-03-01");
    // d5: pending at the end of March, 30 days old.
    f.push_back(dispute("2024-03-01"));
    f.back().registered_on = d("2024-03-04");
    f.back().adjudicated = true;
    // d6: submitted in 2023, decided (rejected) on time in January (5 → 19 Jan = 10 working days), then
    //     objected to in court in February and decided there in March.
    f.push_back(dispute("2023-11-01"));
    f.back().registered_on = d("2024-01-05");
    f.back().adjudicated = true;
    f.back().outcome = dispute_outcome::rejected;
    f.back().decided_on = d("2024-01-19");
    f.back().completion_due = d("2024-01-25");
    f.back().court_objection_on = d("2024-02-10");
    f.back().court_decided_on = d("2024-03-15");
    f.back().court_result = "ditolak";
    // d7: open since September 2023 (212 days at the end of March).
    f.push_back(dispute("2023-09-01"));
    // d8: submitted after the period.
    f.push_back(dispute("2024-04-02"));
    // d9: lapsed in April: still pending at the end of March (71 days).
    f.push_back(dispute("2024-01-20"));
    f.back().outcome = dispute_outcome::lapsed;
    f.back().closed_on = d("2024-04-10");

    const auto cal = test::real_calendar();
    const calendar_of calendars = [&](const std::string&) -> const domain::working_calendar& { return cal; };
    const auto r = ki_measures(f, *parse_preset("2024-Q1"), d("2024-06-01"), calendars);

    CHECK(r.received == 6);
    CHECK(r.registered == 5);
    CHECK(r.rejected == 1);
    CHECK(r.withdrawn == 1);
    CHECK(r.lapsed == 0);
    CHECK(r.decided == 3);
    CHECK(count_of(r.by_route, "mediation") == 1);
    CHECK(count_of(r.by_route, "adjudication") == 2);
    CHECK(count_of(r.outcomes, "mediation_agreement") == 1);
    CHECK(count_of(r.outcomes, "granted") == 1);
    CHECK(count_of(r.outcomes, "rejected") == 1);
    CHECK(r.decided_on_time == 2);
    CHECK(r.decided_late == 1);
    CHECK(r.median_days_to_decision == 14.0);
    CHECK(r.pending == 3);
    CHECK(count_of(r.pending_by_age, "0-30") == 1);
    CHECK(count_of(r.pending_by_age, "31-90") == 1);
    CHECK(count_of(r.pending_by_age, "181+") == 1);
    CHECK(r.court_objections == 1);
    CHECK(count_of(r.court_results, "ditolak") == 1);
    CHECK(r.clearance_rate == 83.33);
    REQUIRE(r.trend.size() == 3);
    CHECK(r.trend[0].disputes == 3);
    CHECK(r.trend[1].disputes == 2);
    CHECK(r.trend[2].disputes == 1);
  }
}

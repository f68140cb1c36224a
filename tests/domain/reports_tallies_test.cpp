// Monthly tallies (issue 18, docs/open-data.md "Monthly tallies"): which months a report may take from
// stored tallies, and that adding up tallies built month by month gives exactly the measures counted from
// the facts over the whole period, for any period and any day the report is counted on.
#include "domain/reports/measures.hpp"
#include "domain/reports/open_data.hpp"
#include "domain/reports/tally.hpp"
#include "support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>

using namespace perkara;
using namespace perkara::domain::reports;
using domain::all_request_channels;
using domain::all_response_decisions;
using domain::civil_date;
using domain::disputes::dispute_outcome;
using perkara::test::d;

namespace {

// A small deterministic generator (64-bit LCG), so the facts below are the same on every run.
class dice {
 public:
  int roll(int sides) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state_ >> 33) % static_cast<std::uint64_t>(sides));
  }
  civil_date day_between(civil_date from, civil_date to) {
    return domain::add_days(from, roll(static_cast<int>((domain::to_days(to) - domain::to_days(from)).count()) + 1));
  }

 private:
  std::uint64_t state_ = 20240101;
};

const char* const offices[] = {"kpu-a", "kpu-b", "bawaslu-c"};
const char* const kis[] = {"ki-x", "ki-y"};

// Requests received from November 2023 to May 2024: answered (on time or late, some extended), still
// open with a due date on either side of the report's day, or ended unanswered; some refused, some objected.
std::vector<request_fact> requests() {
  dice dc;
  std::vector<request_fact> out;
  for (int i = 0; i < 400; ++i) {
    request_fact f;
    f.respondent = offices[dc.roll(3)];
    f.received_on = dc.day_between(d("2023-11-01"), d("2024-05-31"));
    f.channel = all_request_channels[dc.roll(6)];
    f.extension_used = dc.roll(4) == 0;
    f.response_due = domain::add_days(f.received_on, f.extension_used ? 9 : 5);
    switch (dc.roll(5)) {
      case 0: f.state = domain::request_state::received; break;  // open, unanswered
      case 1: f.state = domain::request_state::closed; break;    // ended unanswered
      default:
        f.state = domain::request_state::answered;
        f.responded_on = domain::add_days(f.received_on, dc.roll(14));
        f.decision = all_response_decisions[dc.roll(4)];
        if (f.decision == domain::response_decision::refused && dc.roll(3) != 0) {
          f.exemptions = {static_cast<char>('a' + dc.roll(10))};
        }
        if (dc.roll(3) == 0) {
          f.objected = true;
          if (dc.roll(2) == 0) {
            f.objection_outcome =
                dc.roll(2) == 0 ? domain::objection_decision::upheld : domain::objection_decision::overturned;
          }
        }
    }
    out.push_back(std::move(f));
  }
  return out;
}

// Disputes submitted from September 2023 to May 2024: decided (by mediation or adjudication, on time or
// late, some then objected to in court), closed without a decision, or still open.
std::vector<dispute_fact> disputes() {
  dice dc;
  std::vector<dispute_fact> out;
  for (int i = 0; i < 250; ++i) {
    dispute_fact f;
    f.ki = kis[dc.roll(2)];
    f.respondent = offices[dc.roll(3)];
    f.submitted_on = dc.day_between(d("2023-09-01"), d("2024-05-31"));
    if (dc.roll(6) != 0) {
      f.registered_on = domain::add_days(f.submitted_on, dc.roll(6));
      f.completion_due = domain::add_days(*f.registered_on, 20);
    }
    const int fate = dc.roll(4);
    if (fate <= 1 && f.registered_on) {
      f.decided_on = domain::add_days(*f.registered_on, 5 + dc.roll(60));
      f.mediated = dc.roll(2) == 0;
      f.adjudicated = !f.mediated || dc.roll(2) == 0;
      const dispute_outcome decided[] = {dispute_outcome::granted, dispute_outcome::partly_granted,
                                         dispute_outcome::rejected, dispute_outcome::mediation_agreement};
      f.outcome = decided[dc.roll(4)];
      if (dc.roll(4) == 0) {
        f.court_objection_on = domain::add_days(*f.decided_on, 3 + dc.roll(10));
        if (dc.roll(2) == 0) {
          f.court_decided_on = domain::add_days(*f.court_objection_on, 10 + dc.roll(40));
          f.court_result = dc.roll(2) == 0 ? "ditolak" : "";
        }
      }
    } else if (fate == 2) {
      f.closed_on = domain::add_days(f.submitted_on, 2 + dc.roll(40));
      const dispute_outcome closed[] = {dispute_outcome::withdrawn, dispute_outcome::lapsed,
                                        dispute_outcome::not_registered};
      f.outcome = closed[dc.roll(3)];
    }
    out.push_back(std::move(f));
  }
  return out;
}

// What a report adds up: its settled months each built on its own (as stored), the rest of the period
// built from the facts.
tallies month_by_month(const period& p, civil_date today, const std::function<tallies(const period&)>& build) {
  const auto settled = settled_months(p, today);
  tallies out;
  if (!settled) {
    return build(p);
  }
  if (p.from < settled->from) {
    add_tallies(out, build({p.from, domain::add_days(settled->from, -1)}));
  }
  if (settled->to < p.to) {
    add_tallies(out, build({domain::add_days(settled->to, 1), p.to}));
  }
  for (const auto m : months_of(*settled)) {
    add_tallies(out, build({m, month_end(m)}));
  }
  return out;
}

}  // namespace

TEST_SUITE("reports") {
  TEST_CASE("monthly tallies: the settled whole months of a period") {
    struct row {
      const char* from;
      const char* to;
      const char* today;
      const char* settled_from;  // nullptr: none
      const char* settled_to;
    };
    const row rows[] = {
        {"2024-01-01", "2024-12-31", "2025-03-10", "2024-01-01", "2024-12-31"},  // a past year, whole
        {"2024-01-01", "2024-12-31", "2024-06-15", "2024-01-01", "2024-05-31"},  // the year so far
        {"2024-01-01", "2024-12-31", "2024-06-01", "2024-01-01", "2024-04-30"},  // May ended yesterday: a day's margin
        {"2024-01-01", "2024-12-31", "2024-06-02", "2024-01-01", "2024-05-31"},
        {"2024-01-15", "2024-04-10", "2025-01-01", "2024-02-01", "2024-03-31"},  // partial months at both ends
        {"2024-01-15", "2024-02-10", "2025-01-01", nullptr, nullptr},            // no whole month
        {"2024-02-01", "2024-02-29", "2024-03-02", "2024-02-01", "2024-02-29"},  // a leap February
        {"2024-02-01", "2024-02-29", "2024-03-01", nullptr, nullptr},
        {"2024-03-01", "2024-03-31", "2024-02-01", nullptr, nullptr},  // a period not yet begun
    };
    for (const auto& r : rows) {
      CAPTURE(r.from);
      CAPTURE(r.to);
      CAPTURE(r.today);
      const auto settled = settled_months({d(r.from), d(r.to)}, d(r.today));
      if (r.settled_from == nullptr) {
        CHECK_FALSE(settled);
        continue;
      }
      REQUIRE(settled);
      CHECK(settled->from == d(r.settled_from));
      CHECK(settled->to == d(r.settled_to));
    }
  }

  TEST_CASE("monthly tallies: added up month by month they give the measures of the whole period") {
    const auto all_requests = requests();
    const auto all_disputes = disputes();
    const auto counts = dispute_counts(all_disputes);
    const auto cal = test::real_calendar();
    const calendar_of calendars = [&](const std::string&) -> const domain::working_calendar& { return cal; };
    struct row {
      const char* from;
      const char* to;
      const char* today;
    };
    // Past periods, the year so far, a period ending in the future, partial months, a period not begun.
    const row rows[] = {{"2024-01-01", "2024-03-31", "2024-09-01"}, {"2024-01-01", "2024-12-31", "2024-04-17"},
                        {"2023-11-01", "2024-05-31", "2024-05-31"}, {"2024-01-15", "2024-04-10", "2024-08-01"},
                        {"2024-02-10", "2024-03-20", "2024-03-05"}, {"2024-02-01", "2024-02-29", "2024-03-02"},
                        {"2024-03-01", "2024-03-31", "2024-02-20"}, {"2023-12-01", "2024-02-29", "2024-02-05"}};
    for (const auto& r : rows) {
      CAPTURE(r.from);
      CAPTURE(r.to);
      CAPTURE(r.today);
      const period p{d(r.from), d(r.to)};
      const auto today = d(r.today);

      const auto ppid = month_by_month(
          p, today, [&](const period& part) { return ppid_tallies(all_requests, counts, part, calendars); });
      const auto ppid_whole = ppid_measures(all_requests, counts, p, today, calendars);
      CHECK(ppid_measures(ppid, p, today) == ppid_whole);
      CHECK(ppid_whole.received > 0);
      CHECK(ppid_by_office(ppid, p, today).size() == 3);

      const auto ki = month_by_month(
          p, today, [&](const period& part) { return ki_tallies(all_disputes, part, today, calendars); });
      const auto ki_whole = ki_measures(all_disputes, p, today, calendars);
      CHECK(ki_measures(ki, p, today) == ki_whole);
      CHECK(ki_whole.pending > 0);
      const auto per_ki = ki_by_ki(ki, p, today);
      REQUIRE(per_ki.size() == 2);
      CHECK(per_ki.at("ki-x").received + per_ki.at("ki-y").received == ki_whole.received);
    }
  }

  TEST_CASE("monthly tallies: months built over a span are those built one by one") {
    // A report missing several stored months builds them in one read of the facts over their span.
    const auto all_requests = requests();
    const auto all_disputes = disputes();
    const auto counts = dispute_counts(all_disputes);
    const auto cal = test::real_calendar();
    const calendar_of calendars = [&](const std::string&) -> const domain::working_calendar& { return cal; };
    const period span{d("2023-12-01"), d("2024-04-30")};
    const auto today = d("2024-09-01");
    const auto ppid_span = ppid_tallies(all_requests, counts, span, calendars);
    const auto ki_span = ki_tallies(all_disputes, span, today, calendars);
    for (const auto m : months_of(span)) {
      CAPTURE(domain::format_iso_date(m));
      const period month{m, month_end(m)};
      for (const auto& [key, t] : ppid_tallies(all_requests, counts, month, calendars)) {
        CHECK(ppid_span.at(key) == t);
      }
      for (const auto& [key, t] : ki_tallies(all_disputes, month, today, calendars)) {
        CHECK(ki_span.at(key) == t);
      }
    }
  }

  TEST_CASE("monthly tallies: an open request is pending or never answered on the report's day") {
    request_fact f;
    f.respondent = "kpu-a";
    f.received_on = d("2024-02-05");
    f.response_due = d("2024-02-12");
    const auto cal = test::real_calendar();
    const calendar_of calendars = [&](const std::string&) -> const domain::working_calendar& { return cal; };
    const period feb{d("2024-02-01"), d("2024-02-29")};
    const auto t = ppid_tallies({f}, {}, feb, calendars);
    CHECK(t.at({"kpu-a", d("2024-02-01")}).at("open:2024-02-12") == 1);
    CHECK(ppid_measures(t, feb, d("2024-02-12")).pending == 1);
    CHECK(ppid_measures(t, feb, d("2024-02-13")).never_answered == 1);
  }
}

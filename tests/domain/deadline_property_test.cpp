#include "domain/deadline/compute.hpp"

#include "domain/support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace perkara::domain;
using perkara::test::d;
using perkara::test::real_calendar;

namespace {

civil_date random_date(std::mt19937& rng) {
  static const auto first = to_days(d("2019-01-01"));
  static const auto span = static_cast<int>((to_days(d("2026-12-31")) - first).count());
  std::uniform_int_distribution<int> offset(0, span);
  return from_days(first + std::chrono::days{offset(rng)});
}

}  // namespace

TEST_SUITE("deadline_properties") {
  TEST_CASE("due is a working day, counts back to N and grows with N (seeded, 2019-2026, N 0..40)") {
    const auto cal = real_calendar();
    std::mt19937 rng{17042019U};
    std::uniform_int_distribution<int> n_dist(0, 40);
    std::uniform_int_distribution<int> minute_dist(0, 24 * 60 - 1);
    for (int i = 0; i < 5000; ++i) {
      const auto day = random_date(rng);
      const int n = n_dist(rng);
      const auto received = start_of_local_day(day, 420) + std::chrono::minutes{minute_dist(rng)};
      CAPTURE(format_rfc3339(received, 420));
      CAPTURE(n);
      const auto r = deem_received(cal, office_hours{}, 420, counting_rules{}, received);
      REQUIRE(cal.is_working_day(r.deemed_received));
      REQUIRE(r.deemed_received >= r.receipt_date);
      const auto due = due_date(cal, r.deemed_received, n, period_unit::working_days);
      if (n >= 1) {
        REQUIRE(cal.is_working_day(due));
        REQUIRE(due > r.deemed_received);
      }
      REQUIRE(cal.working_days_between(r.deemed_received, due) == n);
      REQUIRE(due_date(cal, r.deemed_received, n + 1, period_unit::working_days) > due);
      const auto cal_due = due_date(cal, r.deemed_received, n, period_unit::calendar_days);
      REQUIRE(cal.is_working_day(cal_due));
      REQUIRE(cal_due >= add_days(r.deemed_received, n));
      REQUIRE(due_date(cal, r.deemed_received, n + 1, period_unit::calendar_days) >= cal_due);
    }
  }

  TEST_CASE("adding a holiday never makes a due date earlier (seeded)") {
    const auto& base_rows = perkara::test::national_holidays();
    const auto base = real_calendar();
    std::mt19937 rng{27112024U};
    std::uniform_int_distribution<int> n_dist(0, 40);
    for (int c = 0; c < 200; ++c) {
      auto rows = base_rows;
      const auto extra = random_date(rng);
      rows.push_back({extra, holiday_kind::local, "Tutup", "Closed", "test", "ki-x", ""});
      const working_calendar more{rows, counting_rules{}};
      CAPTURE(format_iso_date(extra));
      for (int i = 0; i < 25; ++i) {
        const auto from = random_date(rng);
        const int n = n_dist(rng);
        CAPTURE(format_iso_date(from));
        CAPTURE(n);
        for (const auto unit : {period_unit::working_days, period_unit::calendar_days}) {
          const auto due_base = due_date(base, deem_received(base, from).deemed_received, n, unit);
          const auto due_more = due_date(more, deem_received(more, from).deemed_received, n, unit);
          REQUIRE(due_more >= due_base);
        }
      }
    }
  }

  TEST_CASE("the explanation's skipped days are exactly the uncounted non-working days (seeded)") {
    const auto cal = real_calendar();
    std::mt19937 rng{20190221U};
    std::uniform_int_distribution<int> n_dist(0, 40);
    for (int i = 0; i < 2000; ++i) {
      deadline_query q;
      q.from = random_date(rng);
      const int n = n_dist(rng);
      CAPTURE(format_iso_date(*q.from));
      CAPTURE(n);
      const auto r = compute_deadline(cal, office_hours{}, 420, counting_rules{}, n, period_unit::working_days, q);
      REQUIRE(std::holds_alternative<deadline_explanation>(r));
      const auto& e = std::get<deadline_explanation>(r);
      const auto span = static_cast<int>((to_days(e.due) - to_days(e.deemed_received)).count());
      REQUIRE(static_cast<int>(e.skipped.size()) == (span == 0 ? 0 : span - n));
      for (const auto& s : e.skipped) {
        REQUIRE_FALSE(cal.is_working_day(s.date));
        REQUIRE(s.date > e.deemed_received);
        REQUIRE(s.date < e.due);
      }
    }
  }
}

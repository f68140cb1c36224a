#include "domain/calendar/working_calendar.hpp"

#include "domain/support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

#include <map>
#include <random>
#include <set>
#include <vector>

using namespace perkara::domain;
using perkara::test::d;
using perkara::test::real_calendar;

namespace {

// Day-by-day reference implementation: the definition, with no index and no cleverness.
struct naive_calendar {
  std::set<civil_date> closed;

  naive_calendar(const std::vector<holiday>& holidays, bool cuti_bersama_is_holiday) {
    for (const auto& h : holidays) {
      if (h.kind != holiday_kind::cuti_bersama || cuti_bersama_is_holiday) {
        closed.insert(h.date);
      }
    }
  }
  [[nodiscard]] bool working(civil_date date) const { return !is_weekend(date) && !closed.contains(date); }
  [[nodiscard]] civil_date add(civil_date date, int n) const {
    const int dir = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
      date = add_days(date, dir);
      if (working(date)) {
        --left;
      }
    }
    return date;
  }
  [[nodiscard]] int between(civil_date a, civil_date b) const {
    int sign = 1;
    if (a > b) {
      std::swap(a, b);
      sign = -1;
    }
    int n = 0;
    for (auto x = add_days(a, 1); x <= b; x = add_days(x, 1)) {
      n += working(x) ? 1 : 0;
    }
    return sign * n;
  }
};

civil_date random_date(std::mt19937& rng, const char* first, const char* last) {
  std::uniform_int_distribution<int> offset(0, static_cast<int>((to_days(d(last)) - to_days(d(first))).count()));
  return add_days(d(first), offset(rng));
}

}  // namespace

TEST_SUITE("working_calendar") {
  TEST_CASE("non-working reasons on real dates") {
    const auto cal = real_calendar();
    struct row {
      const char* date;
      bool working;
      closure_reason reason;
      const char* name_id;
    };
    const row rows[] = {
        {"2024-02-14", false, closure_reason::election, "Pemungutan suara Pemilu 2024"},
        {"2024-11-27", false, closure_reason::election, "Pemungutan suara Pilkada serentak 2024"},
        {"2024-02-08", false, closure_reason::national, "Isra Mikraj Nabi Muhammad"},
        {"2024-02-09", false, closure_reason::cuti_bersama, "Cuti bersama Imlek"},
        {"2024-02-10", false, closure_reason::national, "Tahun Baru Imlek 2575"},  // Saturday: holiday wins
        {"2024-02-11", false, closure_reason::weekend, ""},
        {"2024-02-12", true, closure_reason::weekend, ""},
        {"2019-04-17", false, closure_reason::election, "Pemungutan suara Pemilu 2019"},
        {"2020-12-09", false, closure_reason::election, "Pemungutan suara Pilkada serentak 2020"},
        {"2021-05-13", false, closure_reason::national, "Kenaikan Isa Almasih; Idul Fitri 1442 H (hari 1)"},
        {"2022-05-02", false, closure_reason::national, "Idul Fitri 1443 H (hari 1)"},
        {"2023-12-26", false, closure_reason::cuti_bersama, "Cuti bersama Natal"},
        {"2025-08-18", false, closure_reason::cuti_bersama, "Cuti bersama HUT ke-80 RI (tambahan 2025)"},
        {"2026-03-19", false, closure_reason::national, "Hari Suci Nyepi (Saka 1948)"},
        {"2026-03-25", true, closure_reason::weekend, ""},
    };
    for (const auto& r : rows) {
      const std::string date_text{r.date};
      CAPTURE(date_text);
      CHECK(cal.is_working_day(d(r.date)) == r.working);
      const auto reason = cal.non_working_reason(d(r.date));
      REQUIRE(reason.has_value() == !r.working);
      if (reason) {
        CHECK(reason->reason == r.reason);
        CHECK(reason->name_id == r.name_id);
      }
    }
  }

  TEST_CASE("working days per year 2019-2027 against an independent count") {
    const auto with = real_calendar(true);
    const auto without = real_calendar(false);
    struct row {
      int year;
      int with_cuti;
      int without_cuti;
    };
    const row rows[] = {{2019, 246, 250}, {2020, 243, 248}, {2021, 248, 249}, {2022, 246, 250}, {2023, 239, 250},
                        {2024, 238, 248}, {2025, 237, 248}, {2026, 240, 248}, {2027, 242, 250}};
    for (const auto& r : rows) {
      CAPTURE(r.year);
      const civil_date before{std::chrono::year{r.year - 1}, std::chrono::December, std::chrono::day{31}};
      const civil_date end{std::chrono::year{r.year}, std::chrono::December, std::chrono::day{31}};
      CHECK(with.working_days_between(before, end) == r.with_cuti);
      CHECK(without.working_days_between(before, end) == r.without_cuti);
    }
  }

  TEST_CASE("next working day and day arithmetic on named dates") {
    const auto cal = real_calendar();
    CHECK(cal.next_working_day(d("2024-02-07")) == d("2024-02-12"));
    CHECK(cal.next_working_day(d("2024-04-05")) == d("2024-04-16"));
    CHECK(cal.working_day_on_or_after(d("2024-04-05")) == d("2024-04-05"));
    CHECK(cal.working_day_on_or_after(d("2024-04-06")) == d("2024-04-16"));
    CHECK(cal.add_working_days(d("2024-02-15"), -3) == d("2024-02-07"));
    CHECK(cal.add_working_days(d("2024-02-11"), 0) == d("2024-02-11"));
    CHECK(cal.working_days_between(d("2024-02-15"), d("2024-02-07")) == -3);
    CHECK(cal.working_days_between(d("2024-02-07"), d("2024-02-07")) == 0);
  }

  TEST_CASE("holidays_for keeps national rows and only the organisation's own local closures") {
    std::vector<holiday> all{
        {d("2024-02-14"), holiday_kind::election, "Pemilu", "Election", "Keppres-10-2024", std::nullopt, ""},
        {d("2024-03-13"), holiday_kind::local, "Tutup A", "Closed A", "SK", "ki-a", ""},
        {d("2024-03-14"), holiday_kind::local, "Tutup B", "Closed B", "SK", "ki-b", ""},
    };
    const auto a = holidays_for(all, "ki-a");
    REQUIRE(a.size() == 2);
    CHECK(a[1].name_id == "Tutup A");
    const working_calendar cal{a, counting_rules{}};
    CHECK_FALSE(cal.is_working_day(d("2024-03-13")));
    CHECK(cal.is_working_day(d("2024-03-14")));
    CHECK(cal.non_working_reason(d("2024-03-13"))->reason == closure_reason::local);
  }

  TEST_CASE("a holiday's scope: national, its province's, its regency's, or one organisation's") {
    const auto row = [](std::optional<std::string> organisation, std::string region) {
      holiday h{d("2025-08-27"), holiday_kind::local, "Libur", "Holiday", "SK", std::move(organisation), std::move(region)};
      if (!h.organisation && h.region_code.empty()) {
        h.kind = holiday_kind::national;
      }
      return h;
    };
    struct expectation {
      holiday h;
      holiday_scope scope;
      bool at_pangkalpinang;  // kpu-pangkalpinang, region 19.71
      bool at_bangka;         // kpu-bangka, region 19.01
      bool at_province;       // kpu-babel, region 19
      bool at_national;       // kpu-ri, no region
    };
    const expectation rows[] = {
        {row(std::nullopt, ""), holiday_scope::national, true, true, true, true},
        {row(std::nullopt, "19"), holiday_scope::province, true, true, true, false},
        {row(std::nullopt, "19.71"), holiday_scope::regency, true, false, false, false},
        {row(std::nullopt, "1"), holiday_scope::province, false, false, false, false},  // "1" is not "19"'s prefix
        {row(std::string("kpu-bangka"), ""), holiday_scope::organisation, false, true, false, false},
    };
    for (const auto& r : rows) {
      CAPTURE(r.h.region_code);
      CHECK(scope_of(r.h) == r.scope);
      CHECK(applies_to(r.h, "kpu-pangkalpinang", "19.71") == r.at_pangkalpinang);
      CHECK(applies_to(r.h, "kpu-bangka", "19.01") == r.at_bangka);
      CHECK(applies_to(r.h, "kpu-babel", "19") == r.at_province);
      CHECK(applies_to(r.h, "kpu-ri", "") == r.at_national);
    }
    const auto all = std::vector<holiday>{rows[0].h, rows[1].h, rows[2].h, rows[4].h};
    CHECK(holidays_for(all, "kpu-pangkalpinang", "19.71").size() == 3);
    CHECK(holidays_for(all, "kpu-bangka", "19.01").size() == 3);
    CHECK(holidays_for(all, "kpu-ri", "").size() == 1);
  }

  TEST_CASE("a holiday's scope must fit its kind") {
    struct expectation {
      holiday_kind kind;
      std::optional<std::string> organisation;
      std::string region;
      bool valid;
    };
    const expectation rows[] = {
        {holiday_kind::national, std::nullopt, "", true},
        {holiday_kind::national, std::nullopt, "19", false},
        {holiday_kind::cuti_bersama, std::nullopt, "19.71", false},
        {holiday_kind::election, std::nullopt, "19.71", true},  // a Pilkada voting day in one regency
        {holiday_kind::election, std::string("ki-babel"), "", false},
        {holiday_kind::local, std::nullopt, "", false},
        {holiday_kind::local, std::string("ki-babel"), "", true},
        {holiday_kind::local, std::nullopt, "19", true},
        {holiday_kind::local, std::nullopt, "19.71", true},
        {holiday_kind::local, std::string("ki-babel"), "19", false},
        {holiday_kind::local, std::nullopt, "19.7", false},
        {holiday_kind::local, std::nullopt, "Babel", false},
    };
    for (const auto& r : rows) {
      CAPTURE(r.region);
      const holiday h{d("2025-08-27"), r.kind, "Libur", "Holiday", "SK", r.organisation, r.region};
      CHECK(scope_problem(h).has_value() == !r.valid);
    }
  }

  TEST_CASE("several rows on one date report the most significant reason") {
    std::vector<holiday> rows{
        {d("2024-03-13"), holiday_kind::local, "Tutup", "Closed", "SK", "ki-a", ""},
        {d("2024-03-13"), holiday_kind::cuti_bersama, "Cuti", "Leave", "SKB", std::nullopt, ""},
        {d("2024-03-13"), holiday_kind::national, "Libur", "Holiday", "SKB", std::nullopt, ""},
    };
    const working_calendar cal{rows, counting_rules{}};
    CHECK(cal.non_working_reason(d("2024-03-13"))->reason == closure_reason::national);
    CHECK(cal.working_days_between(d("2024-03-12"), d("2024-03-14")) == 1);
  }

  TEST_CASE("an inverted or too long index range is a programming error") {
    CHECK_THROWS_AS(working_calendar({}, counting_rules{}, d("2024-01-02"), d("2024-01-01")), std::invalid_argument);
    CHECK_THROWS_AS(working_calendar({}, counting_rules{}, d("1900-01-01"), d("2100-12-31")), std::invalid_argument);
  }

  TEST_CASE("property: the index agrees with the day-by-day reference (seeded, 2019-2026)") {
    for (const bool cuti : {true, false}) {
      CAPTURE(cuti);
      const auto cal = real_calendar(cuti);
      const naive_calendar ref{perkara::test::national_holidays(), cuti};
      std::mt19937 rng{20240214U};
      std::uniform_int_distribution<int> n_dist(-40, 40);
      for (int i = 0; i < 4000; ++i) {
        const auto a = random_date(rng, "2019-01-01", "2026-12-31");
        const auto b = random_date(rng, "2019-01-01", "2026-12-31");
        const int n = n_dist(rng);
        CAPTURE(format_iso_date(a));
        CAPTURE(n);
        REQUIRE(cal.is_working_day(a) == ref.working(a));
        REQUIRE(cal.add_working_days(a, n) == ref.add(a, n));
        REQUIRE(cal.next_working_day(a) == ref.add(a, 1));
        if (i % 8 == 0) {  // the reference between() is slow over years
          CAPTURE(format_iso_date(b));
          REQUIRE(cal.working_days_between(a, b) == ref.between(a, b));
        }
        if (n >= 0 || ref.working(a)) {  // counting back from a closed day: a itself is not one of the |n|
          REQUIRE(cal.working_days_between(a, cal.add_working_days(a, n)) == n);
        }
      }
    }
  }

  TEST_CASE("property: outside its index a calendar is exact (small index vs the full one)") {
    // Index only 2024; queries 2019-2026 cross both edges and run the slow paths.
    std::vector<holiday> all = perkara::test::national_holidays();
    const working_calendar small{all, counting_rules{}, d("2024-01-01"), d("2024-12-31")};
    const auto full = real_calendar();
    std::mt19937 rng{27112024U};
    std::uniform_int_distribution<int> n_dist(-400, 400);
    for (int i = 0; i < 3000; ++i) {
      const auto a = random_date(rng, "2019-01-01", "2026-12-31");
      const auto b = random_date(rng, "2019-01-01", "2026-12-31");
      const int n = n_dist(rng);
      CAPTURE(format_iso_date(a));
      CAPTURE(format_iso_date(b));
      CAPTURE(n);
      REQUIRE(small.is_working_day(a) == full.is_working_day(a));
      REQUIRE(small.add_working_days(a, n) == full.add_working_days(a, n));
      REQUIRE(small.working_days_between(a, b) == full.working_days_between(a, b));
      const auto ra = small.non_working_reason(a);
      const auto fa = full.non_working_reason(a);
      REQUIRE(ra.has_value() == fa.has_value());
      if (ra) {
        REQUIRE(ra->reason == fa->reason);
      }
    }
    // Far outside any index: exact by the closed form and stepping.
    CHECK(full.working_days_between(d("1900-01-01"), d("1900-01-08")) == 5);
    // Past the years a client may give (d() parses like the API), so built directly.
    const civil_date past_inputs{std::chrono::year{2200}, std::chrono::January, std::chrono::day{2}};
    CHECK(full.add_working_days(past_inputs, 5) == add_days(past_inputs, 7));
    CHECK(full.add_working_days(d("2100-12-30"), 3) == d("2101-01-04"));
    CHECK(full.add_working_days(d("1990-01-02"), -3) == d("1989-12-28"));
  }

  TEST_CASE("property: every day's closure, walked or looked up, in and out of the index, matches the rows") {
    // The expected closure of each date straight from the rows (most significant reason first, as documented).
    const auto& rows = perkara::test::national_holidays();
    std::map<civil_date, const holiday*> by_date;
    const auto rank = [](holiday_kind k) {
      return k == holiday_kind::national ? 0 : k == holiday_kind::election ? 1 : k == holiday_kind::cuti_bersama ? 2 : 3;
    };
    for (const auto& h : rows) {
      auto [it, added] = by_date.emplace(h.date, &h);
      if (!added && rank(h.kind) < rank(it->second->kind)) {
        it->second = &h;
      }
    }
    // Index edges off any 64-day block or month boundary; the walk runs 2018-12-01..2027-01-31 across both.
    const working_calendar small{rows, counting_rules{}, d("2021-03-17"), d("2024-08-09")};
    const auto full = real_calendar();
    const auto first = d("2018-12-01");
    const auto last = d("2027-01-31");
    for (const working_calendar* cal : {&small, &full}) {
      std::vector<civil_date> walked;
      cal->for_each_non_working(first, last, [&](civil_date day, const closure& c) {
        CAPTURE(format_iso_date(day));
        walked.push_back(day);
        const auto looked_up = cal->non_working_reason(day);
        REQUIRE(looked_up);
        CHECK(looked_up->reason == c.reason);
        CHECK(looked_up->name_id == c.name_id);
        const auto row = by_date.find(day);
        if (row == by_date.end()) {
          CHECK(c.reason == closure_reason::weekend);
          CHECK(c.name_id.empty());
        } else {
          CHECK(to_string(c.reason) == to_string(row->second->kind));
          CHECK(c.name_id == row->second->name_id);
          CHECK(c.name_en == row->second->name_en);
        }
      });
      std::vector<civil_date> expected;
      for (auto day = first; day < last; day = add_days(day, 1)) {
        if (is_weekend(day) || by_date.contains(day)) {
          expected.push_back(day);
        }
      }
      CHECK(walked == expected);
    }
  }
}

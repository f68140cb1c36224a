#include "domain/deadline/compute.hpp"

#include "domain/support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace perkara::domain;
using perkara::test::d;
using perkara::test::real_calendar;

namespace {

// The PERKI 1/2019 periods the tests need (docs/legal-sources.md Appendix A); persistence seeds the real set.
ruleset perki_rules() {
  ruleset r;
  r.name = "perki_1_2019";
  r.version = 1;
  r.effective_from = d("2019-02-21");
  r.periods = {
      {"ppid_response", 3, std::nullopt, period_unit::working_days, "request_received", "PERKI 1/2019 Pasal 12 (secondary)",
       confidence::secondary, ""},
      {"objection_filing", std::nullopt, 30, period_unit::working_days, "ground_arises", "", confidence::unverified,
       "fallback UU 14/2008 Pasal 36(1)"},
      {"court_objection_calendar", 14, std::nullopt, period_unit::calendar_days, "decision_copy_received",
       "UU 14/2008 Ps 48(1)", confidence::unverified, "Q9 reading as calendar days"},
      {"broken", std::nullopt, std::nullopt, period_unit::working_days, "x", "", confidence::unverified, ""},
  };
  return r;
}

const office_hours wib_hours{8 * 60, 16 * 60};
constexpr int wib = 7 * 60;
constexpr int wita = 8 * 60;

instant at(const char* rfc3339) { return parse_rfc3339(rfc3339)->utc; }

// Returns a copy: callers pass the temporary result straight in.
deadline_explanation ok(const deadline_result& r) {
  if (const auto* errors = std::get_if<field_errors>(&r)) {
    for (const auto& e : *errors) {
      MESSAGE(e.field << ": " << e.message);
    }
  }
  REQUIRE(std::holds_alternative<deadline_explanation>(r));
  return std::get<deadline_explanation>(r);
}

std::vector<std::string> skipped_dates(const deadline_explanation& e) {
  std::vector<std::string> out;
  for (const auto& s : e.skipped) {
    out.push_back(format_iso_date(s.date));
  }
  return out;
}

deadline_query from_date(const char* iso, int extension = 0) {
  deadline_query q;
  q.from = d(iso);
  q.extension_days = extension;
  return q;
}

deadline_query received(const char* rfc3339, int extension = 0) {
  deadline_query q;
  q.received_at = at(rfc3339);
  q.extension_days = extension;
  return q;
}

}  // namespace

TEST_SUITE("deadline_compute") {
  TEST_CASE("calculator example: from 2024-02-07, 3 HK, over Isra Mikraj, Imlek cuti bersama and election day") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 3, period_unit::working_days,
                                        from_date("2024-02-07")));
    CHECK(format_iso_date(e.deemed_received) == "2024-02-07");
    CHECK(e.deemed_why == deemed_reason::on_time);
    CHECK(format_iso_date(e.due) == "2024-02-15");
    CHECK(e.origin == value_origin::caller);
    CHECK(skipped_dates(e) == std::vector<std::string>{"2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11",
                                                        "2024-02-14"});
    REQUIRE(e.skipped.size() == 5);
    CHECK(e.skipped[0].reason == closure_reason::national);
    CHECK(e.skipped[0].name_id == "Isra Mikraj Nabi Muhammad");
    CHECK(e.skipped[1].reason == closure_reason::cuti_bersama);
    CHECK(e.skipped[2].reason == closure_reason::national);  // Imlek on a Saturday reports the holiday
    CHECK(e.skipped[2].name_en == "Chinese New Year");
    CHECK(e.skipped[3].reason == closure_reason::weekend);
    CHECK(e.skipped[3].name_id.empty());
    CHECK(e.skipped[4].reason == closure_reason::election);
  }

  TEST_CASE("table: real dates 2019-2026 through the rule set's ppid_response (3 HK)") {
    struct row {
      const char* what;
      const char* received_at;
      int offset;
      int extension;
      const char* deemed;
      deemed_reason why;
      const char* due;
      int skipped;
    };
    const row rows[] = {
        {"2024 election day receipt (Keppres 10/2024)", "2024-02-14T10:00:00+07:00", wib, 0, "2024-02-15",
         deemed_reason::non_working_day, "2024-02-20", 2},
        {"Idul Fitri block 8-15 Apr 2024", "2024-04-05T09:00:00+07:00", wib, 0, "2024-04-05", deemed_reason::on_time,
         "2024-04-18", 10},
        {"Pilkada 27 Nov 2024 (Keppres 33/2024)", "2024-11-25T09:00:00+07:00", wib, 0, "2024-11-25",
         deemed_reason::on_time, "2024-11-29", 1},
        {"Friday after office hours, WIB", "2024-03-01T16:30:00+07:00", wib, 0, "2024-03-04",
         deemed_reason::after_office_hours, "2024-03-07", 0},
        {"received on a Sunday", "2024-03-03T10:00:00+07:00", wib, 0, "2024-03-04", deemed_reason::non_working_day,
         "2024-03-07", 0},
        {"15:59 WITA is on time", "2024-05-07T15:59:00+08:00", wita, 0, "2024-05-07", deemed_reason::on_time,
         "2024-05-14", 4},
        {"16:00 WITA is after hours", "2024-05-07T16:00:00+08:00", wita, 0, "2024-05-08",
         deemed_reason::after_office_hours, "2024-05-15", 4},
        {"the same instant is 15:00 in WIB: on time", "2024-05-07T16:00:00+08:00", wib, 0, "2024-05-07",
         deemed_reason::on_time, "2024-05-14", 4},
        {"+2 HK extension (Pasal 12), 3+2 HK", "2024-02-07T10:15:00+07:00", wib, 2, "2024-02-07",
         deemed_reason::on_time, "2024-02-19", 7},
        {"year boundary, Natal cuti bersama 2023 (5 HK)", "2023-12-21T09:00:00+07:00", wib, 2, "2023-12-21",
         deemed_reason::on_time, "2024-01-02", 7},
        {"year boundary 2024/2025", "2024-12-23T09:00:00+07:00", wib, 0, "2024-12-23", deemed_reason::on_time,
         "2024-12-30", 4},
        {"2019 Idul Fitri with Pancasila Day on a Saturday", "2019-05-31T09:00:00+07:00", wib, 0, "2019-05-31",
         deemed_reason::on_time, "2019-06-12", 9},
        {"2019 election day and Good Friday", "2019-04-16T09:00:00+07:00", wib, 0, "2019-04-16",
         deemed_reason::on_time, "2019-04-23", 4},
        {"2020 Pilkada day (Keppres 22/2020)", "2020-12-08T09:00:00+07:00", wib, 0, "2020-12-08",
         deemed_reason::on_time, "2020-12-14", 3},
        {"2020 Natal", "2020-12-23T09:00:00+07:00", wib, 0, "2020-12-23", deemed_reason::on_time, "2020-12-30", 4},
        {"2021 Ascension and Idul Fitri on one day", "2021-05-11T09:00:00+07:00", wib, 0, "2021-05-11",
         deemed_reason::on_time, "2021-05-19", 5},
        {"2022 Idul Fitri block", "2022-04-28T09:00:00+07:00", wib, 0, "2022-04-28", deemed_reason::on_time,
         "2022-05-11", 10},
        {"2023 Idul Fitri block", "2023-04-18T09:00:00+07:00", wib, 0, "2023-04-18", deemed_reason::on_time,
         "2023-04-28", 7},
        {"2025 Nyepi and Idul Fitri", "2025-03-27T09:00:00+07:00", wib, 0, "2025-03-27", deemed_reason::on_time,
         "2025-04-10", 11},
        {"2025 added 18 Aug cuti bersama (SKB 933/2025)", "2025-08-15T09:00:00+07:00", wib, 0, "2025-08-15",
         deemed_reason::on_time, "2025-08-21", 3},
        {"2026 Nyepi and Idul Fitri", "2026-03-17T09:00:00+07:00", wib, 0, "2026-03-17", deemed_reason::on_time,
         "2026-03-27", 7},
    };
    const auto cal = real_calendar();
    const auto rules = perki_rules();
    for (const auto& r : rows) {
      const std::string what_text{r.what};
      CAPTURE(what_text);
      const std::string received_at_text{r.received_at};
      CAPTURE(received_at_text);
      const auto e = ok(compute_deadline(cal, wib_hours, r.offset, rules, "ppid_response", received(r.received_at, r.extension)));
      CHECK(format_iso_date(e.deemed_received) == r.deemed);
      CHECK(e.deemed_why == r.why);
      CHECK(format_iso_date(e.due) == r.due);
      CHECK(e.skipped.size() == static_cast<std::size_t>(r.skipped));
      CHECK(e.total_days == 3 + r.extension);
      CHECK(e.days == 3);
      CHECK(e.origin == value_origin::statutory);
      CHECK(e.ruleset == "perki_1_2019");
      CHECK(e.legal_source == "PERKI 1/2019 Pasal 12 (secondary)");
      CHECK(e.confidence_level == confidence::secondary);
      CHECK(e.received_at == at(r.received_at));
      CHECK(e.utc_offset_minutes == r.offset);
      CHECK(cal.is_working_day(e.due));
      CHECK(cal.working_days_between(e.deemed_received, e.due) == e.total_days);
    }
  }

  TEST_CASE("2020 Pilkada: one working day over the voting day") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 1, period_unit::working_days,
                                        from_date("2020-12-08")));
    CHECK(format_iso_date(e.due) == "2020-12-10");
    REQUIRE(e.skipped.size() == 1);
    CHECK(e.skipped[0].reason == closure_reason::election);
  }

  TEST_CASE("receipt on a holiday says which holiday") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, perki_rules(), "ppid_response",
                                        received("2024-02-14T10:00:00+07:00")));
    REQUIRE(e.receipt_closure);
    CHECK(e.receipt_closure->reason == closure_reason::election);
    CHECK(e.receipt_closure->name_id == "Pemungutan suara Pemilu 2024");
    CHECK(format_iso_date(e.receipt_date) == "2024-02-14");
  }

  TEST_CASE("after-hours rule can be switched off by the rule set") {
    const auto cal = real_calendar();
    counting_rules counting;
    counting.after_hours_next_working_day = false;
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting, 3, period_unit::working_days,
                                        received("2024-03-01T16:30:00+07:00")));
    CHECK(e.deemed_why == deemed_reason::on_time);
    CHECK(format_iso_date(e.due) == "2024-03-06");
  }

  TEST_CASE("calendar-days period ending on Idul Fitri rolls forward and records why") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, perki_rules(), "court_objection_calendar",
                                        from_date("2024-03-27")));
    CHECK(e.unit == period_unit::calendar_days);
    CHECK(format_iso_date(e.due) == "2024-04-16");
    REQUIRE(e.rolled_from);
    CHECK(format_iso_date(e.rolled_from->date) == "2024-04-10");
    CHECK(e.rolled_from->reason == closure_reason::national);
    CHECK(e.rolled_from->name_en == "Eid al-Fitr (day 1)");
    // Only the roll-forward days are skipped; Good Friday 29 Mar was counted as a calendar day.
    CHECK(skipped_dates(e) == std::vector<std::string>{"2024-04-10", "2024-04-11", "2024-04-12", "2024-04-13",
                                                        "2024-04-14", "2024-04-15"});
  }

  TEST_CASE("calendar-days period ending on a working day does not roll") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 14, period_unit::calendar_days,
                                        from_date("2024-05-13")));
    CHECK(format_iso_date(e.due) == "2024-05-27");
    CHECK_FALSE(e.rolled_from);
    CHECK(e.skipped.empty());
  }

  TEST_CASE("cuti bersama as working days (cuti_bersama_is_holiday = false)") {
    const auto cal = real_calendar(false);
    struct row {
      const char* from;
      const char* due;
      int skipped;
    };
    for (const auto& r : {row{"2024-02-07", "2024-02-13", 3}, row{"2024-04-05", "2024-04-12", 4}}) {
      const std::string from_text{r.from};
      CAPTURE(from_text);
      const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 3, period_unit::working_days,
                                          from_date(r.from)));
      CHECK(format_iso_date(e.due) == r.due);
      CHECK(e.skipped.size() == static_cast<std::size_t>(r.skipped));
      for (const auto& s : e.skipped) {
        CHECK(s.reason != closure_reason::cuti_bersama);
      }
    }
  }

  TEST_CASE("a local closure counts only for its own organisation") {
    holiday closure_day{d("2024-03-13"), holiday_kind::local, "Penutupan kantor KI Babel", "KI Babel office closed",
                        "SK Ketua KI Babel", "ki-babel", ""};
    std::vector<holiday> all = perkara::test::national_holidays();
    all.push_back(closure_day);
    const working_calendar babel{holidays_for(all, "ki-babel"), counting_rules{}};
    const working_calendar other{holidays_for(all, "kpu-pangkalpinang"), counting_rules{}};
    const auto q = from_date("2024-03-08");
    const auto eb = ok(compute_deadline(babel, wib_hours, wib, counting_rules{}, 3, period_unit::working_days, q));
    const auto eo = ok(compute_deadline(other, wib_hours, wib, counting_rules{}, 3, period_unit::working_days, q));
    CHECK(format_iso_date(eb.due) == "2024-03-18");
    CHECK(format_iso_date(eo.due) == "2024-03-15");
    REQUIRE(eb.skipped.size() == 7);
    CHECK(eb.skipped[4].reason == closure_reason::local);
    CHECK(eb.skipped[4].name_id == "Penutupan kantor KI Babel");
  }

  TEST_CASE("a period whose statutory value is unknown runs on its fallback and says so") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, perki_rules(), "objection_filing",
                                        from_date("2024-02-07")));
    CHECK(e.origin == value_origin::fallback);
    CHECK(e.days == 30);
    CHECK(e.confidence_level == confidence::unverified);
    CHECK(cal.working_days_between(e.deemed_received, e.due) == 30);
    CHECK(format_iso_date(e.due) == "2024-03-27");
  }

  TEST_CASE("without the skipped list the due date is the same") {
    const auto cal = real_calendar();
    auto q = from_date("2024-04-05");
    q.list_skipped = false;
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 3, period_unit::working_days, q));
    CHECK(format_iso_date(e.due) == "2024-04-18");
    CHECK_FALSE(e.skipped_listed);
    CHECK(e.skipped.empty());
  }

  TEST_CASE("zero days: due is day 0") {
    const auto cal = real_calendar();
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 0, period_unit::working_days,
                                        from_date("2024-02-10")));
    CHECK(format_iso_date(e.deemed_received) == "2024-02-12");
    CHECK(format_iso_date(e.due) == "2024-02-12");
    CHECK(e.skipped.empty());
  }

  TEST_CASE("invalid inputs are field errors, not exceptions") {
    const auto cal = real_calendar();
    struct row {
      const char* what;
      int days;
      int extension;
      bool give_from;
      bool give_received;
      int offset;
      const char* field;
    };
    const row rows[] = {
        {"negative days", -1, 0, true, false, wib, "days"},
        {"more than 1000 days", 1001, 0, true, false, wib, "days"},
        {"negative extension", 3, -2, true, false, wib, "extension_days"},
        {"no start", 3, 0, false, false, wib, "from"},
        {"from and received_at disagree", 3, 0, true, true, wib, "from"},
        {"absurd offset", 3, 0, true, false, 15 * 60, "utc_offset"},
    };
    for (const auto& r : rows) {
      const std::string what_text{r.what};
      CAPTURE(what_text);
      deadline_query q;
      if (r.give_from) {
        q.from = d("2024-02-07");
      }
      if (r.give_received) {
        q.received_at = at("2024-02-08T10:00:00+07:00");
      }
      q.extension_days = r.extension;
      const auto result = compute_deadline(cal, wib_hours, r.offset, counting_rules{}, r.days,
                                           period_unit::working_days, q);
      REQUIRE(std::holds_alternative<field_errors>(result));
      const auto& errors = std::get<field_errors>(result);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].field == r.field);
    }
  }

  TEST_CASE("1000 days is accepted, from and received_at on the same local date are accepted") {
    const auto cal = real_calendar();
    CHECK(std::holds_alternative<deadline_explanation>(compute_deadline(
        cal, wib_hours, wib, counting_rules{}, 1000, period_unit::working_days, from_date("2024-02-07"))));
    deadline_query q = from_date("2024-02-07");
    q.received_at = at("2024-02-07T23:30:00+07:00");
    const auto e = ok(compute_deadline(cal, wib_hours, wib, counting_rules{}, 3, period_unit::working_days, q));
    CHECK(e.deemed_why == deemed_reason::after_office_hours);
  }

  TEST_CASE("unknown or valueless periods are field errors on 'period'") {
    const auto cal = real_calendar();
    for (const char* key : {"no_such_period", "broken"}) {
      const std::string key_text{key};
      CAPTURE(key_text);
      const auto result = compute_deadline(cal, wib_hours, wib, perki_rules(), key, from_date("2024-02-07"));
      REQUIRE(std::holds_alternative<field_errors>(result));
      CHECK(std::get<field_errors>(result).at(0).field == "period");
    }
  }
}

// The deadline sweep's decisions (domain/notices/deadline_sweep.hpp) on real dates and the real 2024
// calendar: 14 Feb 2024 (the election day) is a national holiday.
#include "domain/notices/deadline_sweep.hpp"

#include "support/holidays_fixture.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::domain::notices;
using perkara::test::d;

namespace {

domain::instant at(const char* text) { return domain::parse_rfc3339(text)->utc; }

const sweep_office wib{7 * 60, {}};
const sweep_office wita{8 * 60, {}};
const sweep_office wit{9 * 60, {}};

}  // namespace

TEST_SUITE("notices_sweep") {
  TEST_CASE("a deadline is missed when its day has ended in its organisation's time zone") {
    struct row {
      const char* now;
      sweep_office office;
      bool ended;
    };
    // Due Friday 16 Feb 2024.
    const row rows[] = {
        {"2024-02-16T23:59:59+07:00", wib, false},  {"2024-02-17T00:00:00+07:00", wib, true},
        {"2024-02-16T23:30:00+07:00", wita, true},   // 00:30 WITA on Saturday
        {"2024-02-16T22:30:00+07:00", wita, false},  // 23:30 WITA on Friday
        {"2024-02-16T22:00:00+07:00", wit, true},    // 00:00 WIT on Saturday
        {"2024-02-16T21:59:59+07:00", wit, false},
    };
    for (const auto& r : rows) {
      CAPTURE(r.now);
      CAPTURE(r.office.utc_offset_minutes);
      CHECK(day_ended(d("2024-02-16"), at(r.now), r.office) == r.ended);
    }
  }

  TEST_CASE("reminders come N working days before the due date, in the office's morning") {
    const auto cal = test::real_calendar();
    struct row {
      const char* now;
      int remind_days;
      bool due;
    };
    // Due Friday 16 Feb 2024; Wednesday 14 Feb is the election day.
    const row rows[] = {
        {"2024-02-13T09:00:00+07:00", 1, false},  // 2 working days ahead (15, 16)
        {"2024-02-14T09:00:00+07:00", 1, false},  // the holiday: still 2 working days (15, 16)
        {"2024-02-14T09:00:00+07:00", 2, true},  {"2024-02-13T09:00:00+07:00", 2, true},
        {"2024-02-15T07:59:00+07:00", 1, false},  // before the office opens at 08:00
        {"2024-02-15T08:00:00+07:00", 1, true},  {"2024-02-16T15:00:00+07:00", 1, true},  // the due day itself
        {"2024-02-17T09:00:00+07:00", 1, false},  // missed: a missed reminder, not this one
        {"2024-02-15T09:00:00+07:00", 0, false},  // 0: no reminder for this period
    };
    for (const auto& r : rows) {
      CAPTURE(r.now);
      CAPTURE(r.remind_days);
      CHECK(reminder_due(d("2024-02-16"), r.remind_days, at(r.now), wib, cal) == r.due);
    }
    CHECK_FALSE(missed_reminder_due(d("2024-02-16"), at("2024-02-17T07:59:00+07:00"), wib));
    CHECK(missed_reminder_due(d("2024-02-16"), at("2024-02-17T08:00:00+07:00"), wib));
    CHECK(missed_reminder_due(d("2024-02-16"), at("2024-02-17T07:00:00+07:00"), wita));  // 08:00 WITA
  }

  TEST_CASE("the reminder goes to the party whose move it is") {
    domain::deadline_record clock;
    clock.case_type = "request";
    clock.case_id = "r1";
    clock.key = "ppid_response";
    clock.organisation = "kpu-pangkalpinang";
    clock.ruleset = "perki_1_2019";
    clock.days = 3;
    clock.due = d("2024-02-16");
    case_facts facts;
    facts.case_type = "request";
    facts.case_id = "r1";
    facts.organisation = "kpu-pangkalpinang";
    facts.number = "0001/PPID-KPU-PANGKALPINANG/II/2024";
    facts.applicant_email = "siti@example.id";
    facts.organisation_has_webhooks = true;

    auto to_office = reminders_for(sweep_kind::reminder, clock, facts, std::string("ppid@kpu.example.id"));
    REQUIRE(to_office.size() == 2);
    CHECK(to_office[0].recipient == "ppid@kpu.example.id");
    CHECK(to_office[0].kind == "reminder");
    CHECK(to_office[0].body_text.find("16 Februari 2024") != std::string::npos);
    CHECK(to_office[0].body_text.find("16 February 2024") != std::string::npos);
    CHECK(to_office[1].via == channel::webhook);
    CHECK(to_office[1].payload_json.find(R"("due":"2024-02-16")") != std::string::npos);

    clock.key = "objection_filing";
    auto to_applicant = reminders_for(sweep_kind::missed_reminder, clock, facts, std::nullopt);
    REQUIRE(to_applicant.size() == 1);
    CHECK(to_applicant[0].recipient == "siti@example.id");
    CHECK(to_applicant[0].kind == "missed_reminder");
    facts.applicant_opted_out = true;
    CHECK(reminders_for(sweep_kind::reminder, clock, facts, std::nullopt).empty());
    CHECK(mover_of("court_objection:applicant") == mover::applicant);
    CHECK(mover_of("court_objection:respondent") == mover::organisation);
  }

  TEST_CASE("the digest lists what is due and what is overdue, earliest first") {
    domain::deadline_record late;
    late.case_type = "request";
    late.case_id = "r1";
    late.key = "ppid_response";
    late.due = d("2024-02-16");
    auto soon = late;
    soon.case_id = "r2";
    soon.due = d("2024-02-22");
    // The office's address, two staff members (one of them sharing the office's address) and a webhook.
    const digest_audience audience{true, std::string("ppid@kpu.example.id"),
                                   {"ppid@kpu.example.id", "atasan@kpu.example.id"}};
    const auto n =
        digest_for("KPU Kota Pangkalpinang", d("2024-02-21"), {{soon, "0002/X"}, {late, "0001/X"}}, audience,
                   "kpu-pangkalpinang");
    REQUIRE(n.size() == 3);
    CHECK(n[0].body_text.find("Terlambat 0001/X") < n[0].body_text.find("Jatuh tempo 0002/X"));
    CHECK(n[0].recipient == "ppid@kpu.example.id");
    CHECK(n[0].audience == "organisation");
    CHECK(n[1].recipient == "atasan@kpu.example.id");
    CHECK(n[1].audience == "staff");
    CHECK(n[1].body_text == n[0].body_text);
    CHECK(n[2].via == channel::webhook);
    CHECK(n[2].payload_json.find(R"("due":[{"case_type":"request","case_id":"r2")") != std::string::npos);
    CHECK(n[2].payload_json.find(R"("overdue":[{"case_type":"request","case_id":"r1")") != std::string::npos);
    CHECK(digest_for("KPU", d("2024-02-21"), {}, audience, "kpu").empty());
  }
}

#include "domain/disputes/intake.hpp"

#include "domain/disputes/completeness.hpp"
#include "domain/disputes/timeliness.hpp"
#include "dispute_fixture.hpp"

#include <algorithm>
#include <functional>

using namespace dispute_fixture;

namespace {

bool has_field(const field_errors& errors, std::string_view field) {
  return std::any_of(errors.begin(), errors.end(), [&](const field_error& e) { return e.field == field; });
}

}  // namespace

TEST_SUITE("dispute_intake") {
  TEST_CASE("validate_new_dispute: each rule names its JSON path") {
    struct row {
      const char* name;
      std::function<void(new_dispute&)> spoil;
      const char* field;
    };
    const std::vector<row> rows = {
        {"both request_id and chronology", [](new_dispute& in) { in.request_id = "r1"; }, "chronology"},
        {"neither", [](new_dispute& in) { in.chronology.reset(); }, "request_id"},
        {"blank request_id",
         [](new_dispute& in) {
           in.chronology.reset();
           in.request_id = " ";
         },
         "request_id"},
        {"ppid answer before request", [](new_dispute& in) { in.chronology->ppid_response_date = day("2024-01-31"); },
         "chronology.ppid_response_date"},
        {"objection before ppid answer", [](new_dispute& in) { in.chronology->objection_date = day("2024-02-05"); },
         "chronology.objection_date"},
        {"atasan answer without objection", [](new_dispute& in) { in.chronology->objection_date.reset(); },
         "chronology.objection_date"},
        {"atasan answer after submission",
         [](new_dispute& in) { in.chronology->objection_response_date = day("2024-02-21"); },
         "chronology.objection_response_date"},
        {"request in the future",
         [](new_dispute& in) {
           in.chronology = chronology{day("2024-04-11"), std::nullopt, std::nullopt, std::nullopt};
           in.submitted_at = now_default;
         },
         "chronology.request_date"},
        {"no applicant name", [](new_dispute& in) { in.applicant.name = "  "; }, "applicant.name"},
        {"no contact", [](new_dispute& in) { in.applicant.address = in.applicant.email = in.applicant.phone = ""; },
         "applicant.address"},
        {"bad e-mail", [](new_dispute& in) { in.applicant.email = "budi.example.org"; }, "applicant.email"},
        {"representative without name", [](new_dispute& in) { in.representative = representative{}; },
         "representative.name"},
        {"no respondent", [](new_dispute& in) { in.respondent = ""; }, "respondent"},
        {"no information", [](new_dispute& in) { in.information_requested = ""; }, "information_requested"},
        {"no grounds", [](new_dispute& in) { in.grounds.clear(); }, "grounds"},
        {"duplicate ground",
         [](new_dispute& in) {
           in.grounds = {dispute_ground::c, dispute_ground::c};
         },
         "grounds[1]"},
        {"no petitum", [](new_dispute& in) { in.petitum.clear(); }, "petitum"},
        {"blank petitum item", [](new_dispute& in) { in.petitum.push_back(""); }, "petitum[2]"},
        {"submitted in the future", [](new_dispute& in) { in.submitted_at = at("2024-04-10T12:05:01+07:00"); },
         "submitted_at"},
        {"blank ki", [](new_dispute& in) { in.ki = ""; }, "ki"},
        {"duplicate attachment", [](new_dispute& in) { in.attachments.push_back(attachment::request_letter); },
         "attachments[0]"},
    };
    CHECK(validate_new_dispute(valid_input(), now_default).empty());
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      auto in = valid_input();
      r.spoil(in);
      const auto errors = validate_new_dispute(in, now_default);
      std::string all;
      for (const auto& e : errors) all += e.field + " ";
      CAPTURE(all);
      CHECK(has_field(errors, r.field));
    }
    SUBCASE("a tracked request alone is fine") {
      auto in = valid_input();
      in.chronology.reset();
      in.request_id = "req-42";
      CHECK(validate_new_dispute(in, now_default).empty());
    }
  }

  TEST_CASE("open_dispute: submitted, version 1, competent KI and jurisdiction flag") {
    const auto d = open_case();
    CHECK(d.state == dispute_state::submitted);
    CHECK(d.version == 1);
    CHECK(d.ki == "ki-pusat");
    CHECK_FALSE(d.jurisdiction_flag);
    CHECK_FALSE(d.register_number.has_value());
    CHECK(d.filing.filing_timely == true);

    auto in = valid_input();
    in.ki = "ki-dki";
    const auto elsewhere = open_case(in);
    CHECK(elsewhere.ki == "ki-dki");
    CHECK(elsewhere.competent_ki == "ki-pusat");
    CHECK(elsewhere.jurisdiction_flag);

    // Tracked request: the caller supplies its chronology for the assessment.
    auto tracked = valid_input();
    tracked.chronology.reset();
    tracked.request_id = "req-42";
    opening_context ctx{"d2", "ki-pusat", chronology{day("2024-02-01"), std::nullopt, day("2024-02-02"), std::nullopt},
                        test_due_of, 420};
    const auto t = open_dispute(tracked, ctx);
    CHECK(t.filing.filing_timely.has_value());
    ctx.tracked_chronology.reset();
    CHECK_FALSE(open_dispute(tracked, ctx).filing.filing_timely.has_value());
  }

  TEST_CASE("completeness checklist (docs/legal-sources.md §6.3)") {
    using at_ = attachment;
    struct row {
      const char* name;
      std::function<void(dispute&)> shape;
      std::vector<attachment> required;
    };
    const std::vector<row> rows = {
        {"individual, full chronology", [](dispute&) {},
         {at_::request_letter, at_::request_receipt, at_::ppid_response, at_::objection_letter, at_::objection_receipt,
          at_::atasan_response, at_::identity_document}},
        {"no PPID answer, no atasan answer",
         [](dispute& d) { d.chronology = chronology{day("2024-02-01"), std::nullopt, day("2024-02-07"), std::nullopt}; },
         {at_::request_letter, at_::request_receipt, at_::objection_letter, at_::objection_receipt, at_::identity_document}},
        {"legal entity",
         [](dispute& d) {
           d.applicant.kind = applicant_kind::legal_entity;
           d.chronology = chronology{day("2024-02-01"), std::nullopt, day("2024-02-07"), std::nullopt};
         },
         {at_::request_letter, at_::request_receipt, at_::objection_letter, at_::objection_receipt, at_::articles_of_association}},
        {"represented individual, tracked request",
         [](dispute& d) {
           d.chronology.reset();
           d.request_id = "req-1";
           d.representative = representative{"Kuasa Hukum", "", "", "", ""};
         },
         {at_::identity_document, at_::power_of_attorney, at_::grantor_identity}},
        {"group, tracked request",
         [](dispute& d) {
           d.chronology.reset();
           d.request_id = "req-1";
           d.applicant.kind = applicant_kind::group;
         },
         {at_::identity_document, at_::power_of_attorney, at_::grantor_identity}},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      auto d = open_case();
      r.shape(d);
      CHECK(required_attachments(d) == r.required);
      d.completeness.present.clear();
      CHECK(check_completeness(d).missing == r.required);
      d.completeness.present = r.required;
      CHECK(check_completeness(d).complete());
      d.completeness.present.erase(d.completeness.present.begin());
      CHECK(check_completeness(d).missing == std::vector{r.required.front()});
    }
  }

  TEST_CASE("filing timeliness: timely, late, premature, unknown") {
    struct row {
      const char* name;
      chronology dates;
      const char* filed;
      std::optional<bool> timely;
      const char* due;  // "" when none
      const char* reason_fragment;
    };
    // atasan_response 3 HK, dispute_filing 14 HK, Mon-Fri (fixture calendar).
    const row rows[] = {
        // Atasan answered Mon 2024-02-12 (day 0): due 14 HK later = Fri 2024-03-01.
        {"answered, filed in time", {day("2024-02-01"), day("2024-02-06"), day("2024-02-07"), day("2024-02-12")}, "2024-03-01",
         true, "2024-03-01", "in time"},
        {"answered, filed late", {day("2024-02-01"), day("2024-02-06"), day("2024-02-07"), day("2024-02-12")}, "2024-03-04",
         false, "2024-03-01", "late"},
        // Objection Wed 2024-02-07 unanswered: atasan due Mon 2024-02-12; start Tue 02-13; due 14 HK = Mon 2024-03-04.
        {"unanswered, filed in time", {day("2024-02-01"), std::nullopt, day("2024-02-07"), std::nullopt}, "2024-03-04", true,
         "2024-03-04", "not answered"},
        {"unanswered, filed late", {day("2024-02-01"), std::nullopt, day("2024-02-07"), std::nullopt}, "2024-03-05", false,
         "2024-03-04", "late"},
        {"unanswered, premature", {day("2024-02-01"), std::nullopt, day("2024-02-07"), std::nullopt}, "2024-02-12", false,
         "2024-03-04", "premature"},
        {"no objection: unknown", {day("2024-02-01"), day("2024-02-06"), std::nullopt, std::nullopt}, "2024-02-20",
         std::nullopt, "", "cannot be assessed"},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      const auto a = assess_filing(r.dates, day(r.filed), test_due_of);
      CHECK(a.filing_timely == r.timely);
      if (*r.due != '\0') {
        CHECK(a.due == day(r.due));
        CHECK(a.reasoning_en.find(r.due) != std::string::npos);
        CHECK(a.reasoning_id.find(r.due) != std::string::npos);
      } else {
        CHECK_FALSE(a.due.has_value());
      }
      CHECK(a.reasoning_en.find(r.reason_fragment) != std::string::npos);
      CHECK_FALSE(a.reasoning_id.empty());
    }
    const auto a = assess_filing(rows[0].dates, day("2024-03-01"), test_due_of);
    CHECK(a.reasoning_en.find("Pasal 37(2)") != std::string::npos);
    CHECK(a.reasoning_id.find("tepat waktu") != std::string::npos);
  }
}

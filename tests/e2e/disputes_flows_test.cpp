// The dispute workflow end to end through the API, on the backend the environment selects: every path
// from submission to closure (docs/dispute-workflow.md).
#include "e2e/disputes_fixture.hpp"

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;

namespace {

bool has_action(const boost::json::value& v, std::string_view action) {
  for (const auto& a : v.at("allowed_actions").as_array()) {
    if (a.as_string() == action) {
      return true;
    }
  }
  return false;
}

const boost::json::object* deadline(const boost::json::value& v, std::string_view key) {
  for (const auto& d : v.at("deadlines").as_array()) {
    if (d.at("key").as_string() == key) {
      return &d.as_object();
    }
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("e2e disputes flows") {
  TEST_CASE("submission: state submitted, no number, timeliness with reasoning, checklist, competent KI") {
    fixture f;
    const auto r = f.s.post("/api/v1/disputes", application(), f.registrar);
    REQUIRE(r.status == 201);
    CHECK(r.header("ETag") == "\"1\"");
    const auto v = json_of(r);
    CHECK(v.at("state").as_string() == "submitted");
    CHECK(v.at("register_number").is_null());
    CHECK(v.at("ki").as_string() == "ki-babel");
    CHECK(v.at("jurisdiction_flag").as_bool() == false);
    CHECK(v.at("filing_timely").as_bool() == true);
    CHECK_FALSE(v.at("filing_reasoning_id").as_string().empty());
    CHECK(v.at("completeness").at("complete").as_bool() == true);
    CHECK(has_action(v, "register"));
    CHECK(v.at("version").as_int64() == 1);

    // The same case as GET shows it.
    const auto id = text_of(v, "id");
    CHECK(f.get(id, f.registrar).at("state") == v.at("state"));

    // Late: the atasan answered on 2 January, 14 HK ran out in January.
    const auto late = json_of(f.s.post(
        "/api/v1/disputes",
        R"({"chronology":{"request_date":"2023-12-01","objection_date":"2023-12-12","objection_response_date":"2024-01-02"},)"
        R"("applicant":{"name":"Sri Wahyuni","email":"sri@example.id"},"respondent":"kpu-pangkalpinang",)"
        R"("information_requested":"DPT","grounds":["c"],"petitum":["Memberikan DPT"]})",
        f.registrar));
    CHECK(late.at("filing_timely").as_bool() == false);
    CHECK(late.at("completeness").at("complete").as_bool() == false);

    // Filed at a KI that is not the competent one: allowed, flagged.
    const auto pusat = f.s.token_for("panitera.pusat", domain::role::registrar, "ki-pusat");
    const auto flagged = f.s.post("/api/v1/disputes", application(R"(,"ki":"ki-pusat")"), pusat);
    REQUIRE(flagged.status == 201);
    CHECK(json_of(flagged).at("jurisdiction_flag").as_bool() == true);
    CHECK(json_of(flagged).at("competent_ki").as_string() == "ki-babel");
  }

  TEST_CASE("mediation agreement: final at once, compliance closes it") {
    fixture f;
    const auto id = f.examined_case();
    auto v = f.act(id, "start_mediation", R"({"mediator":"komisioner"})", f.commissioner);
    CHECK(v.at("state").as_string() == "mediation");
    v = f.act(id, "schedule_hearing",
              R"({"kind":"mediation","scheduled_at":"2024-02-12T09:00:00+07:00","location":"Ruang Mediasi KI Babel"})",
              f.commissioner);
    CHECK(v.at("hearings").as_array().size() == 1);
    CHECK(v.at("warnings").as_array().empty());
    v = f.act(id, "decide",
              R"({"outcome":"mediation_agreement","orders":[{"text":"Termohon memberikan salinan C1","due_days":10}]})",
              f.commissioner);
    CHECK(v.at("state").as_string() == "final");
    CHECK(v.at("outcome").as_string() == "mediation_agreement");
    CHECK(v.at("decision").at("decision_number").as_string() == "001/KI-BABEL-PSIP-M/II/2024");
    REQUIRE(deadline(v, "compliance:1"));
    CHECK(deadline(v, "compliance:1")->at("status").as_string() == "pending");
    const auto* ki = deadline(v, "ki_completion");
    REQUIRE(ki);
    CHECK(ki->at("status").as_string() == "met");
    v = f.act(id, "record_compliance", R"({"complied":true,"evidence":"Tanda terima salinan C1"})", f.registrar);
    CHECK(v.at("state").as_string() == "closed");
    CHECK(v.at("allowed_actions").as_array().empty());
  }

  TEST_CASE("failed mediation, then adjudication granted and final after both windows") {
    fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_mediation", R"({"mediator":"komisioner"})", f.commissioner);
    auto v = f.act(id, "mediation_failed", R"({"reason":"Para pihak tidak sepakat"})", f.commissioner);
    CHECK(v.at("state").as_string() == "adjudication");
    v = f.act(id, "decide", R"({"outcome":"granted","orders":[{"text":"Memberikan salinan C1","due_days":5}]})",
              f.commissioner);
    CHECK(v.at("state").as_string() == "decided");
    CHECK(v.at("decision").at("decision_number").as_string() == "001/KI-BABEL-PSIP-M-A/II/2024");
    REQUIRE(deadline(v, "decision_copy"));
    f.act(id, "serve_copy", R"({"party":"applicant"})", f.registrar);
    v = f.act(id, "serve_copy", R"({"party":"respondent"})", f.registrar);
    CHECK(deadline(v, "decision_copy")->at("status").as_string() == "met");
    REQUIRE(deadline(v, "court_objection:respondent"));
    CHECK_FALSE(has_action(v, "mark_final"));
    const auto early = f.act_raw(id, "mark_final", "{}", f.registrar);
    CHECK(early.status == 409);
    f.advance_days(40);
    v = f.act(id, "mark_final", "{}", f.registrar);
    CHECK(v.at("state").as_string() == "final");
    CHECK_FALSE(v.at("final_on").is_null());
    CHECK(deadline(v, "compliance:1"));
  }

  TEST_CASE("partly granted with a court objection by the respondent, then the court's decision") {
    fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_adjudication", "{}", f.commissioner);
    auto v = f.act(id, "decide",
                   R"({"outcome":"partly_granted","decision_number":"005/KI-BABEL-PSIP-A/II/2024",)"
                   R"("orders":["Memberikan sebagian salinan C1"]})",
                   f.commissioner);
    CHECK(v.at("decision").at("decision_number").as_string() == "005/KI-BABEL-PSIP-A/II/2024");
    f.act(id, "serve_copy", R"({"party":"applicant"})", f.registrar);
    f.act(id, "serve_copy", R"({"party":"respondent"})", f.registrar);
    f.advance_days(3);
    v = f.act(id, "record_court_objection",
              R"({"party":"respondent","filed_at":"2024-02-09T10:00:00+07:00","court":"PTUN Pangkalpinang","case_number":"12/G/KI/2024/PTUN.PGP"})",
              f.registrar);
    CHECK(v.at("state").as_string() == "court_objection");
    CHECK(v.at("court_objection").at("party").as_string() == "respondent");
    v = f.act(id, "record_court_decision", R"({"decided_at":"2024-02-10T10:00:00+07:00","result":"Menguatkan putusan KI"})",
              f.registrar);
    CHECK(v.at("state").as_string() == "final");
  }

  TEST_CASE("rejected: final only after the objection windows pass, then closed") {
    fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_adjudication", "{}", f.commissioner);
    f.act(id, "decide", R"({"outcome":"rejected"})", f.commissioner);
    f.act(id, "serve_copy", R"({"party":"applicant"})", f.registrar);
    f.act(id, "serve_copy", R"({"party":"respondent"})", f.registrar);
    const auto early = f.act_raw(id, "mark_final", "{}", f.registrar);
    REQUIRE(early.status == 409);
    f.advance_days(40);
    auto v = f.act(id, "mark_final", "{}", f.registrar);
    CHECK(v.at("state").as_string() == "final");
    CHECK(v.at("outcome").as_string() == "rejected");
    v = f.act(id, "record_compliance", R"({"complied":false,"evidence":""})", f.registrar);
    CHECK(v.at("state").as_string() == "closed");
  }

  TEST_CASE("inadmissible at the preliminary examination") {
    fixture f;
    const auto id = f.examined_case();
    const auto v = f.act(id, "decide", R"({"outcome":"inadmissible"})", f.commissioner);
    CHECK(v.at("state").as_string() == "decided");
    CHECK(v.at("outcome").as_string() == "inadmissible");
    // A preliminary-examination decision cannot grant.
    const auto id2 = f.examined_case();
    const auto r = f.act_raw(id2, "decide", R"({"outcome":"granted","orders":["x"]})", f.commissioner);
    CHECK(r.status == 422);
  }

  TEST_CASE("withdrawal and lapse close the case and its clocks") {
    fixture f;
    const auto a = f.submit();
    f.act(a, "register", "{}", f.registrar);
    auto v = f.act(a, "withdraw", R"({"reason":"Informasi sudah diterima"})", f.registrar);
    CHECK(v.at("state").as_string() == "closed");
    CHECK(v.at("outcome").as_string() == "withdrawn");
    for (const auto& d : v.at("deadlines").as_array()) {
      CHECK(d.at("met_on").is_string() != d.at("stopped_on").is_string());
    }
    const auto b = f.examined_case();
    v = f.act(b, "lapse", R"({"reason":"Pemohon tidak hadir dua kali"})", f.commissioner);
    CHECK(v.at("outcome").as_string() == "lapsed");
  }

  TEST_CASE("an incomplete application is completed and then registered") {
    fixture f;
    const auto id = f.submit(
        R"({"chronology":{"request_date":"2024-01-10","objection_date":"2024-01-22","objection_response_date":"2024-01-31"},)"
        R"("applicant":{"name":"Rahmat Hidayat","phone":"081100000001"},"respondent":"bawaslu-babel",)"
        R"("information_requested":"Hasil pengawasan","grounds":["c"],"petitum":["Memberikan laporan"],)"
        R"("attachments":["request_letter","request_receipt","objection_letter","objection_receipt","atasan_response"]})");
    auto r = f.act_raw(id, "register", "{}", f.registrar);
    CHECK(r.status == 422);
    auto v = f.act(id, "request_completion", R"({"missing":["identity_document"]})", f.registrar);
    CHECK(v.at("state").as_string() == "incomplete");
    v = f.act(id, "complete", R"({"attachments":["identity_document"]})", f.registrar);
    CHECK(v.at("state").as_string() == "submitted");
    v = f.act(id, "register", "{}", f.registrar);
    CHECK(v.at("state").as_string() == "registered");
    CHECK(v.at("register_number").as_string() == "001/KI-BABEL-PSIP/II/2024");
    const auto* clock = deadline(v, "ki_completion");
    REQUIRE(clock);
    CHECK(clock->at("explanation").at("ruleset").as_string() == "perki_1_2019");
    const auto events = json_of(f.s.get("/api/v1/disputes/" + id + "/events", f.registrar));
    const auto& items = events.at("items").as_array();
    REQUIRE(items.size() == 4);
    CHECK(items[0].at("action").as_string() == "submit");
    CHECK(items[3].at("action").as_string() == "register");
    CHECK(items[3].at("version").as_int64() == 4);
  }

  TEST_CASE("a hearing after the KI completion date is accepted with a warning; overdue is flagged") {
    fixture f;
    const auto id = f.submit();
    f.act(id, "register", "{}", f.registrar);
    const auto v = f.act(id, "schedule_hearing",
                         R"({"kind":"preliminary_examination","scheduled_at":"2024-05-06T09:00:00+07:00","online_link":"https://meet.example/x"})",
                         f.registrar);
    CHECK(v.at("warnings").as_array().size() == 1);
    CHECK(v.at("hearings").at(0).at("warning_after_deadline").as_bool());
    f.advance_days(60);
    const auto later = f.get(id, f.registrar);
    CHECK(later.at("overdue").as_bool());
    CHECK(later.at("state").as_string() == "registered");  // never auto-closed
    const auto list = json_of(f.s.get("/api/v1/disputes?overdue=true", f.registrar));
    CHECK(list.at("items").as_array().size() == 1);
  }
}

TEST_SUITE("disputes: deadline board order") {
  TEST_CASE("sort=due lists the cases with an open clock, earliest due first, page by page") {
    fixture f;
    // Submitted in one order, registered on three different days in another: their KI completion
    // clocks fall due in the order of registration.
    const auto late = f.submit();
    const auto early = f.submit();
    const auto middle = f.submit();
    const auto unregistered = f.submit();
    // Wed 7 Feb 2024, Tue 13 Feb, Mon 19 Feb (8 Feb Isra Mi'raj, 9 Feb cuti Imlek and 14 Feb election
    // day would each start counting on the same next working day).
    f.act(early, "register", "{}", f.registrar);
    f.advance_days(6);
    f.act(middle, "register", "{}", f.registrar);
    f.advance_days(6);
    f.act(late, "register", "{}", f.registrar);
    const auto due_of = [&](const std::string& id) { return f.get(id, f.registrar).at("next_due"); };
    REQUIRE(due_of(early).as_string() < due_of(middle).as_string());
    REQUIRE(due_of(middle).as_string() < due_of(late).as_string());

    const auto first = json_of(f.s.get("/api/v1/disputes?sort=due&limit=2", f.registrar));
    const auto& page1 = first.at("items").as_array();
    REQUIRE(page1.size() == 2);
    CHECK(page1[0].at("id").as_string() == early);
    CHECK(page1[1].at("id").as_string() == middle);
    REQUIRE(first.at("next_cursor").is_string());
    const auto second = json_of(f.s.get(
        "/api/v1/disputes?sort=due&limit=2&cursor=" + std::string(first.at("next_cursor").as_string()), f.registrar));
    const auto& page2 = second.at("items").as_array();
    // The unregistered case has no KI completion clock; it appears only if it has another open clock.
    const bool unregistered_has_clock = !f.get(unregistered, f.registrar).at("next_due").is_null();
    REQUIRE(page2.size() == (unregistered_has_clock ? 2U : 1U));
    const std::string third(page2[0].at("id").as_string());
    CHECK((third == late || third == unregistered));

    // The default order lists every case, with or without an open clock.
    const auto all = json_of(f.s.get("/api/v1/disputes", f.registrar));
    CHECK(all.at("items").as_array().size() == 4);
  }

  TEST_CASE("an unknown sort is a 422 naming the field; a cursor of the other order is a 400") {
    fixture f;
    f.submit();
    f.submit();
    auto r = f.s.get("/api/v1/disputes?sort=oldest", f.registrar);
    CHECK(r.status == 422);
    CHECK(r.body.find("\"sort\"") != std::string::npos);
    const auto page = json_of(f.s.get("/api/v1/disputes?limit=1", f.registrar));
    REQUIRE(page.at("next_cursor").is_string());
    r = f.s.get("/api/v1/disputes?sort=due&cursor=" + std::string(page.at("next_cursor").as_string()), f.registrar);
    CHECK(r.status == 400);
  }
}

// The dispute workflow end to end through the API, on the backend the environment selects: every path
// from submission to closure (docs/dispute-workflow.md).
#include "e2e/disputes_fixture.hpp"

#include <algorithm>
#include <string>
#include <vector>

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

  TEST_CASE("court stage: receipts per party, both parties object, the PTUN decides, cassation, final") {
    // docs/deadlines.md "Receipt facts" and "Court stage". The server's day is Wed 7 Feb 2024 (WIB).
    fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_adjudication", "{}", f.commissioner);
    auto v = f.act(id, "decide",
                   R"({"outcome":"partly_granted","decision_number":"005/KI-BABEL-PSIP-A/II/2024",)"
                   R"("orders":[{"text":"Memberikan sebagian salinan C1","due_days":5}]})",
                   f.commissioner);
    CHECK(v.at("decision").at("decision_number").as_string() == "005/KI-BABEL-PSIP-A/II/2024");
    f.advance_days(6);  // Tue 13 Feb
    // The applicant's copy went by post on 7 Feb and arrived on Mon 12 Feb; the respondent's was handed over.
    f.act(id, "serve_copy",
          R"({"party":"applicant","served_at":"2024-02-07T11:00:00+07:00","delivered_at":"2024-02-12T09:00:00+07:00"})",
          f.registrar);
    v = f.act(id, "serve_copy", R"({"party":"respondent","served_at":"2024-02-07T11:30:00+07:00"})", f.registrar);
    REQUIRE(v.at("services").as_array().size() == 2);
    CHECK(v.at("services").at(0).at("delivered_at").as_string() == "2024-02-12T09:00:00+07:00");
    CHECK(v.at("services").at(1).at("delivered_at").is_null());
    const auto* applicant_window = deadline(v, "court_objection:applicant");
    const auto* respondent_window = deadline(v, "court_objection:respondent");
    REQUIRE(applicant_window);
    REQUIRE(respondent_window);
    CHECK(applicant_window->at("explanation").at("receipt_date").as_string() == "2024-02-12");
    CHECK(applicant_window->at("explanation").at("start_basis").as_string() == "receipt");
    CHECK(respondent_window->at("explanation").at("receipt_date").as_string() == "2024-02-07");
    CHECK(respondent_window->at("explanation").at("start_basis").as_string() == "presumed_receipt");
    const std::string applicant_due(applicant_window->at("due").as_string());
    CHECK(std::string(respondent_window->at("due").as_string()) < applicant_due);
    CHECK(deadline(v, "ki_completion") != nullptr);
    CHECK(deadline(v, "decision_copy") != nullptr);

    // The respondent's receipt, recorded afterwards: its window restarts from it (the old one stopped);
    // a receipt before the service is a 422 naming delivered_at and changes nothing.
    const auto bad = f.act_raw(id, "record_delivery", R"({"party":"respondent","delivered_at":"2024-02-06T09:00:00+07:00"})",
                               f.registrar);
    CHECK(bad.status == 422);
    CHECK(bad.body.find("delivered_at") != std::string::npos);
    v = f.act(id, "record_delivery", R"({"party":"respondent","delivered_at":"2024-02-12T14:00:00+07:00"})", f.registrar);
    CHECK(v.at("services").at(1).at("delivered_at").as_string() == "2024-02-12T14:00:00+07:00");
    int respondent_windows = 0;
    for (const auto& d : v.at("deadlines").as_array()) {
      if (d.at("key").as_string() != "court_objection:respondent") continue;
      ++respondent_windows;
      if (d.at("status").as_string() == "stopped") {
        CHECK(d.at("explanation").at("start_basis").as_string() == "presumed_receipt");
      } else {
        CHECK(d.at("due").as_string() == applicant_due);  // the same day 0 as the applicant's
        CHECK(d.at("explanation").at("start_basis").as_string() == "receipt");
      }
    }
    CHECK(respondent_windows == 2);

    // Both parties object, each within its own window; each once.
    v = f.act(id, "record_court_objection",
              R"({"party":"respondent","filed_at":"2024-02-13T09:00:00+07:00","court":"PTUN Pangkalpinang","case_number":"12/G/KI/2024/PTUN.PGP"})",
              f.registrar);
    CHECK(v.at("state").as_string() == "court_objection");
    CHECK(has_action(v, "record_court_objection"));
    bool applicant_may_object = false;
    for (const auto& a : v.at("awaiting").as_array()) {
      applicant_may_object |= a.at("who").as_string() == "applicant" && a.at("what").as_string() == "court_objection_window";
    }
    CHECK(applicant_may_object);
    v = f.act(id, "record_court_objection",
              R"({"party":"applicant","filed_at":"2024-02-13T10:00:00+07:00","court":"PTUN Pangkalpinang","case_number":"13/G/KI/2024/PTUN.PGP"})",
              f.registrar);
    REQUIRE(v.at("court_objections").as_array().size() == 2);
    CHECK(v.at("court_objections").at(1).at("instance").as_string() == "first_instance");
    CHECK(v.at("court_objection").at("party").as_string() == "respondent");  // api v1: the first one
    CHECK(f.act_raw(id, "record_court_objection",
                    R"({"party":"applicant","filed_at":"2024-02-13T10:00:00+07:00","court":"PTUN","case_number":"1"})",
                    f.registrar)
              .status == 409);

    // The PTUN decides on Thu 22 Feb: not final. Its decision reached the applicant by post on Fri 23 Feb
    // (recorded with the decision): the applicant's cassation window ends on Fri 8 Mar (14 days from its
    // receipt); the respondent's, presumed received when pronounced, on Thu 7 Mar.
    f.advance_days(10);  // Fri 23 Feb
    const auto receipt_too_early = f.act_raw(
        id, "record_court_decision",
        R"({"decided_at":"2024-02-22T10:00:00+07:00","result":"Menguatkan putusan KI","court":"PTUN Pangkalpinang",)"
        R"("deliveries":[{"party":"applicant","delivered_at":"2024-02-21T08:00:00+07:00"}]})",
        f.registrar);
    CHECK(receipt_too_early.status == 422);
    CHECK(receipt_too_early.body.find("deliveries[0].delivered_at") != std::string::npos);
    v = f.act(id, "record_court_decision",
              R"({"decided_at":"2024-02-22T10:00:00+07:00","result":"Menguatkan putusan KI","court":"PTUN Pangkalpinang",)"
              R"("deliveries":[{"party":"applicant","delivered_at":"2024-02-23T08:00:00+07:00"}]})",
              f.registrar);
    CHECK(v.at("state").as_string() == "court_objection");
    CHECK(v.at("final_on").is_null());
    CHECK(v.at("court_decision").at("result").as_string() == "Menguatkan putusan KI");
    CHECK(v.at("court_decisions").at(0).at("instance").as_string() == "first_instance");
    CHECK(v.at("court_decisions").at(0).at("deliveries").at(0).at("party").as_string() == "applicant");
    REQUIRE(deadline(v, "cassation:applicant"));
    CHECK(deadline(v, "cassation:applicant")->at("due").as_string() == "2024-03-08");
    CHECK(deadline(v, "cassation:applicant")->at("explanation").at("unit").as_string() == "calendar_days");
    CHECK(deadline(v, "cassation:applicant")->at("explanation").at("start_basis").as_string() == "receipt");
    CHECK(deadline(v, "cassation:respondent")->at("due").as_string() == "2024-03-07");
    CHECK(deadline(v, "cassation:respondent")->at("explanation").at("start_basis").as_string() == "presumed_receipt");
    CHECK(f.act_raw(id, "mark_final", "{}", f.registrar).status == 409);

    // The respondent's receipt of the PTUN decision, recorded afterwards: its cassation window restarts
    // from it; a receipt before the pronouncement is a 422 naming delivered_at.
    const auto before_decision = f.act_raw(
        id, "record_delivery",
        R"({"party":"respondent","document":"court_decision","delivered_at":"2024-02-21T09:00:00+07:00"})", f.registrar);
    CHECK(before_decision.status == 422);
    CHECK(before_decision.body.find("delivered_at") != std::string::npos);
    v = f.act(id, "record_delivery",
              R"({"party":"respondent","document":"court_decision","delivered_at":"2024-02-23T08:30:00+07:00"})",
              f.registrar);
    CHECK(v.at("court_decisions").at(0).at("deliveries").as_array().size() == 2);
    int cassation_windows = 0;
    for (const auto& d : v.at("deadlines").as_array()) {
      if (d.at("key").as_string() != "cassation:respondent") continue;
      ++cassation_windows;
      const bool restarted = d.at("status").as_string() != "stopped";
      CHECK(d.at("due").as_string() == (restarted ? "2024-03-08" : "2024-03-07"));
      CHECK(d.at("explanation").at("start_basis").as_string() == (restarted ? "receipt" : "presumed_receipt"));
    }
    CHECK(cassation_windows == 2);  // the presumed one stopped, the one from the receipt running

    // The respondent seeks cassation; the Mahkamah Agung's decision makes the KI decision final that day.
    v = f.act(id, "record_court_objection",
              R"({"party":"respondent","instance":"cassation","filed_at":"2024-02-23T09:00:00+07:00","case_number":"77 K/TUN/KI/2024"})",
              f.registrar);
    CHECK(v.at("court_objections").at(2).at("court").as_string() == "Mahkamah Agung");
    CHECK(v.at("court_objections").at(2).at("instance").as_string() == "cassation");
    v = f.act(id, "record_court_decision",
              R"({"instance":"cassation","decided_at":"2024-02-23T10:00:00+07:00","result":"Menolak permohonan kasasi"})",
              f.registrar);
    CHECK(v.at("state").as_string() == "final");
    CHECK(v.at("final_on").as_string() == "2024-02-23");
    CHECK(v.at("court_decisions").as_array().size() == 2);
    CHECK(deadline(v, "cassation:applicant")->at("status").as_string() == "stopped");
    CHECK(deadline(v, "compliance:1") != nullptr);

    // Every step is in the case's events (the receipt with the value it replaced).
    const auto events = json_of(f.s.get("/api/v1/disputes/" + id + "/events", f.registrar));
    std::vector<std::string> delivered_documents;
    for (const auto& e : events.at("items").as_array()) {
      if (e.at("action").as_string() == "record_delivery") {
        delivered_documents.emplace_back(e.at("payload").at("document").as_string());
        CHECK(e.at("payload").at("previous").is_null());
        CHECK(e.at("payload").at("party").as_string() == "respondent");
      }
    }
    std::sort(delivered_documents.begin(), delivered_documents.end());
    CHECK(delivered_documents == std::vector<std::string>{"court_decision", "decision_copy"});
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

  TEST_CASE("a hearing after the KI completion date is accepted with a warning, overdue is flagged") {
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

  TEST_CASE("an unknown sort is a 422 naming the field, a cursor of the other order is a 400") {
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

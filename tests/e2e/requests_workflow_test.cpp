// The PPID workflow over HTTP (issue 4): full flows, forbidden transitions, validation, access.
// Default clock: Wednesday 2024-02-07 10:15 WIB, inside the Pemilu 2024 stages (perki_1_2019: 3 HK).
#include "api/requests/request_service.hpp"
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <functional>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;

namespace {

domain::instant at(const char* text) { return domain::parse_rfc3339(text)->utc; }

/// A server clock well after the response deadline of a request received 2024-02-07 (sessions last
/// 12 hours, so the clock is set before logging in rather than moved afterwards).
domain::instant late_now() { return at("2024-02-26T10:00:00+07:00"); }

std::string now_text(live_server& s) { return domain::format_rfc3339(s.clock().now(), 420); }

}  // namespace

TEST_SUITE("e2e requests workflow") {
  TEST_CASE("answered in time: create, respond, close, number, rule set, deadlines, awaiting, events") {
    live_server s;
    actors a(s);
    const auto r = s.post("/api/v1/requests", boost::json::serialize(new_request()), a.ppid);
    REQUIRE(r.status == 201);
    CHECK(r.header("ETag") == "\"1\"");
    const auto c = json_of(r);
    const auto id = str(c.at("id"));
    CHECK(str(c.at("number")) == "0001/PPID-KPU-PANGKALPINANG/II/2024");
    CHECK(str(c.at("state")) == "received");
    CHECK(c.at("version").as_int64() == 1);
    CHECK(str(c.at("ruleset").at("name")) == "perki_1_2019");
    CHECK(str(c.at("ruleset").at("reason")) == "election_period");
    CHECK(c.at("ruleset").at("version").as_int64() == 1);
    CHECK(str(c.at("applicant").at("id_number")) == "1971014101900001");
    const auto due = deadline(c, "ppid_response");
    REQUIRE(due.is_object());
    CHECK(str(due.at("status")) == "pending");
    CHECK(due.at("explanation").is_object());
    CHECK(str(c.at("awaiting").at("party")) == "respondent");
    CHECK(str(c.at("awaiting").at("action")) == "respond");
    CHECK(str(c.at("awaiting").at("due")) == str(due.at("due")));
    CHECK(strings(c.at("allowed_actions")) == std::vector<std::string>{"extend", "respond", "close"});

    // GET shows exactly what create answered.
    const auto g = s.get("/api/v1/requests/" + id, a.ppid);
    REQUIRE(g.status == 200);
    CHECK(json_of(g) == c);

    const auto resp = act(s, a.ppid, id, "respond",
                          {{"decision", "granted"}, {"reasons", ""}, {"responded_at", now_text(s)}});
    REQUIRE(resp.status == 200);
    const auto answered = json_of(resp);
    CHECK(str(answered.at("state")) == "answered");
    CHECK(answered.at("version").as_int64() == 2);
    CHECK(resp.header("ETag") == "\"2\"");
    CHECK(str(answered.at("awaiting").at("party")) == "applicant");
    CHECK(str(answered.at("awaiting").at("action")) == "file_objection");
    CHECK(deadline(answered, "objection_filing").is_object());
    // the ppid_response clock is met today
    bool met = false;
    for (const auto& d : answered.at("deadlines").as_array()) {
      met = met || (d.at("key").as_string() == "ppid_response" && str(d.at("met_on")) == "2024-02-07");
    }
    CHECK(met);
    CHECK(strings(answered.at("allowed_actions")) == std::vector<std::string>{"file_objection", "close"});

    const auto closed = act(s, a.ppid, id, "close", {{"reason", "Pemohon puas dengan informasi"}});
    REQUIRE(closed.status == 200);
    CHECK(str(json_of(closed).at("state")) == "closed");
    CHECK(str(json_of(closed).at("awaiting").at("party")) == "none");
    CHECK(json_of(closed).at("allowed_actions").as_array().empty());
    // The objection window, still running when the request closed, is stopped (a documented status).
    bool stopped = false;
    const auto closed_view = json_of(closed);
    for (const auto& d : closed_view.at("deadlines").as_array()) {
      if (d.at("stopped_on").is_string()) {
        CHECK(str(d.at("status")) == "stopped");
        CHECK(d.at("days_remaining").is_null());
        stopped = stopped || str(d.at("key")) == "objection_filing";
      }
    }
    CHECK(stopped);

    const auto ev = s.get("/api/v1/requests/" + id + "/events", a.ppid);
    REQUIRE(ev.status == 200);
    const auto events = json_of(ev);
    const auto& items = events.at("items").as_array();
    REQUIRE(items.size() == 3);
    CHECK(str(items[0].at("action")) == "create");
    CHECK(str(items[1].at("action")) == "respond");
    CHECK(str(items[2].at("action")) == "close");
    CHECK(items[2].at("version").as_int64() == 3);
    // No personal data in the trail.
    CHECK(ev.body.find("1971014101900001") == std::string::npos);
    CHECK(ev.body.find("siti.aminah@example.id") == std::string::npos);
  }

  TEST_CASE("extended once, entered the day after it was signed: the deadline moves, a second extension is 409") {
    live_server s;
    actors a(s);
    const auto c = create(s, a.ppid);
    const auto id = str(c.at("id"));
    const auto before = str(deadline(c, "ppid_response").at("due"));
    CHECK(before == "2024-02-15");  // 3 HK from Wed 7 Feb 2024 (docs/deadlines.md §1)
    // The letter is signed on the last day, Thu 15 Feb 15:00; the officer enters it Fri 16 Feb 08:00.
    s.clock().set(domain::parse_rfc3339("2024-02-16T08:00:00+07:00")->utc);
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");
    const auto undated = act(s, ppid, id, "extend", {{"reason", "Dokumen berada di gudang arsip kecamatan"}});
    REQUIRE(undated.status == 422);  // dated today: after the period
    CHECK(error_field(undated) == "extended_at");
    const auto r =
        act(s, ppid, id, "extend",
            {{"reason", "Dokumen berada di gudang arsip kecamatan"}, {"extended_at", "2024-02-15T15:00:00+07:00"}});
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto e = json_of(r);
    CHECK(str(e.at("state")) == "extended");
    CHECK(e.at("extension_used").as_bool());
    CHECK(str(e.at("extension").at("at")) == "2024-02-15T15:00:00+07:00");
    const auto after = str(deadline(e, "ppid_response").at("due"));
    CHECK(after == "2024-02-19");  // + 2 HK (PERKI 1/2019 Pasal 12)
    CHECK(deadline(e, "objection_filing").is_null());  // the silence window opened on 16 Feb is stopped: there was none
    CHECK(str(e.at("awaiting").at("due")) == after);
    // The act's date and the instant it was entered are both kept.
    const auto events = json_of(s.get("/api/v1/requests/" + id + "/events", ppid));
    const auto& extended = events.at("items").as_array().at(1);
    CHECK(str(extended.at("action")) == "extend");
    CHECK(str(extended.at("at")).starts_with("2024-02-16T"));
    CHECK(str(extended.at("payload").at("extended_at")) == "2024-02-15T15:00:00+07:00");
    const auto again = act(s, ppid, id, "extend", {{"reason", "lagi"}});
    REQUIRE(again.status == 409);
    CHECK(strings(json_of(again).at("allowed_actions")) == std::vector<std::string>{"respond", "close"});
    // Answered within the extended period.
    const auto resp = act(
        s, ppid, id, "respond",
        {{"decision", "partly_granted"}, {"reasons", "Sebagian memuat data pribadi"}, {"responded_at", now_text(s)}});
    CHECK(resp.status == 200);
  }

  // docs/deadlines.md §5 "Receipt facts": UU 14/2008 Pasal 36(1) counts the objection window from the
  // applicant's receipt of the answer; unrecorded, the answer is presumed received when it was given.
  TEST_CASE("an answer received by post three days after it was sent: the objection window runs from receipt") {
    live_server s(domain::parse_rfc3339("2024-05-13T09:00:00+07:00")->utc);
    actors a(s);
    const auto id = str(create(s, a.ppid, new_request("2024-05-13T08:30:00+07:00")).at("id"));
    const auto sent =
        act(s, a.ppid, id, "respond",
            {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", "2024-05-13T08:45:00+07:00"}});
    REQUIRE(sent.status == 200);
    CHECK(json_of(sent).at("response").at("delivered_at").is_null());
    CHECK(str(deadline(json_of(sent), "objection_filing").at("due")) == "2024-06-28");  // 30 HK from Mon 13 May
    // The letter reaches the applicant on Thu 16 May; the officer records it on Fri 17 May.
    s.clock().set(domain::parse_rfc3339("2024-05-17T09:00:00+07:00")->utc);
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");
    const auto path = "/api/v1/requests/" + id + "/deliveries";
    CHECK(error_field(s.post(path, R"({"answer":"response","delivered_at":"2024-05-13T08:00:00+07:00"})", ppid)) ==
          "delivered_at");  // before the answer
    CHECK(s.post(path, R"({"answer":"objection_answer","delivered_at":"2024-05-16T10:00:00+07:00"})", ppid).status ==
          409);  // no atasan answer yet
    CHECK(s.post(path, R"({"answer":"response","delivered_at":"2024-05-16T10:00:00+07:00"})",
                 s.login("ppid.bawaslu", "password-ppid.bawaslu"))
              .status == 404);  // another body's officer
    const auto r = s.post(path, R"({"answer":"response","delivered_at":"2024-05-16T10:00:00+07:00"})", ppid);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto v = json_of(r);
    CHECK(str(v.at("response").at("delivered_at")) == "2024-05-16T10:00:00+07:00");
    CHECK(str(deadline(v, "objection_filing").at("due")) == "2024-07-03");  // 30 HK from Thu 16 May
    CHECK(str(deadline(v, "objection_filing").at("explanation").at("receipt_date")) == "2024-05-16");
    const auto events = json_of(s.get("/api/v1/requests/" + id + "/events", ppid));
    const auto& last = events.at("items").as_array().back();
    CHECK(str(last.at("action")) == "record_delivery");
    CHECK(last.at("payload").at("previous").is_null());
    CHECK(str(last.at("at")).starts_with("2024-05-17T"));
  }

  TEST_CASE("answered late: the overdue request is listed, objection becomes possible, the answer is recorded late") {
    live_server s(late_now());
    actors a(s);
    const auto c = create(s, a.ppid);
    const auto id = str(c.at("id"));
    CHECK(str(deadline(c, "ppid_response").at("due")) < "2024-02-26");
    const auto g = json_of(s.get("/api/v1/requests/" + id, a.ppid));
    CHECK(str(deadline(g, "ppid_response").at("status")) == "missed");
    // The silence opened the objection window (computed on read).
    CHECK(deadline(g, "objection_filing").is_object());
    // extend stays listed: an extension dated within the period may still be entered (extended_at).
    CHECK(strings(g.at("allowed_actions")) == std::vector<std::string>{"extend", "respond", "file_objection", "close"});
    const auto overdue = json_of(s.get("/api/v1/requests?overdue=true", a.ppid));
    REQUIRE(overdue.at("items").as_array().size() == 1);
    CHECK(str(overdue.at("items").as_array()[0].at("id")) == id);

    const auto r = act(s, a.ppid, id, "respond",
                       {{"decision", "refused"}, {"reasons", "Dikecualikan Pasal 17 huruf h"}, {"responded_at", now_text(s)}});
    REQUIRE(r.status == 200);
    const auto ev = s.get("/api/v1/requests/" + id + "/events", a.ppid);
    CHECK(ev.body.find("\"late\":true") != std::string::npos);
    CHECK(json_of(s.get("/api/v1/requests?overdue=true", a.ppid)).at("items").as_array().empty());
  }

  TEST_CASE("a holiday declared on the response due date moves the stored due date the inbox filters on") {
    live_server s;
    actors a(s);
    const auto sysadmin = s.token_for("root", domain::role::sysadmin, "ki-pusat");
    const auto c = create(s, a.ppid);
    const auto id = str(c.at("id"));
    const auto due = str(deadline(c, "ppid_response").at("due"));
    // The column behind ?overdue=true and the inbox order (the view computes its dates from the clocks).
    const auto stored_due = [&] {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::read);
      const auto stored = tx->requests().find(id, false);
      REQUIRE(stored);
      REQUIRE(stored->next_due);
      return domain::format_iso_date(*stored->next_due);
    };
    REQUIRE(stored_due() == due);
    const auto added = s.post("/api/v1/holidays",
                              R"({"date":")" + due + R"(","kind":"cuti_bersama","name":"Cuti bersama uji",)"
                                                     R"("name_en":"Collective leave, test","source":"SKB-uji"})",
                              sysadmin);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    const auto moved = str(deadline(json_of(s.get("/api/v1/requests/" + id, a.ppid)), "ppid_response").at("due"));
    CHECK(moved > due);
    CHECK(stored_due() == moved);
    REQUIRE(s.del("/api/v1/holidays/" + due, sysadmin).status == 200);
    CHECK(stored_due() == due);
  }

  TEST_CASE("objection flows: unanswered then objected, upheld and overturned") {
    const char* decisions[] = {"upheld", "overturned"};
    for (const auto* decision : decisions) {
      CAPTURE(decision);
      live_server s(late_now());
      actors a(s);
      const auto c = create(s, a.ppid);
      const auto id = str(c.at("id"));
      const auto o = act(s, a.ppid, id, "file_objection",
                         {{"grounds", {"c"}}, {"reasons", "Permohonan tidak ditanggapi"}, {"received_at", now_text(s)}});
      REQUIRE(o.status == 200);
      const auto objected = json_of(o);
      CHECK(str(objected.at("state")) == "objected");
      CHECK(str(objected.at("objection").at("number")) == "0001/KEB-KPU-PANGKALPINANG/II/2024");
      CHECK(str(objected.at("awaiting").at("action")) == "answer_objection");
      CHECK(deadline(objected, "atasan_response").is_object());
      CHECK(objected.at("allowed_actions").as_array() == boost::json::array{"close"});  // the ppid's view
      const auto atasan_view = json_of(s.get("/api/v1/requests/" + id, a.atasan));
      CHECK(strings(atasan_view.at("allowed_actions")) == std::vector<std::string>{"answer_objection"});

      const auto ans = act(s, a.atasan, id, "answer_objection",
                           {{"decision", decision}, {"reasons", "Pertimbangan atasan PPID"}, {"answered_at", now_text(s)}});
      REQUIRE(ans.status == 200);
      const auto done = json_of(ans);
      CHECK(str(done.at("state")) == "objection_answered");
      CHECK(str(done.at("objection_answer").at("decision")) == decision);
      CHECK(str(done.at("awaiting").at("action")) == "file_dispute");
      CHECK(deadline(done, "dispute_filing").is_object());
    }
  }

  TEST_CASE("forbidden transitions answer 409 with the caller's allowed actions") {
    live_server s;
    actors a(s);
    struct row {
      const char* name;
      std::vector<std::pair<std::string, boost::json::object>> setup;  // actions by the ppid first
      bool as_atasan;
      std::string action;
      boost::json::object body;
      std::vector<std::string> allowed;
    };
    const boost::json::object respond{{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-07T10:00:00+07:00"}};
    const boost::json::object close{{"reason", "ditarik"}};
    const boost::json::object answer{{"decision", "upheld"}, {"reasons", "x"}, {"answered_at", "2024-02-07T10:10:00+07:00"}};
    const boost::json::object objection{{"grounds", {"d"}}, {"reasons", "x"}, {"received_at", "2024-02-07T10:05:00+07:00"}};
    const row rows[] = {
        {"answer_objection from received", {}, true, "answer_objection", answer, {}},
        {"file_objection before the due date", {}, false, "file_objection", objection, {"extend", "respond", "close"}},
        {"respond twice", {{"respond", respond}}, false, "respond", respond, {"file_objection", "close"}},
        {"extend after answering", {{"respond", respond}}, false, "extend", {{"reason", "x"}}, {"file_objection", "close"}},
        {"respond when objected", {{"respond", respond}, {"file_objection", objection}}, false, "respond", respond, {"close"}},
        {"close when closed", {{"close", close}}, false, "close", close, {}},
        {"respond when closed", {{"close", close}}, false, "respond", respond, {}},
    };
    for (const auto& r : rows) {
      CAPTURE(r.name);
      const auto id = str(create(s, a.ppid).at("id"));
      for (const auto& [action, body] : r.setup) {
        REQUIRE(act(s, a.ppid, id, action, body).status == 200);
      }
      const auto reply = act(s, r.as_atasan ? a.atasan : a.ppid, id, r.action, r.body);
      CHECK(reply.status == 409);
      CHECK(strings(json_of(reply).at("allowed_actions")) == r.allowed);
    }
  }

  TEST_CASE("validation errors name the field (creation and actions)") {
    live_server s;
    actors a(s);
    struct create_row {
      const char* field;
      std::function<void(boost::json::object&)> change;
    };
    const create_row creates[] = {
        {"respondent", [](auto& b) { b["respondent"] = "kpu-atlantis"; }},
        {"respondent", [](auto& b) { b["respondent"] = "ki-babel"; }},  // a KI is not a respondent body
        {"received_at", [](auto& b) { b["received_at"] = "kemarin"; }},
        {"received_at", [](auto& b) { b["received_at"] = "2030-01-01T09:00:00+07:00"; }},
        {"channel", [](auto& b) { b["channel"] = "merpati"; }},
        {"applicant.kind", [](auto& b) { b["applicant"].as_object()["kind"] = "robot"; }},
        {"applicant.name", [](auto& b) { b["applicant"].as_object()["name"] = ""; }},
        {"applicant.email", [](auto& b) { b["applicant"].as_object()["email"] = "bukan-email"; }},
        {"applicant", [](auto& b) { b.erase("applicant"); }},
        {"information_requested", [](auto& b) { b["information_requested"] = ""; }},
        {"ruleset", [](auto& b) { b["ruleset"] = "kuhp"; }},
        {"ruleset_override_reason", [](auto& b) { b["ruleset"] = "general"; }},
    };
    for (const auto& row : creates) {
      CAPTURE(row.field);
      auto body = new_request();
      row.change(body);
      const auto r = s.post("/api/v1/requests", boost::json::serialize(body), a.ppid);
      REQUIRE(r.status == 422);
      CHECK(error_field(r) == row.field);
    }

    const auto id = str(create(s, a.ppid).at("id"));
    struct action_row {
      const char* action;
      boost::json::object body;
      const char* field;
    };
    const action_row actions[] = {
        {"extend", {{"reason", ""}}, "reason"},
        {"respond", {{"decision", "mungkin"}, {"reasons", "x"}, {"responded_at", "2024-02-07T10:00:00+07:00"}}, "decision"},
        {"respond", {{"decision", "refused"}, {"reasons", ""}, {"responded_at", "2024-02-07T10:00:00+07:00"}}, "reasons"},
        {"respond", {{"decision", "granted"}, {"reasons", ""}}, "responded_at"},
        {"respond", {{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-01T10:00:00+07:00"}}, "responded_at"},
        {"close", {{"reason", ""}}, "reason"},
    };
    for (const auto& row : actions) {
      CAPTURE(row.action);
      CAPTURE(row.field);
      const auto r = act(s, a.ppid, id, row.action, row.body);
      REQUIRE(r.status == 422);
      CHECK(error_field(r) == row.field);
    }
    // Nothing changed.
    CHECK(json_of(s.get("/api/v1/requests/" + id, a.ppid)).at("version").as_int64() == 1);
  }

  TEST_CASE("access: other organisations get 404, wrong roles 403, personal data only for the respondent's staff") {
    live_server s;
    actors a(s);
    const auto ki = s.token_for("panitera.babel", domain::role::registrar, "ki-babel");
    const auto c = create(s, a.ppid);
    const auto id = str(c.at("id"));
    const boost::json::object respond{{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-07T10:00:00+07:00"}};

    CHECK(s.get("/api/v1/requests/" + id).status == 401);
    CHECK(s.get("/api/v1/requests/" + id, a.other).status == 404);
    CHECK(s.get("/api/v1/requests/" + id + "/events", a.other).status == 404);
    CHECK(act(s, a.other, id, "respond", respond).status == 404);
    CHECK(s.get("/api/v1/requests/" + id, ki).status == 404);
    CHECK(json_of(s.get("/api/v1/requests", a.other)).at("items").as_array().empty());
    CHECK(act(s, a.atasan, id, "respond", respond).status == 403);  // the atasan answers objections only
    CHECK(act(s, a.ppid, id, "answer_objection", {}).status == 403);
    CHECK(act(s, a.ppid, id, "mark_disputed", {}).status == 403);
    CHECK(act(s, a.ppid, id, "teleport", {}).status == 404);
    // Creating for another body, or without the ppid role.
    CHECK(s.post("/api/v1/requests", boost::json::serialize(new_request()), a.other).status == 403);
    CHECK(s.post("/api/v1/requests", boost::json::serialize(new_request()), a.atasan).status == 403);
    // The atasan of the same body reads it with the personal data.
    const auto atasan_view = json_of(s.get("/api/v1/requests/" + id, a.atasan));
    CHECK(str(atasan_view.at("applicant").at("phone")) == "+6281234567890");

    // Once disputed at ki-babel, its staff read it without personal data (and cannot act).
    {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::write);
      const auto before = api::mark_request_disputed(*tx, id, "dispute-1", "ki-babel", "system", s.clock().now());
      REQUIRE(before);
      CHECK(before->state == domain::request_state::received);
      CHECK_FALSE(api::mark_request_disputed(*tx, "missing", "dispute-1", "ki-babel", "system", s.clock().now()));
      tx->commit();
    }
    const auto kv = s.get("/api/v1/requests/" + id, ki);
    REQUIRE(kv.status == 200);
    const auto k = json_of(kv);
    CHECK(str(k.at("state")) == "disputed");
    CHECK(str(k.at("dispute_id")) == "dispute-1");
    CHECK_FALSE(k.at("applicant").as_object().contains("id_number"));
    CHECK(kv.body.find("siti.aminah") == std::string::npos);
    CHECK(k.at("allowed_actions").as_array().empty());
    CHECK(json_of(s.get("/api/v1/requests", ki)).at("items").as_array().size() == 1);
    CHECK(act(s, ki, id, "close", {{"reason", "x"}}).status == 403);
    CHECK(act(s, a.ppid, id, "close", {{"reason", "x"}}).status == 409);  // disputed is final here
  }

  TEST_CASE("If-Match: a stale version is 412 and changes nothing") {
    live_server s;
    actors a(s);
    const auto id = str(create(s, a.ppid).at("id"));
    const auto stale = act(s, a.ppid, id, "extend", {{"reason", "x"}}, {{"If-Match", "\"7\""}});
    CHECK(stale.status == 412);
    CHECK(json_of(s.get("/api/v1/requests/" + id, a.ppid)).at("version").as_int64() == 1);
    CHECK(act(s, a.ppid, id, "extend", {{"reason", "x"}}, {{"If-Match", "\"1\""}}).status == 200);
  }

  TEST_CASE("rule set: general outside the election periods, override with a reason, region periods") {
    struct row {
      const char* name;
      const char* now;
      const char* received;
      const char* respondent;
      std::optional<std::string> override_name;
      const char* expected;
      const char* reason;
    };
    const row rows[] = {
        {"between elections", "2026-03-04T10:00:00+07:00", "2026-03-04T09:00:00+07:00", "kpu-pangkalpinang",
         std::nullopt, "general", "general_period"},
        {"Pemilu 2024", "2024-02-07T10:15:00+07:00", "2024-02-07T09:00:00+07:00", "bawaslu-babel", std::nullopt,
         "perki_1_2019", "election_period"},
        {"Babel governor election ran longer", "2025-03-04T10:00:00+07:00", "2025-03-04T09:00:00+07:00",
         "bawaslu-babel", std::nullopt, "perki_1_2019", "election_period"},
        {"override", "2024-02-07T10:15:00+07:00", "2024-02-07T09:00:00+07:00", "kpu-pangkalpinang", "general",
         "general", "override"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.name);
      live_server s(at(r.now));
      const auto token = s.token_for("ppid.x", domain::role::ppid, r.respondent);
      auto body = new_request(r.received, r.respondent);
      if (r.override_name) {
        body["ruleset"] = *r.override_name;
        body["ruleset_override_reason"] = "Informasi tidak terkait tahapan pemilu";
      }
      const auto c = create(s, token, body);
      CHECK(str(c.at("ruleset").at("name")) == r.expected);
      CHECK(str(c.at("ruleset").at("reason")) == r.reason);
    }
  }

  TEST_CASE("list: filters and keyset paging") {
    live_server s;
    actors a(s);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
      auto body = new_request(fmt::format("2024-02-0{}T09:00:00+07:00", i + 1));
      if (i == 3) {
        body["applicant"].as_object()["name"] = "Budi Santoso";
      }
      ids.push_back(str(create(s, a.ppid, body).at("id")));
    }
    create(s, a.other, new_request("2024-02-05T09:00:00+07:00", "bawaslu-babel"));
    REQUIRE(act(s, a.ppid, ids[4], "close", {{"reason", "ditarik pemohon"}}).status == 200);

    const auto all = json_of(s.get("/api/v1/requests", a.ppid));
    CHECK(all.at("items").as_array().size() == 5);
    CHECK(all.at("next_cursor").is_null());
    CHECK(str(all.at("items").as_array()[0].at("id")) == ids[0]);  // the nearest due first
    CHECK(str(all.at("items").as_array()[4].at("id")) == ids[4]);  // closed: no open clock, last

    struct row {
      std::string query;
      std::size_t expected;
    };
    const row rows[] = {{"state=closed", 1},       {"state=received", 4},          {"q=budi", 1},
                        {"q=BUDI%20SANTOSO", 1},   {"q=C.Hasil", 5},               {"received_from=2024-02-02&received_to=2024-02-03", 2},
                        {"respondent=bawaslu-babel", 0}};
    for (const auto& r : rows) {
      CAPTURE(r.query);
      const auto reply = s.get("/api/v1/requests?" + r.query, a.ppid);
      REQUIRE(reply.status == 200);
      CHECK(json_of(reply).at("items").as_array().size() == r.expected);
    }
    CHECK(s.get("/api/v1/requests?state=lost", a.ppid).status == 422);
    CHECK(s.get("/api/v1/requests?received_from=kemarin", a.ppid).status >= 400);
    CHECK(s.get("/api/v1/requests?cursor=zz", a.ppid).status == 400);

    std::vector<std::string> paged;
    std::string cursor;
    for (int page = 0; page < 5; ++page) {
      const auto reply = json_of(s.get("/api/v1/requests?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), a.ppid));
      for (const auto& item : reply.at("items").as_array()) {
        paged.push_back(str(item.at("id")));
      }
      if (reply.at("next_cursor").is_null()) {
        break;
      }
      cursor = str(reply.at("next_cursor"));
    }
    std::vector<std::string> in_order;
    for (const auto& item : all.at("items").as_array()) {
      in_order.push_back(str(item.at("id")));
    }
    CHECK(paged == in_order);
  }
}

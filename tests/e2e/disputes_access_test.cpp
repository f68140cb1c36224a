// Who may read and act on a dispute, forbidden transitions (409 with allowed_actions), validation (422
// naming the field) and optimistic concurrency (412), through the API.
#include "e2e/disputes_fixture.hpp"

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;

TEST_SUITE("e2e disputes access") {
  TEST_CASE("each wrong role and organisation is refused") {
    fixture f;
    const auto id = f.submit();
    const auto pusat = f.s.token_for("panitera.pusat", domain::role::registrar, "ki-pusat");
    const auto other_ppid = f.s.token_for("ppid.bangka", domain::role::ppid, "kpu-bangka");
    const auto atasan = f.s.token_for("atasan.kpu", domain::role::ppid_superior, "kpu-pangkalpinang");
    const auto applicant = f.s.token_for("pemohon", domain::role::applicant, "ki-babel");
    const auto sysadmin = f.s.token_for("root", domain::role::sysadmin, "ki-pusat");

    struct row {
      const char* who;
      std::string token;
      int get_status;
      int register_status;
    };
    const row rows[] = {
        {"registrar of the KI", f.registrar, 200, 200},
        {"commissioner of the KI (registration is the registrar's)", f.commissioner, 200, 403},
        {"respondent's PPID reads only", f.ppid, 200, 403},
        {"respondent's PPID superior reads only", atasan, 200, 403},
        {"registrar of another KI", pusat, 404, 404},
        {"PPID of another body (PPIDs never act on disputes)", other_ppid, 404, 403},
        // Roles that never read disputes are refused by the routes' policy (403, whatever the case);
        // organisation scope hides other organisations' cases (404).
        {"applicant account", applicant, 403, 403},
        {"sysadmin", sysadmin, 403, 403},
        {"nobody", "", 401, 401},
    };
    for (const auto& r : rows) {
      CAPTURE(r.who);
      CHECK(f.s.get("/api/v1/disputes/" + id, r.token).status == r.get_status);
      CHECK(f.s.get("/api/v1/disputes/" + id + "/events", r.token).status == r.get_status);
      if (r.register_status != 200) {
        CHECK(f.act_raw(id, "register", "{}", r.token).status == r.register_status);
      }
    }
    CHECK(f.act_raw(id, "register", "{}", f.registrar).status == 200);
    // The commissioner decides; the registrar may not.
    f.act(id, "open_preliminary_examination", "{}", f.commissioner);
    CHECK(f.act_raw(id, "decide", R"({"outcome":"inadmissible"})", f.registrar).status == 403);
    // Submitting: only a registrar or ki_admin of the KI.
    CHECK(f.s.post("/api/v1/disputes", application(), f.commissioner).status == 403);
    CHECK(f.s.post("/api/v1/disputes", application(), f.ppid).status == 403);
    CHECK(f.s.post("/api/v1/disputes", application(), pusat).status == 403);  // ki defaults to ki-babel
    // Lists are scoped.
    CHECK(json_of(f.s.get("/api/v1/disputes", f.registrar)).at("items").as_array().size() == 1);
    CHECK(json_of(f.s.get("/api/v1/disputes", f.ppid)).at("items").as_array().size() == 1);
    CHECK(json_of(f.s.get("/api/v1/disputes", pusat)).at("items").as_array().empty());
    CHECK(json_of(f.s.get("/api/v1/disputes", other_ppid)).at("items").as_array().empty());
    CHECK(f.s.get("/api/v1/disputes", applicant).status == 403);
    // allowed_actions are the caller's.
    CHECK(f.get(id, f.ppid).at("allowed_actions").as_array().empty());
  }

  TEST_CASE("forbidden transitions answer 409 with the caller's allowed actions") {
    fixture f;
    const auto id = f.submit();
    const auto r = f.act_raw(id, "mark_final", "{}", f.registrar);
    REQUIRE(r.status == 409);
    const auto body = json_of(r);
    bool lists_register = false;
    for (const auto& a : body.at("allowed_actions").as_array()) {
      lists_register = lists_register || a.as_string() == "register";
    }
    CHECK(lists_register);
    CHECK(f.act_raw(id, "no_such_action", "{}", f.registrar).status == 404);
    CHECK(f.s.get("/api/v1/disputes/unknown-id", f.registrar).status == 404);
    // Exemption disputes (ground a) cannot be mediated unless the claim is withdrawn.
    const auto a = f.submit(application().replace(application().find(R"(["e"])"), 5, R"(["a"])"));
    f.act(a, "register", "{}", f.registrar);
    f.act(a, "open_preliminary_examination", "{}", f.commissioner);
    const auto m = f.act_raw(a, "start_mediation", R"({"mediator":"komisioner"})", f.commissioner);
    CHECK((m.status == 409 || m.status == 422));
    f.act(a, "start_mediation", R"({"mediator":"komisioner","exemption_claim_withdrawn":true})", f.commissioner);
  }

  TEST_CASE("the majelis is checked like the mediator: commissioners of this KI, each once, at most five") {
    fixture f;
    f.s.add_user("komisioner.pusat", "password-komisioner.pusat", {domain::role::commissioner}, "ki-pusat");
    const auto id = f.submit();
    struct row {
      const char* what;
      std::string majelis;
      const char* field;
    };
    const row rows[] = {
        {"a registrar", R"(["komisioner","panitera"])", "majelis[1]"},
        {"a commissioner of another KI", R"(["komisioner.pusat"])", "majelis[0]"},
        {"an unknown name", R"(["siapa.saja"])", "majelis[0]"},
        {"a name of 10,000 characters", "[\"" + std::string(10000, 'k') + "\"]", "majelis[0]"},
        {"a duplicate", R"(["komisioner","komisioner"])", "majelis[1]"},
        {"six members", R"(["a","b","c","d","e","f"])", "majelis"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.what);
      const auto reply = f.act_raw(id, "register", R"({"majelis":)" + r.majelis + "}", f.registrar);
      REQUIRE(reply.status == 422);
      CHECK_MESSAGE(names_field(reply, r.field), reply.body);
    }
    CHECK(f.get(id, f.registrar).at("state").as_string() == "submitted");
    const auto ok = f.act(id, "register", R"({"majelis":["komisioner"]})", f.registrar);
    CHECK(ok.at("majelis").at(0).as_string() == "komisioner");
  }

  TEST_CASE("validation errors name the field") {
    fixture f;
    struct row {
      const char* what;
      std::string body;
      const char* field;
    };
    const row rows[] = {
        {"applicant name", R"({"chronology":{"request_date":"2024-01-10"},"applicant":{"email":"x@example.id"},"respondent":"kpu-pangkalpinang","information_requested":"x","grounds":["c"],"petitum":["y"]})",
         "applicant.name"},
        {"unknown respondent", application().replace(application().find("kpu-pangkalpinang"), 17, "kpu-atlantis"), "respondent"},
        {"bad ground", application().replace(application().find(R"(["e"])"), 5, R"(["z"])"), "grounds[0]"},
        {"bad date", application().replace(application().find("2024-01-10"), 10, "2024-13-10"), "chronology.request_date"},
        {"future submission", application(R"(,"submitted_at":"2024-03-01T10:00:00+07:00")"), "submitted_at"},
        {"unknown ki (fuzz/api_bodies.cpp: was a 500)", application(R"(,"ki":"ki-atlantis")"), "ki"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.what);
      const auto reply = f.s.post("/api/v1/disputes", r.body, f.registrar);
      REQUIRE(reply.status == 422);
      CHECK_MESSAGE(names_field(reply, r.field), reply.body);
    }
    const auto id = f.submit();
    f.act(id, "register", "{}", f.registrar);
    const auto h = f.act_raw(id, "schedule_hearing", R"({"kind":"evidence"})", f.registrar);
    REQUIRE(h.status == 422);
    CHECK(json_of(h).at("errors").at(0).at("field").as_string() == "scheduled_at");
    const auto k = f.act_raw(id, "schedule_hearing", R"({"kind":"party","scheduled_at":"2024-02-12T09:00:00+07:00","location":"R"})",
                             f.registrar);
    REQUIRE(k.status == 422);
    CHECK(json_of(k).at("errors").at(0).at("field").as_string() == "kind");
  }

  TEST_CASE("a stale If-Match changes nothing") {
    fixture f;
    const auto id = f.submit();
    const auto r = f.s.post("/api/v1/disputes/" + id + "/actions/register", "{}", f.registrar, {{"If-Match", "\"7\""}});
    CHECK(r.status == 412);
    CHECK(f.get(id, f.registrar).at("state").as_string() == "submitted");
    const auto ok = f.s.post("/api/v1/disputes/" + id + "/actions/register", "{}", f.registrar, {{"If-Match", "\"1\""}});
    CHECK(ok.status == 200);
    CHECK(ok.header("ETag") == "\"2\"");
  }
}

// The access matrix (docs/security.md "How it is tested"): every route the running application
// registered × every role × a caller of the case's own organisation and of another one, plus a caller
// without credentials. The route list comes from the router, so a new route without a row below fails
// this test; each row also states the route's policy, so changing who may call a route means changing
// this table too. Bodies are simple: the point is the access answer, not the business outcome.
#include "e2e/disputes_fixture.hpp"
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <set>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

namespace rq = perkara::e2e::requests;

/// One route's sample call. Placeholders: {request}, {dispute}, {user}, {action} (chosen per role so
/// that a role inside the policy asks for an action of its own), {n} (unique per call).
struct row {
  const char* method;
  const char* pattern;
  const char* policy;  // access_policy::describe() of the route
  const char* target;
  const char* body;
  bool scoped;  // a caller of another organisation (not a sysadmin) inside the policy must be refused
  bool fresh_session = false;  // the call ends the caller's session: use a session of its own
  // Public in the route table, but the server answers it only to the operator (the metrics token or
  // listener, docs/security.md "Transport limits"): every session token is refused with 401.
  bool operator_only = false;
};

// clang-format off
const row rows[] = {
    {"GET", "/healthz", "public", "/healthz", "", false},
    {"GET", "/readyz", "public", "/readyz", "", false},
    {"GET", "/metrics", "public", "/metrics", "", false, false, true},
    {"GET", "/api/v1/openapi.json", "public", "/api/v1/openapi.json", "", false},
    {"POST", "/api/v1/sessions", "public", "/api/v1/sessions", R"({"username":"matrix.login","password":"password-matrix.login"})", false},
    {"DELETE", "/api/v1/sessions/current", "signed_in", "/api/v1/sessions/current", "", false, true},
    {"GET", "/api/v1/me", "signed_in", "/api/v1/me", "", false},
    {"GET", "/api/v1/users", "sysadmin, ki_admin", "/api/v1/users", "", false},
    {"POST", "/api/v1/users", "sysadmin, ki_admin", "/api/v1/users",
     R"({"username":"baru.{n}","display_name":"Baru","password":"rahasia-baru-123","roles":["registrar"],"organisation":"ki-babel"})", true},
    {"GET", "/api/v1/users/{id}", "sysadmin, ki_admin", "/api/v1/users/{user}", "", true},
    {"PATCH", "/api/v1/users/{id}", "sysadmin, ki_admin", "/api/v1/users/{user}", R"({"display_name":"Panitera {n}"})", true},
    {"GET", "/api/v1/ki-staff", "ki_admin, registrar, commissioner", "/api/v1/ki-staff", "", false},
    {"GET", "/api/v1/audit", "sysadmin, ki_admin", "/api/v1/audit", "", false},
    {"GET", "/api/v1/organisations", "public", "/api/v1/organisations", "", false},
    {"GET", "/api/v1/organisations/{code}", "public", "/api/v1/organisations/ki-babel", "", false},
    {"GET", "/api/v1/holidays", "public", "/api/v1/holidays?year=2024", "", false},
    {"POST", "/api/v1/holidays", "sysadmin, ki_admin", "/api/v1/holidays?preview=true",
     R"({"date":"2024-03-06","kind":"local","name":"Penutupan","source":"SK","organisation":"ki-babel"})", true},
    {"DELETE", "/api/v1/holidays/{date}", "sysadmin, ki_admin", "/api/v1/holidays/2024-03-05?organisation=ki-babel&preview=true", "", true},
    {"GET", "/api/v1/rulesets", "public", "/api/v1/rulesets", "", false},
    {"GET", "/api/v1/rulesets/{name}", "public", "/api/v1/rulesets/general", "", false},
    {"POST", "/api/v1/rulesets/{name}/versions", "sysadmin", "/api/v1/rulesets/general/versions", "{}", false},
    {"GET", "/api/v1/calendar/deadline", "public", "/api/v1/calendar/deadline?from=2024-02-07&days=10", "", false},
    {"POST", "/api/v1/requests", "ppid", "/api/v1/requests", "{new_request}", true},
    {"GET", "/api/v1/requests", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests", "", false},
    {"GET", "/api/v1/requests/{id}", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}", "", true},
    {"POST", "/api/v1/requests/{id}/actions/{action}", "ppid, ppid_superior", "/api/v1/requests/{request}/actions/{action}", "{}", true},
    {"POST", "/api/v1/requests/{id}/deliveries", "ppid, ppid_superior", "/api/v1/requests/{request}/deliveries", "{}", true},
    {"GET", "/api/v1/requests/{id}/events", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}/events", "", true},
    {"POST", "/api/v1/disputes", "ki_admin, registrar", "/api/v1/disputes", "{application}", true},
    {"GET", "/api/v1/disputes", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes", "", false},
    {"GET", "/api/v1/disputes/{id}", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}", "", true},
    {"POST", "/api/v1/disputes/{id}/actions/{action}", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/actions/lapse", "{}", true},
    {"GET", "/api/v1/disputes/{id}/events", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}/events", "", true},
    {"GET", "/api/v1/requests/{id}/letters", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}/letters", "", true},
    {"GET", "/api/v1/requests/{id}/letters/{kind}/preview", "ppid, ppid_superior", "/api/v1/requests/{request}/letters/request_receipt/preview", "", true},
    {"POST", "/api/v1/requests/{id}/letters/{kind}", "ppid, ppid_superior", "/api/v1/requests/{request}/letters/request_receipt", "", true},
    {"GET", "/api/v1/disputes/{id}/letters", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}/letters", "", true},
    // The sample dispute is not registered, so it has no letters yet (404 to everyone inside the
    // policy); tests/e2e/letters_test.cpp checks these routes' scope on a registered case.
    {"GET", "/api/v1/disputes/{id}/letters/{kind}/preview", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/letters/registration_deed/preview", "", false},
    {"POST", "/api/v1/disputes/{id}/letters/{kind}", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/letters/registration_deed", "", false},
    // Visible exactly when its case is (404 otherwise, whatever the role).
    {"GET", "/api/v1/letters/{id}", "signed_in", "/api/v1/letters/{letter}", "", false},
    {"GET", "/api/v1/organisations/{code}/letterhead", "signed_in", "/api/v1/organisations/ki-babel/letterhead", "", false},
    // Another organisation's letterhead answers 404 (checked per organisation in tests/e2e/letters_test.cpp).
    {"PUT", "/api/v1/organisations/{code}/letterhead", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/letterhead", R"({"address":"Jl. Sudirman {n}"})", false},
    {"GET", "/api/v1/tracked-requests", "ki_admin, registrar", "/api/v1/tracked-requests?q=siti", "", false},
    {"GET", "/api/v1/public/disputes", "public", "/api/v1/public/disputes?register_number=none", "", false},
    {"GET", "/api/v1/public/hearings", "public", "/api/v1/public/hearings", "", false},
    {"GET", "/api/v1/public/decisions", "public", "/api/v1/public/decisions", "", false},
    {"POST", "/api/v1/requests/{id}/documents", "ppid, ppid_superior", "/api/v1/requests/{request}/documents?kind=evidence&name=m{n}.pdf", "%PDF-1.4 matrix {n}", true},
    {"GET", "/api/v1/requests/{id}/documents", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}/documents", "", true},
    {"GET", "/api/v1/requests/{id}/documents/{doc}", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}/documents/{request_doc}", "", true},
    {"PATCH", "/api/v1/requests/{id}/documents/{doc}", "ppid, ppid_superior", "/api/v1/requests/{request}/documents/{request_doc}", R"({"publishable":false})", true},
    {"POST", "/api/v1/requests/{id}/documents/{doc}/retract", "ppid, ppid_superior", "/api/v1/requests/{request}/documents/{request_doc}/retract", R"({"reason":"matrix"})", true},
    {"POST", "/api/v1/disputes/{id}/documents", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/documents?kind=evidence&name=m{n}.pdf", "%PDF-1.4 matrix {n}", true},
    {"GET", "/api/v1/disputes/{id}/documents", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}/documents", "", true},
    {"GET", "/api/v1/disputes/{id}/documents/{doc}", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}/documents/{dispute_doc}", "", true},
    {"PATCH", "/api/v1/disputes/{id}/documents/{doc}", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/documents/{dispute_doc}", R"({"publishable":false})", true},
    {"POST", "/api/v1/disputes/{id}/documents/{doc}/retract", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/documents/{dispute_doc}/retract", R"({"reason":"matrix"})", true},
    {"POST", "/api/v1/disputes/{id}/papers", "ki_admin, registrar, commissioner", "/api/v1/disputes/{dispute}/papers", R"({"kind":"identity_document","note":"asli dilihat"})", true},
    {"GET", "/api/v1/public/documents/{doc}", "public", "/api/v1/public/documents/{dispute_doc}", "", false},
    {"GET", "/api/v1/reports/ppid", "sysadmin, ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/reports/ppid?organisation=kpu-pangkalpinang&period=2024", "", true},
    {"GET", "/api/v1/reports/ki", "sysadmin, ki_admin, registrar, commissioner", "/api/v1/reports/ki?organisation=ki-babel&period=2024", "", true},
    {"GET", "/api/v1/reports/ppid/annual", "sysadmin, ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/reports/ppid/annual?organisation=kpu-pangkalpinang&period=2024", "", true},
    {"GET", "/api/v1/reports/ki/annual", "sysadmin, ki_admin, registrar, commissioner", "/api/v1/reports/ki/annual?organisation=ki-babel&period=2024&format=csv", "", true},
    {"GET", "/api/v1/public/statistics", "public", "/api/v1/public/statistics?period=2024", "", false},
    {"GET", "/api/v1/public/statistics/offices.csv", "public", "/api/v1/public/statistics/offices.csv?period=2024", "", false},
    {"GET", "/api/v1/public/statistics/kis.csv", "public", "/api/v1/public/statistics/kis.csv?period=2024", "", false},
    {"GET", "/api/v1/public/statistics/periods", "public", "/api/v1/public/statistics/periods", "", false},
    {"GET", "/api/v1/public/dispute-register", "public", "/api/v1/public/dispute-register?period=2024", "", false},
    {"GET", "/api/v1/public/dispute-register.csv", "public", "/api/v1/public/dispute-register.csv?period=2024", "", false},
    // Notices (issue 16). Webhooks of another organisation answer 404 (tests/e2e/notices_people_test.cpp).
    {"GET", "/api/v1/organisations/{code}/webhooks", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks", "", false},
    {"POST", "/api/v1/organisations/{code}/webhooks", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks", R"({"url":"http://127.0.0.1:9/m{n}"})", false},
    {"PATCH", "/api/v1/organisations/{code}/webhooks/{id}", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks/999999", R"({"active":false})", false},
    {"DELETE", "/api/v1/organisations/{code}/webhooks/{id}", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks/999999", "", false},
    {"POST", "/api/v1/organisations/{code}/webhooks/{id}/rotate-secret", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks/999999/rotate-secret", "", false},
    {"POST", "/api/v1/organisations/{code}/webhooks/{id}/test", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks/999999/test", "", false},
    {"GET", "/api/v1/organisations/{code}/webhooks/{id}/deliveries", "sysadmin, ki_admin, ppid_superior", "/api/v1/organisations/ki-babel/webhooks/999999/deliveries", "", false},
    {"GET", "/api/v1/notices/status", "sysadmin, ki_admin, ppid_superior", "/api/v1/notices/status", "", false},
    {"GET", "/api/v1/me/notice-preferences", "signed_in", "/api/v1/me/notice-preferences", "", false},
    {"PUT", "/api/v1/me/notice-preferences", "signed_in", "/api/v1/me/notice-preferences", R"({"items":[{"kind":"digest","enabled":false}]})", false},
    {"POST", "/api/v1/public/notices/opt-out", "public", "/api/v1/public/notices/opt-out", R"({"token":"none"})", false},
    {"GET", "/api/v1/requests/{id}/notices", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/requests/{request}/notices", "", true},
    {"GET", "/api/v1/disputes/{id}/notices", "ki_admin, registrar, commissioner, ppid, ppid_superior", "/api/v1/disputes/{dispute}/notices", "", true},
};
// clang-format on

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// A case of each kind, owned by ki-babel and kpu-pangkalpinang: an information request at KPU
/// Pangkalpinang, answered, objected to and disputed at KI Babel, and that dispute.
struct world {
  live_server s;
  std::string request_id;
  std::string dispute_id;
  std::string user_id;  // a registrar of ki-babel
  std::string letter_id;  // the request's receipt, issued by its PPID
  std::string request_doc;  // a document of the request
  std::string dispute_doc;  // a document of the dispute

  world() {
    rq::actors a(s);
    request_id = rq::str(rq::create(s, a.ppid).at("id"));
    const auto at = [&] { return domain::format_rfc3339(s.clock().now(), 7 * 60); };
    s.clock().advance(std::chrono::hours{1});
    require_ok(rq::act(s, a.ppid, request_id, "respond",
                       {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", at()}}));
    s.clock().advance(std::chrono::hours{24 * 5});
    require_ok(rq::act(s, s.login("ppid.pkp", "password-ppid.pkp"), request_id, "file_objection",
                       {{"grounds", {"a"}}, {"reasons", "Bukan informasi dikecualikan"}, {"received_at", at()}}));
    s.clock().advance(std::chrono::hours{24});
    require_ok(rq::act(s, s.login("atasan.pkp", "password-atasan.pkp"), request_id, "answer_objection",
                       {{"decision", "upheld"}, {"reasons", "Tetap dikecualikan"}, {"answered_at", at()}}));
    user_id = s.add_user("setup.panitera", "password-setup.panitera", {role::registrar}, "ki-babel");
    const auto registrar = s.login("setup.panitera", "password-setup.panitera");
    const auto submitted = s.post("/api/v1/disputes", dispute_from(request_id), registrar);
    REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
    dispute_id = rq::str(rq::json_of(submitted).at("id"));
    const auto letter = s.post("/api/v1/requests/" + request_id + "/letters/request_receipt", "",
                               s.login("ppid.pkp", "password-ppid.pkp"));
    REQUIRE_MESSAGE(letter.status == 201, letter.body);
    letter_id = rq::str(rq::json_of(letter).at("id"));
    const auto root = s.token_for("setup.root", role::sysadmin, "ki-pusat");
    const auto closure = s.post("/api/v1/holidays",
                                R"({"date":"2024-03-05","kind":"local","name":"Penutupan","source":"SK","organisation":"ki-babel"})",
                                root);
    REQUIRE_MESSAGE(closure.status == 201, closure.body);
    s.add_user("matrix.login", "password-matrix.login", {role::commissioner}, "ki-babel");
    request_doc = upload("/api/v1/requests/" + request_id, s.login("ppid.pkp", "password-ppid.pkp"));
    dispute_doc = upload("/api/v1/disputes/" + dispute_id, registrar);
  }

  std::string upload(const std::string& case_path, const std::string& token) {
    const auto r = s.send("POST", case_path + "/documents?kind=evidence&name=bukti.pdf", "%PDF-1.4 setup", token,
                          {{"Content-Type", "application/pdf"}});
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return rq::str(rq::json_of(r).at("id"));
  }

  static void require_ok(const http_reply& r) { REQUIRE_MESSAGE(r.status == 200, r.body); }

  static std::string dispute_from(const std::string& request_id) {
    return R"({"request_id":")" + request_id + R"(","respondent":"kpu-pangkalpinang",)"
           R"("applicant":{"kind":"individual","name":"Siti Aminah","email":"siti.aminah@example.id"},)"
           R"("information_requested":"Salinan formulir C.Hasil TPS 012","reasons":"Keberatan ditolak",)"
           R"("grounds":["a"],"petitum":["Menyatakan informasi terbuka"],"attachments":["identity_document"]})";
  }
};

struct caller_cell {
  std::string name;   // for failure messages
  std::string username;
  std::optional<role> r;  // none: no credentials
  bool other_organisation = false;
  std::string token;
};

/// The request action a role would take (its own, so that the route's policy is what is tested).
std::string request_action_for(const std::optional<role>& r) {
  return r == role::ppid_superior ? "answer_objection" : "close";
}

}  // namespace

TEST_SUITE("e2e access matrix") {
  TEST_CASE("every route x every role x own and other organisation answers as its policy says") {
    world w;
    auto& s = w.s;

    // The table covers the route list exactly, and states each route's policy.
    std::map<std::pair<std::string, std::string>, const row*> by_route;
    for (const auto& r : rows) {
      by_route[{r.method, r.pattern}] = &r;
    }
    const auto entries = s.routes().entries();
    std::set<std::pair<std::string, std::string>> routed;
    for (const auto& e : entries) {
      CAPTURE(e.method);
      CAPTURE(e.pattern);
      routed.insert({e.method, e.pattern});
      const auto it = by_route.find({e.method, e.pattern});
      if (it == by_route.end()) {
        FAIL_CHECK("route without a row in the access matrix: add one (docs/security.md lists its policy)");
        continue;
      }
      CHECK(e.access.describe() == it->second->policy);
    }
    for (const auto& r : rows) {
      CAPTURE(r.pattern);
      CHECK_MESSAGE(routed.count({r.method, r.pattern}) == 1, "a row for a route that is not registered");
    }

    // Callers: each role at the cases' organisations and at another organisation of the same kind.
    std::vector<caller_cell> callers;
    callers.push_back({"nobody", "", std::nullopt, false, ""});
    for (const auto r : domain::all_roles) {
      const bool at_respondent = r == role::ppid || r == role::ppid_superior;
      for (const bool other : {false, true}) {
        const std::string org = at_respondent ? (other ? "kpu-bangka" : "kpu-pangkalpinang")
                                              : (other ? "ki-pusat" : "ki-babel");
        const auto username = fmt::format("m.{}.{}", domain::to_string(r), other ? "other" : "own");
        callers.push_back({fmt::format("{} at {}", domain::to_string(r), org), username, r, other,
                           s.token_for(username, r, org)});
      }
    }

    int n = 0;
    for (const auto& e : entries) {
      const auto it = by_route.find({e.method, e.pattern});
      if (it == by_route.end()) {
        continue;
      }
      const row& sample = *it->second;
      for (const auto& c : callers) {
        std::string target = sample.target;
        std::string body = sample.body;
        replace_all(target, "{request}", w.request_id);
        replace_all(target, "{dispute}", w.dispute_id);
        replace_all(target, "{user}", w.user_id);
        replace_all(target, "{letter}", w.letter_id);
        replace_all(target, "{request_doc}", w.request_doc);
        replace_all(target, "{dispute_doc}", w.dispute_doc);
        replace_all(target, "{action}", request_action_for(c.r));
        replace_all(body, "{new_request}", boost::json::serialize(rq::new_request()));
        replace_all(body, "{application}", disputes::application());
        replace_all(body, "{n}", std::to_string(++n));
        replace_all(target, "{n}", std::to_string(n));
        std::string token = c.token;
        if (sample.fresh_session && c.r) {
          token = s.login(c.username, "password-" + c.username);
        }
        const auto reply = s.send(sample.method, target, body, token, {});

        CAPTURE(sample.method);
        CAPTURE(target);
        CAPTURE(c.name);
        CAPTURE(reply.status);
        CAPTURE(reply.body.substr(0, 300));
        CHECK(reply.status < 500);
        if (sample.operator_only) {
          CHECK(reply.status == 401);
          CHECK(s.send(sample.method, target, body, test_metrics_token, {}).status == 200);
        } else if (e.access.who() == api::audience::everyone) {
          CHECK(reply.status != 401);
          CHECK(reply.status != 403);
        } else if (!c.r) {
          CHECK(reply.status == 401);
        } else if (!e.access.admits(*c.r)) {
          CHECK(reply.status == 403);
        } else if (sample.scoped && c.other_organisation && c.r != role::sysadmin) {
          // Inside the policy but not this organisation's case: refused, never served.
          CHECK((reply.status == 403 || reply.status == 404 || reply.status == 422));
        } else {
          CHECK(reply.status != 401);
          CHECK(reply.status != 403);
          if (sample.scoped) {
            CHECK(reply.status != 404);  // its own organisation's case is visible to it
          }
        }
      }
    }
  }
}

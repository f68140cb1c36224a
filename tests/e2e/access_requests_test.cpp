// Requests check the role as well as the organisation (issue 12: the `applicant` role read every
// request of its organisation, with the applicants' NIK, address, e-mail and phone).
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;
using domain::role;

TEST_SUITE("e2e access requests") {
  TEST_CASE("a role that reads no requests is refused at the respondent body, whatever the organisation") {
    live_server s;
    actors a(s);
    const auto id = str(create(s, a.ppid).at("id"));
    // Accounts at the respondent body that are not its PPID officers. The API refuses to create such
    // combinations (roles must fit the organisation); the CLI and old data may still hold them.
    const auto applicant = s.token_for("pemohon.pkp", role::applicant, "kpu-pangkalpinang");
    const auto misfiled_admin = s.token_for("admin.pkp", role::ki_admin, "kpu-pangkalpinang");
    const auto sysadmin = s.token_for("root.pkp", role::sysadmin, "kpu-pangkalpinang");

    for (const auto& token : {applicant, sysadmin}) {
      // Outside the routes' policy: 403 on every request route, before anything is read.
      CHECK(s.get("/api/v1/requests", token).status == 403);
      CHECK(s.get("/api/v1/requests/" + id, token).status == 403);
      CHECK(s.get("/api/v1/requests/" + id + "/events", token).status == 403);
      CHECK(act(s, token, id, "close", {{"reason", "x"}}).status == 403);
      const auto created = s.post("/api/v1/requests", boost::json::serialize(new_request()), token);
      CHECK(created.status == 403);
      CHECK(created.body.find("1971014101900001") == std::string::npos);
    }
    // A KI role at a respondent body passes the route policy (KI staff read disputed requests) but is
    // not the respondent's officer: the list is refused and the case is invisible.
    const auto list = s.get("/api/v1/requests", misfiled_admin);
    CHECK(list.status == 403);
    CHECK(list.body.find("1971014101900001") == std::string::npos);
    CHECK(s.get("/api/v1/requests/" + id, misfiled_admin).status == 404);
    CHECK(s.get("/api/v1/requests/" + id + "/events", misfiled_admin).status == 404);

    // The respondent's officers still read everything, personal data included.
    const auto own = s.get("/api/v1/requests/" + id, a.atasan);
    REQUIRE(own.status == 200);
    CHECK(str(json_of(own).at("applicant").at("id_number")) == "1971014101900001");
    CHECK(json_of(s.get("/api/v1/requests", a.ppid)).at("items").as_array().size() == 1);
    CHECK(s.get("/api/v1/requests/" + id + "/events", a.ppid).status == 200);
    // Another body's PPID: 404 for the case, an empty list.
    CHECK(s.get("/api/v1/requests/" + id, a.other).status == 404);
    CHECK(json_of(s.get("/api/v1/requests", a.other)).at("items").as_array().empty());
  }

  TEST_CASE("at a KI only its case staff read requests, and only those disputed before it") {
    live_server s;
    actors a(s);
    create(s, a.ppid);
    const auto applicant = s.token_for("pemohon.babel", role::applicant, "ki-babel");
    const auto registrar = s.token_for("panitera.babel", role::registrar, "ki-babel");
    CHECK(s.get("/api/v1/requests", applicant).status == 403);
    const auto list = s.get("/api/v1/requests", registrar);
    REQUIRE(list.status == 200);
    CHECK(json_of(list).at("items").as_array().empty());  // nothing disputed at ki-babel yet
  }
}

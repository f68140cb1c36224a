// Sessions, users and organisation scope through the real server.
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

std::string first_error_field(const http_reply& r) {
  return std::string{json_of(r).at("errors").as_array().at(0).at("field").as_string()};
}

}  // namespace

TEST_SUITE("e2e accounts") {
  TEST_CASE("log in, see me, log out: the token is then refused") {
    live_server s;
    s.add_user("panitera", "rahasia-panitera", {role::registrar}, "ki-babel");
    const auto login = s.post("/api/v1/sessions", R"({"username":"panitera","password":"rahasia-panitera"})");
    REQUIRE(login.status == 201);
    const auto body = json_of(login);
    const std::string token{body.at("token").as_string()};
    CHECK(token.size() == 64);
    CHECK(body.at("user").at("organisation").as_string() == "ki-babel");
    CHECK(body.at("expires_at").as_string() == "2024-02-07T22:15:00+07:00");  // 12 h session
    CHECK_FALSE(login.header("Set-Cookie"));  // a token session; the browser asks for a cookie one

    const auto me = s.get("/api/v1/me", token);
    REQUIRE(me.status == 200);
    CHECK(json_of(me).at("organisation").at("code").as_string() == "ki-babel");
    CHECK(json_of(me).at("roles").as_array().at(0).as_string() == "registrar");

    CHECK(s.del("/api/v1/sessions/current", token).status == 204);
    CHECK(s.get("/api/v1/me", token).status == 401);
  }

  TEST_CASE("bad credentials are 401 (the throttle: login_test.cpp)") {
    live_server s;
    s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    const auto wrong = s.post("/api/v1/sessions", R"({"username":"ppid","password":"salah"})");
    CHECK(wrong.status == 401);
    const auto unknown = s.post("/api/v1/sessions", R"({"username":"tidak-ada","password":"salah"})");
    CHECK(unknown.status == 401);
    CHECK(json_of(wrong).at("detail") == json_of(unknown).at("detail"));  // no hint which names exist
  }

  TEST_CASE("an expired token is refused") {
    live_server s;
    const auto token = s.token_for("komisioner", role::commissioner, "ki-babel");
    CHECK(s.get("/api/v1/me", token).status == 200);
    s.clock().advance(std::chrono::hours{12});
    const auto r = s.get("/api/v1/me", token);
    CHECK(r.status == 401);
    CHECK(r.header("WWW-Authenticate"));
  }

  TEST_CASE("missing or malformed credentials are 401") {
    live_server s;
    CHECK(s.get("/api/v1/me").status == 401);
    CHECK(s.get("/api/v1/me", "not-a-token").status == 401);
    CHECK(s.get("/api/v1/me", {}, {{"Authorization", "Basic abc"}}).status == 401);
  }

  TEST_CASE("the browser cookie authenticates, and cookie writes need X-Requested-With") {
    live_server s;
    s.add_user("admin.babel", "rahasia-admin-babel", {role::ki_admin}, "ki-babel");
    const auto login =
        s.post("/api/v1/sessions", R"({"username":"admin.babel","password":"rahasia-admin-babel","cookie":true})");
    const auto set_cookie = login.header("Set-Cookie");
    REQUIRE(set_cookie);
    CHECK(set_cookie->find("HttpOnly") != std::string::npos);
    CHECK(set_cookie->find("SameSite=Strict") != std::string::npos);
    const header_list cookie{{"Cookie", "theme=dark; " + set_cookie->substr(0, set_cookie->find(';'))}};
    CHECK(s.get("/api/v1/me", {}, cookie).status == 200);
    const std::string user = R"({"username":"baru","display_name":"Baru","password":"rahasia-baru-1","roles":["registrar"]})";
    CHECK(s.post("/api/v1/users", user, {}, cookie).status == 403);
    auto with_header = cookie;
    with_header.emplace_back("X-Requested-With", "perkara");
    CHECK(s.post("/api/v1/users", user, {}, with_header).status == 201);
  }

  TEST_CASE("user administration is scoped to the admin's organisation") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto registrar = s.token_for("panitera", role::registrar, "ki-babel");
    const auto other_id = s.add_user("ppid.kpu", "rahasia-ppid-kpu", {role::ppid}, "kpu-pangkalpinang");

    SUBCASE("a ki_admin creates users in its own organisation only") {
      const auto created = s.post(
          "/api/v1/users",
          R"({"username":"panitera2","display_name":"Panitera Dua","password":"rahasia-panitera2","roles":["registrar"]})",
          admin);
      REQUIRE(created.status == 201);
      CHECK(json_of(created).at("organisation").as_string() == "ki-babel");
      const auto elsewhere = s.post(
          "/api/v1/users",
          R"({"username":"x1","display_name":"X","password":"rahasia-x1-abc","roles":["ppid"],"organisation":"kpu-bangka"})",
          admin);
      CHECK(elsewhere.status == 422);
      CHECK(first_error_field(elsewhere) == "organisation");
      CHECK(s.get("/api/v1/users/" + other_id, admin).status == 404);
      CHECK(s.get("/api/v1/users?organisation=kpu-pangkalpinang", admin).status == 404);
    }
    SUBCASE("a sysadmin manages every organisation") {
      CHECK(s.get("/api/v1/users/" + other_id, sysadmin).status == 200);
      const auto list = s.get("/api/v1/users?organisation=kpu-pangkalpinang", sysadmin);
      REQUIRE(list.status == 200);
      CHECK(json_of(list).at("items").as_array().size() == 1);
    }
    SUBCASE("other roles may not administer users") {
      CHECK(s.get("/api/v1/users", registrar).status == 403);
      CHECK(s.post("/api/v1/users", R"({"username":"z"})", registrar).status == 403);
    }
    SUBCASE("validation names every bad field and changes nothing") {
      const auto bad = s.post("/api/v1/users",
                              R"({"username":"Bad Name","display_name":"","password":"short","roles":["king"]})", admin);
      REQUIRE(bad.status == 422);
      CHECK(bad.header("Content-Type") == std::optional<std::string>{"application/problem+json"});
      std::vector<std::string> fields;
      const auto problem = json_of(bad);
      for (const auto& e : problem.at("errors").as_array()) {
        fields.emplace_back(e.at("field").as_string());
      }
      CHECK(std::find(fields.begin(), fields.end(), "username") != fields.end());
      CHECK(std::find(fields.begin(), fields.end(), "display_name") != fields.end());
      CHECK(std::find(fields.begin(), fields.end(), "password") != fields.end());
      CHECK(std::find(fields.begin(), fields.end(), "roles") != fields.end());
      CHECK(json_of(s.get("/api/v1/users", admin)).at("items").as_array().size() == 2);  // admin + panitera
    }
    SUBCASE("deactivating a user ends its sessions; a duplicate username is refused") {
      const auto users = json_of(s.get("/api/v1/users", admin)).at("items").as_array();
      std::string panitera_id;
      for (const auto& u : users) {
        if (u.at("username").as_string() == "panitera") {
          panitera_id = std::string{u.at("id").as_string()};
        }
      }
      REQUIRE(!panitera_id.empty());
      CHECK(s.patch("/api/v1/users/" + panitera_id, R"({"active":false})", admin).status == 200);
      CHECK(s.get("/api/v1/me", registrar).status == 401);
      const auto dup = s.post(
          "/api/v1/users",
          R"({"username":"panitera","display_name":"Dup","password":"rahasia-dup-123","roles":["registrar"]})", admin);
      CHECK(dup.status == 422);
      CHECK(first_error_field(dup) == "username");
    }
  }

  TEST_CASE("organisations are public reference data with competent KI") {
    live_server s;
    const auto all = s.get("/api/v1/organisations");
    REQUIRE(all.status == 200);
    CHECK(json_of(all).at("items").as_array().size() == 1142);
    const auto kis = s.get("/api/v1/organisations?kind=ki");
    CHECK(json_of(kis).at("items").as_array().size() == 35);  // KI Pusat and 34 provincial KIs
    const auto kpu = s.get("/api/v1/organisations/kpu-pangkalpinang");
    REQUIRE(kpu.status == 200);
    CHECK(json_of(kpu).at("competent_ki").as_string() == "ki-babel");
    CHECK(json_of(kpu).at("utc_offset").as_string() == "+07:00");
    CHECK(s.get("/api/v1/organisations/tidak-ada").status == 404);
    const auto bad = s.get("/api/v1/organisations?kind=partai");
    CHECK(bad.status == 422);
    CHECK(first_error_field(bad) == "kind");
    CHECK(json_of(kpu).at("region_name").as_string() == "Kota Pangkal Pinang");

    // The pickers narrow the national list by province and by part of a name.
    struct filter {
      const char* query;
      std::size_t count;
    };
    // Province 19: KPU and Bawaslu of its 7 kab/kota, and its KI, KPU and Bawaslu.
    for (const auto& f : {filter{"?province=19", 2 * 7 + 3},
                          filter{"?province=19&kind=kpu&level=regency", 7},
                          filter{"?kind=kpu&level=province", 38},
                          filter{"?q=pangkal", 2},
                          filter{"?q=BANGKA%20BARAT", 2}}) {
      CAPTURE(f.query);
      const auto r = s.get(std::string("/api/v1/organisations") + f.query);
      REQUIRE(r.status == 200);
      CHECK(json_of(r).at("items").as_array().size() == f.count);
    }
    const auto bad_province = s.get("/api/v1/organisations?province=Babel");
    CHECK(bad_province.status == 422);
    CHECK(first_error_field(bad_province) == "province");
  }

  TEST_CASE("data survives a restart") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    REQUIRE(s.post("/api/v1/users",
                   R"({"username":"tetap","display_name":"Tetap","password":"rahasia-tetap-1","roles":["registrar"]})",
                   admin)
                .status == 201);
    s.restart();
    CHECK(s.get("/api/v1/me", admin).status == 200);  // the session too
    CHECK_NOTHROW(s.login("tetap", "rahasia-tetap-1"));
  }
}

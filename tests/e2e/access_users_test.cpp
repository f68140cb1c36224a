// Who manages whom (docs/security.md): the issue 12 account takeover of a sysadmin by a ki_admin of
// the same organisation, roles that must fit the organisation, and admins who would lock themselves out.
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

bool lists_user(const http_reply& r, std::string_view id) {
  const auto body = json_of(r);
  const auto& items = body.at("items").as_array();
  return std::any_of(items.begin(), items.end(), [&](const auto& u) { return u.at("id").as_string() == id; });
}

}  // namespace

TEST_SUITE("e2e access users") {
  TEST_CASE("a ki_admin cannot see, change, demote or deactivate a sysadmin of its own organisation") {
    // Issue 12 (critical): PATCH /api/v1/users/{sysadmin} with a new password answered 200 to the
    // ki_admin of ki-pusat, who then logged in as the sysadmin.
    live_server s;
    const auto root_id = s.add_user("admin", "rahasia-sysadmin-1", {role::sysadmin}, "ki-pusat");
    const auto ki_admin = s.token_for("admin.pusat", role::ki_admin, "ki-pusat");
    const auto registrar_id = s.add_user("panitera.pusat", "rahasia-panitera-1", {role::registrar}, "ki-pusat");

    for (const auto* body : {R"({"password":"diambil-alih-123"})", R"({"roles":["registrar"]})", R"({"active":false})",
                             R"({"display_name":"Bukan admin lagi"})"}) {
      CAPTURE(body);
      CHECK(s.patch("/api/v1/users/" + root_id, body, ki_admin).status == 404);
    }
    CHECK(s.get("/api/v1/users/" + root_id, ki_admin).status == 404);
    const auto list = s.get("/api/v1/users", ki_admin);
    REQUIRE(list.status == 200);
    CHECK_FALSE(lists_user(list, root_id));
    CHECK(lists_user(list, registrar_id));
    // Nothing changed: the old password still works, the new one does not, and the account is active.
    CHECK_NOTHROW(s.login("admin", "rahasia-sysadmin-1"));
    CHECK_THROWS(s.login("admin", "diambil-alih-123"));

    // A user holding sysadmin among other roles is protected the same way.
    const auto dual_id = s.add_user("dual", "rahasia-dual-123", {role::ki_admin, role::sysadmin}, "ki-pusat");
    CHECK(s.patch("/api/v1/users/" + dual_id, R"({"password":"diambil-alih-123"})", ki_admin).status == 404);

    // The ki_admin still manages the rest of its organisation.
    CHECK(s.patch("/api/v1/users/" + registrar_id, R"({"display_name":"Panitera Pusat"})", ki_admin).status == 200);
    // And the sysadmin manages everyone, ki_admins included.
    const auto root = s.login("admin", "rahasia-sysadmin-1");
    const auto list_root = s.get("/api/v1/users?organisation=ki-pusat", root);
    CHECK(lists_user(list_root, root_id));
    const auto ki_admin_id = std::string{json_of(s.get("/api/v1/me", ki_admin)).at("id").as_string()};
    CHECK(s.patch("/api/v1/users/" + ki_admin_id, R"({"password":"baru-dari-root-1"})", root).status == 200);
  }

  TEST_CASE("only a sysadmin grants sysadmin, and every role must fit the organisation's kind") {
    live_server s;
    const auto ki_admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto registrar_id = s.add_user("panitera", "rahasia-panitera-1", {role::registrar}, "ki-babel");
    const auto user = [](const std::string& name, const std::string& roles, const std::string& org) {
      return R"({"username":")" + name + R"(","display_name":"X","password":"rahasia-12345","roles":)" + roles +
             R"(,"organisation":")" + org + R"("})";
    };

    const auto grant = s.patch("/api/v1/users/" + registrar_id, R"({"roles":["sysadmin"]})", ki_admin);
    CHECK(grant.status == 422);
    CHECK(names_field(grant, "roles"));
    CHECK(s.post("/api/v1/users", user("super", R"(["sysadmin"])", "ki-babel"), ki_admin).status == 422);

    struct row {
      const char* what;
      std::string roles;
      std::string organisation;
    };
    const row unfit[] = {
        {"a PPID at a KI", R"(["ppid"])", "ki-babel"},
        {"a PPID superior at a KI", R"(["registrar","ppid_superior"])", "ki-babel"},
        {"a registrar at the KPU", R"(["registrar"])", "kpu-pangkalpinang"},
        {"a ki_admin at Bawaslu", R"(["ki_admin"])", "bawaslu-babel"},
        {"a sysadmin at the KPU", R"(["sysadmin"])", "kpu-pangkalpinang"},
        {"an applicant at the KPU", R"(["applicant"])", "kpu-pangkalpinang"},
    };
    int n = 0;
    for (const auto& r : unfit) {
      CAPTURE(r.what);
      const auto refused = s.post("/api/v1/users", user("unfit" + std::to_string(++n), r.roles, r.organisation), root);
      CHECK(refused.status == 422);
      CHECK(names_field(refused, "roles"));
    }
    const auto to_ppid = s.patch("/api/v1/users/" + registrar_id, R"({"roles":["ppid"]})", ki_admin);
    CHECK(to_ppid.status == 422);
    CHECK(names_field(to_ppid, "roles"));
    CHECK(json_of(s.get("/api/v1/users/" + registrar_id, ki_admin)).at("roles").at(0).as_string() == "registrar");

    CHECK(s.post("/api/v1/users", user("ppid.baru", R"(["ppid","ppid_superior"])", "kpu-pangkalpinang"), root).status == 201);
    CHECK(s.post("/api/v1/users", user("komisioner.baru", R"(["commissioner"])", "ki-babel"), ki_admin).status == 201);
    CHECK(s.post("/api/v1/users", user("pemohon.baru", R"(["applicant"])", "ki-babel"), ki_admin).status == 201);
    CHECK(s.post("/api/v1/users", user("root2", R"(["sysadmin"])", "ki-pusat"), root).status == 201);
  }

  TEST_CASE("an admin cannot deactivate itself or remove its own admin role") {
    live_server s;
    const auto ki_admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto me = [&](const std::string& token) {
      return std::string{json_of(s.get("/api/v1/me", token)).at("id").as_string()};
    };
    const auto ki_admin_id = me(ki_admin);
    const auto root_id = me(root);

    const auto off = s.patch("/api/v1/users/" + ki_admin_id, R"({"active":false})", ki_admin);
    CHECK(off.status == 422);
    CHECK(names_field(off, "active"));
    const auto demoted = s.patch("/api/v1/users/" + ki_admin_id, R"({"roles":["registrar"]})", ki_admin);
    CHECK(demoted.status == 422);
    CHECK(names_field(demoted, "roles"));
    const auto root_demoted = s.patch("/api/v1/users/" + root_id, R"({"roles":["ki_admin"]})", root);
    CHECK(root_demoted.status == 422);
    CHECK(names_field(root_demoted, "roles"));
    // Adding a role to oneself while keeping the admin role is allowed.
    CHECK(s.patch("/api/v1/users/" + ki_admin_id, R"({"roles":["ki_admin","registrar"]})", ki_admin).status == 200);
    CHECK(s.get("/api/v1/users", ki_admin).status == 200);
    CHECK(s.get("/api/v1/users", root).status == 200);
  }
}

// Issue 17 "Everyday use" on the API: the pickers' staff list (GET /api/v1/ki-staff), the dispute
// board's list carrying what is awaited and the working days left (no per-case reads), and an admin's
// password reset ending the user's sessions (docs/security.md, docs/web.md).
#include "e2e/disputes_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;
using domain::role;

TEST_SUITE("e2e everyday") {
  TEST_CASE(
      "pickers list the KI's own staff, the dispute list says what is awaited and the working days "
      "left, an admin's password reset ends the user's sessions") {
    fixture f;
    auto& s = f.s;
    auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    s.add_user("komisioner.dua", "rahasia-komisioner-2", {role::commissioner}, "ki-babel");
    const auto gone = s.add_user("komisioner.lama", "rahasia-komisioner-3", {role::commissioner}, "ki-babel");
    REQUIRE(s.patch("/api/v1/users/" + gone, R"({"active":false})", admin).status == 200);
    s.add_user("komisioner.pusat", "rahasia-komisioner-4", {role::commissioner}, "ki-pusat");

    // The staff list: the active commissioners and registrars of the caller's own KI, by username and
    // display name only; the same for every KI role; nobody outside the KI.
    const auto staff = s.get("/api/v1/ki-staff", f.commissioner);
    REQUIRE_MESSAGE(staff.status == 200, staff.body);
    std::vector<std::string> names;
    const auto staff_json = json_of(staff);
    for (const auto& m : staff_json.at("items").as_array()) {
      CHECK(m.as_object().size() == 3);  // username, display_name, roles
      names.emplace_back(m.at("username").as_string());
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"komisioner", "komisioner.dua", "panitera"});
    CHECK(s.get("/api/v1/ki-staff", f.registrar).body == staff.body);
    CHECK(s.get("/api/v1/ki-staff", admin).body == staff.body);
    CHECK(s.get("/api/v1/ki-staff", f.ppid).status == 403);

    // The list item carries the case page's `awaiting` and the working days to next_due, counted as
    // the case page counts that clock.
    const auto submitted = f.submit();
    const auto registered = f.submit();
    f.act(registered, "register", "{}", f.registrar);
    f.advance_days(3);
    admin = s.login("admin.babel", "password-admin.babel");
    const auto list = json_of(s.get("/api/v1/disputes", f.registrar));
    int seen = 0;
    for (const auto& item : list.at("items").as_array()) {
      const auto id = std::string(item.at("id").as_string());
      CAPTURE(id);
      const auto full = f.get(id, f.registrar);
      CHECK(item.at("awaiting") == full.at("awaiting"));
      seen += id == submitted || id == registered ? 1 : 0;
      if (item.at("next_due").is_null()) {
        CHECK(item.at("days_remaining").is_null());
        continue;
      }
      const auto& deadlines = full.at("deadlines").as_array();
      const auto due = std::find_if(deadlines.begin(), deadlines.end(), [&](const auto& d) {
        const auto status = d.at("status").as_string();
        return d.at("due") == item.at("next_due") && (status == "pending" || status == "missed");
      });
      REQUIRE(due != deadlines.end());
      CHECK(item.at("days_remaining") == due->at("days_remaining"));
    }
    CHECK(seen == 2);
    // The PPID's list of the disputes against its office carries the same.
    const auto ppid_list = json_of(s.get("/api/v1/disputes", f.ppid));
    REQUIRE(ppid_list.at("items").as_array().size() == 2);
    CHECK(ppid_list.at("items").as_array()[0].as_object().contains("days_remaining"));

    // Password reset: the admin sets a new password; the user's sessions end, the new one logs in, the
    // audit says the password changed and never what it is.
    const auto me = json_of(s.get("/api/v1/me", f.registrar));
    const auto user_id = std::string(me.at("id").as_string());
    const auto short_password = s.patch("/api/v1/users/" + user_id, R"({"password":"pendek"})", admin);
    CHECK_MESSAGE(short_password.status == 422, short_password.body);
    CHECK(s.get("/api/v1/me", f.registrar).status == 200);
    REQUIRE(s.patch("/api/v1/users/" + user_id, R"({"password":"setel-ulang-123"})", admin).status == 200);
    CHECK(s.get("/api/v1/me", f.registrar).status == 401);
    CHECK_THROWS(s.login("panitera", "password-panitera"));
    CHECK_NOTHROW(s.login("panitera", "setel-ulang-123"));
    const auto trail = s.get("/api/v1/audit?object_id=" + user_id, admin);
    REQUIRE(trail.status == 200);
    CHECK(trail.body.find(R"("password_changed":true)") != std::string::npos);
    CHECK(trail.body.find("setel-ulang-123") == std::string::npos);
  }
}

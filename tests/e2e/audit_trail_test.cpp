// The audit trail: before/after values of changes to users, rule sets and holidays, and
// GET /api/v1/audit (scope per role, filters, keyset paging) through the real server.
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <doctest/doctest.h>

#include <set>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

// The items of one audit page; fails the test unless the page is 200.
boost::json::array audit_items(live_server& s, const std::string& query, const std::string& token) {
  const auto r = s.get("/api/v1/audit" + query, token);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return json_of(r).at("items").as_array();
}

// The only entry with this action, as the audit API shows it.
boost::json::object only_entry(live_server& s, const std::string& action, const std::string& token) {
  const auto items = audit_items(s, "?action=" + action, token);
  REQUIRE(items.size() == 1);
  CHECK(items[0].at("action").as_string() == action);
  return items[0].as_object();
}

}  // namespace

TEST_SUITE("e2e audit trail") {
  TEST_CASE("a user change records the old and new values, and a password only as changed") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto id = s.add_user("panitera", "rahasia-panitera", {role::registrar}, "ki-babel");
    const auto r = s.patch("/api/v1/users/" + id,
                           R"({"display_name":"Panitera Baru","roles":["registrar","commissioner"],"active":false,)"
                           R"("password":"kata-sandi-baru-123"})",
                           admin);
    REQUIRE(r.status == 200);

    const auto entry = only_entry(s, "user.update", admin);
    CHECK(entry.at("object").at("type").as_string() == "user");
    CHECK(entry.at("object").at("id").as_string() == id);
    CHECK(entry.at("object").at("label").as_string() == "panitera");  // what a person reads, not the id
    CHECK(entry.at("actor").at("username").as_string() == "admin.babel");
    CHECK(entry.at("organisation").at("name").as_string() == "Komisi Informasi Provinsi Kepulauan Bangka Belitung");
    const auto& details = entry.at("details");
    CHECK(details.at("before").at("display_name").as_string() == "panitera");
    CHECK(details.at("after").at("display_name").as_string() == "Panitera Baru");
    CHECK(details.at("before").at("roles") == boost::json::parse(R"(["registrar"])"));
    CHECK(details.at("after").at("roles") == boost::json::parse(R"(["registrar","commissioner"])"));
    CHECK(details.at("before").at("active").as_bool());
    CHECK_FALSE(details.at("after").at("active").as_bool());
    CHECK(details.at("password_changed").as_bool());
    // Unchanged fields are left out, and the password is nowhere: neither its value nor its hash.
    CHECK_FALSE(details.at("after").as_object().contains("username"));
    CHECK_FALSE(details.at("after").as_object().contains("password"));
    auto db = s.database().open(1);
    auto tx = db->begin(ports::access::read);
    for (const auto& e : tx->audit().list("user", id)) {
      CHECK(e.details_json.find("kata-sandi-baru") == std::string::npos);
      CHECK(e.details_json.find("$argon2") == std::string::npos);
    }
  }

  TEST_CASE("a new user is recorded with its fields as after and null before") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto r = s.post(
        "/api/v1/users",
        R"({"username":"baru","display_name":"Pengguna Baru","password":"rahasia-baru-123","roles":["registrar"]})",
        admin);
    REQUIRE(r.status == 201);
    const auto entry = only_entry(s, "user.create", admin);
    CHECK(entry.at("details").at("before").is_null());
    CHECK(entry.at("details").at("after").at("username").as_string() == "baru");
    CHECK(entry.at("details").at("after").at("organisation").as_string() == "ki-babel");
    CHECK(boost::json::serialize(entry).find("rahasia-baru") == std::string::npos);
  }

  TEST_CASE("a rule set version records the version it supersedes and the new one") {
    live_server s;
    const auto admin = s.token_for("root", role::sysadmin, "ki-pusat");
    auto perki = json_of(s.get("/api/v1/rulesets/perki_1_2019"));
    boost::json::array periods = perki.at("periods").as_array();
    for (auto& p : periods) {
      if (p.at("key").as_string() == "objection_filing") {
        p.as_object()["value"] = 5;
      }
    }
    boost::json::object next{{"effective_from", "2025-01-01"}, {"periods", periods}};
    REQUIRE(s.post("/api/v1/rulesets/perki_1_2019/versions", boost::json::serialize(next), admin).status == 201);

    const auto entry = only_entry(s, "ruleset.version.create", admin);
    CHECK(entry.at("object").at("id").as_string() == "perki_1_2019@2");
    const auto& details = entry.at("details");
    CHECK(details.at("before").at("version").as_int64() == 1);
    CHECK(details.at("after").at("version").as_int64() == 2);
    CHECK(details.at("after").at("effective_from").as_string() == "2025-01-01");
    const auto value_of = [](const boost::json::value& rs) {
      for (const auto& p : rs.at("periods").as_array()) {
        if (p.at("key").as_string() == "objection_filing") {
          return p.at("value");
        }
      }
      return boost::json::value{};
    };
    CHECK(value_of(details.at("before")) != boost::json::value(5));
    CHECK(value_of(details.at("after")) == boost::json::value(5));
  }

  TEST_CASE("adding and removing a holiday records the whole holiday as after, then as before") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto added = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-03-06","kind":"local","name":"Tutup kantor","name_en":"Office closed","source":"SK-1"})",
        admin);
    REQUIRE(added.status == 201);
    REQUIRE(s.del("/api/v1/holidays/2024-03-06?organisation=ki-babel", admin).status == 200);

    const auto create = only_entry(s, "holiday.create", admin);
    CHECK(create.at("object").at("id").as_string() == "2024-03-06");
    CHECK(create.at("details").at("before").is_null());
    const auto& holiday = create.at("details").at("after");
    CHECK(holiday.at("date").as_string() == "2024-03-06");
    CHECK(holiday.at("kind").as_string() == "local");
    CHECK(holiday.at("name").as_string() == "Tutup kantor");
    CHECK(holiday.at("name_en").as_string() == "Office closed");
    CHECK(holiday.at("source").as_string() == "SK-1");
    CHECK(holiday.at("organisation").as_string() == "ki-babel");
    CHECK(create.at("details").at("moved_deadlines").is_array());

    const auto removed = only_entry(s, "holiday.delete", admin);
    CHECK(removed.at("details").at("before") == holiday);
    CHECK(removed.at("details").at("after").is_null());
  }

  TEST_CASE("a ki_admin reads only its own organisation's entries, other roles are refused") {
    live_server s;
    const auto babel = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto pusat = s.token_for("admin.pusat", role::ki_admin, "ki-pusat");
    const auto registrar = s.token_for("panitera", role::registrar, "ki-babel");
    const auto ppid = s.token_for("ppid", role::ppid, "kpu-pangkalpinang");
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");
    // A failed login against a ki-babel user, as the login handler records it: no actor.
    {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::write);
      tx->audit().append({"", "ki-babel", s.clock().now(), "session.login_failed", "user", "",
                          R"({"username":"panitera","client_address":"127.0.0.1","reason":"bad_password"})"});
      tx->commit();
    }

    const auto own = audit_items(s, "", babel);
    REQUIRE_FALSE(own.empty());
    std::set<std::string> actions;
    for (const auto& e : own) {
      CHECK(e.at("organisation").at("code").as_string() == "ki-babel");
      actions.insert(std::string{e.at("action").as_string()});
    }
    CHECK(actions.contains("session.login_failed"));
    const auto failed = only_entry(s, "session.login_failed", babel);
    CHECK(failed.at("actor").is_null());
    CHECK(failed.at("actor_kind").as_string() == "anonymous");
    CHECK(failed.at("details").at("username").as_string() == "panitera");

    // Asking for another organisation is refused, not silently narrowed.
    CHECK(s.get("/api/v1/audit?organisation=ki-pusat", babel).status == 403);
    for (const auto& e : audit_items(s, "", pusat)) {
      CHECK(e.at("organisation").at("code").as_string() == "ki-pusat");
    }
    CHECK(s.get("/api/v1/audit", registrar).status == 403);
    CHECK(s.get("/api/v1/audit", ppid).status == 403);
    CHECK(s.get("/api/v1/audit").status == 401);

    // The sysadmin reads every organisation, or one.
    std::set<std::string> organisations;
    for (const auto& e : audit_items(s, "?limit=200", root)) {
      organisations.insert(std::string{e.at("organisation").at("code").as_string()});
    }
    CHECK(organisations == std::set<std::string>{"ki-babel", "ki-pusat", "kpu-pangkalpinang"});
    for (const auto& e : audit_items(s, "?organisation=kpu-pangkalpinang", root)) {
      CHECK(e.at("organisation").at("code").as_string() == "kpu-pangkalpinang");
      CHECK(e.at("actor").at("username").as_string() == "ppid");
    }
  }

  TEST_CASE("filters: action prefix, object, actor and local dates") {
    live_server s;
    s.add_user("admin.babel", "rahasia-admin-babel", {role::ki_admin}, "ki-babel");
    const auto first = s.login("admin.babel", "rahasia-admin-babel");
    const auto id = s.add_user("panitera", "rahasia-panitera", {role::registrar}, "ki-babel");
    REQUIRE(s.patch("/api/v1/users/" + id, R"({"display_name":"Satu"})", first).status == 200);
    // The next day (2024-02-08, local time; sessions last 12 h) another change, by another admin.
    s.clock().advance(std::chrono::hours{24});
    const auto admin = s.login("admin.babel", "rahasia-admin-babel");
    const auto other = s.token_for("admin.dua", role::ki_admin, "ki-babel");
    REQUIRE(s.patch("/api/v1/users/" + id, R"({"display_name":"Dua"})", other).status == 200);
    REQUIRE(s.post("/api/v1/holidays", R"({"date":"2024-03-06","kind":"local","name":"X","source":"Y"})", other)
                .status == 201);

    CHECK(audit_items(s, "?action=user.", admin).size() == 2);
    CHECK(audit_items(s, "?action=session.", admin).size() == 3);  // two logins of admin.babel, one of admin.dua
    CHECK(audit_items(s, "?action=holiday.", admin).size() == 1);
    CHECK(audit_items(s, "?action=user.updatex", admin).empty());
    CHECK(audit_items(s, "?object_type=user&object_id=" + id, admin).size() == 2);
    CHECK(audit_items(s, "?object_type=holiday", admin).size() == 1);
    const auto by_other = audit_items(s, "?actor=admin.dua", admin);
    REQUIRE(by_other.size() == 3);  // its login, the user change and the holiday
    for (const auto& e : by_other) {
      CHECK(e.at("actor").at("username").as_string() == "admin.dua");
    }
    CHECK(audit_items(s, "?actor=nobody", admin).empty());

    const auto first_day = audit_items(s, "?action=user.&from=2024-02-07&to=2024-02-07", admin);
    REQUIRE(first_day.size() == 1);
    CHECK(first_day[0].at("details").at("after").at("display_name").as_string() == "Satu");
    CHECK(first_day[0].at("at").as_string() == "2024-02-07T10:15:00+07:00");
    const auto second_day = audit_items(s, "?action=user.&from=2024-02-08", admin);
    REQUIRE(second_day.size() == 1);
    CHECK(second_day[0].at("details").at("after").at("display_name").as_string() == "Dua");
    CHECK(audit_items(s, "?to=2024-02-06", admin).empty());

    CHECK(s.get("/api/v1/audit?from=2024-02-31", admin).status == 422);
    CHECK(s.get("/api/v1/audit?from=2024-02-08&to=2024-02-07", admin).status == 422);
    CHECK(s.get("/api/v1/audit?limit=201", admin).status == 422);
    CHECK(s.get("/api/v1/audit?limit=0", admin).status == 422);
  }

  TEST_CASE("keyset paging walks every entry once, newest first, across entries of the same second") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto id = s.add_user("panitera", "rahasia-panitera", {role::registrar}, "ki-babel");
    // Seven changes, the first four within one second, then one per minute.
    for (int i = 0; i < 7; ++i) {
      if (i >= 4) {
        s.clock().advance(std::chrono::minutes{1});
      }
      REQUIRE(s.patch("/api/v1/users/" + id, R"({"display_name":"Nama )" + std::to_string(i) + R"("})", admin)
                  .status == 200);
    }
    std::vector<std::string> names;
    std::string cursor;
    int pages = 0;
    do {
      const auto r = s.get("/api/v1/audit?action=user.update&limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor),
                           admin);
      REQUIRE(r.status == 200);
      const auto body = json_of(r);
      for (const auto& e : body.at("items").as_array()) {
        names.emplace_back(e.at("details").at("after").at("display_name").as_string());
      }
      cursor = body.at("next_cursor").is_null() ? "" : std::string{body.at("next_cursor").as_string()};
      ++pages;
    } while (!cursor.empty() && pages < 10);
    CHECK(pages == 3);
    CHECK(names == std::vector<std::string>{"Nama 6", "Nama 5", "Nama 4", "Nama 3", "Nama 2", "Nama 1", "Nama 0"});

    CHECK(s.get("/api/v1/audit?cursor=zz", admin).status == 400);
    CHECK(s.get("/api/v1/audit?cursor=6162", admin).status == 400);
  }
}

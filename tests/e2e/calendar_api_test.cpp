// The statutory clock through the API: calculator, holiday administration with recalculation of open
// clocks, and rule-set versions.
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

std::string error_field(const http_reply& r) {
  return std::string{json_of(r).at("errors").as_array().at(0).at("field").as_string()};
}

// A running ppid_response clock at KPU Pangkalpinang: received Monday 12 Feb 2024, 09:00 WIB, 3 HK.
std::string insert_open_clock(const live_server& s) {
  auto db = s.database().open(1);
  auto tx = db->begin(ports::access::write);
  domain::deadline_record r;
  r.case_type = "request";
  r.case_id = "req-demo-1";
  r.key = "ppid_response";
  r.organisation = "kpu-pangkalpinang";
  r.ruleset = "perki_1_2019";
  r.ruleset_version = 1;
  r.start_at = domain::parse_rfc3339("2024-02-12T09:00:00+07:00")->utc;
  r.days = 3;
  r.unit = domain::period_unit::working_days;
  r.due = *domain::parse_iso_date("2024-02-16");  // 13, 15, 16: the 14th is the election day
  const auto id = tx->deadlines().save(r);
  tx->commit();
  return id;
}

std::string due_of(const live_server& s, const std::string& case_id) {
  auto db = s.database().open(1);
  auto tx = db->begin(ports::access::read);
  return domain::format_iso_date(tx->deadlines().for_case("request", case_id).at(0).due);
}

}  // namespace

TEST_SUITE("e2e calendar") {
  TEST_CASE("the calculator answers the contract's example with its explanation") {
    live_server s;
    const auto r = s.get("/api/v1/calendar/deadline?from=2024-02-07&days=3");
    REQUIRE(r.status == 200);
    const auto body = json_of(r);
    CHECK(body.at("from").as_string() == "2024-02-07");
    CHECK(body.at("deemed_received").as_string() == "2024-02-07");
    CHECK(body.at("due").as_string() == "2024-02-15");
    CHECK(body.at("unit").as_string() == "working_days");
    const auto& skipped = body.at("skipped").as_array();
    REQUIRE(skipped.size() == 5);
    CHECK(skipped[0].at("date").as_string() == "2024-02-08");
    CHECK(skipped[0].at("reason").as_string() == "national");
    CHECK(skipped[1].at("reason").as_string() == "cuti_bersama");
    CHECK(skipped[4].at("date").as_string() == "2024-02-14");
    CHECK(skipped[4].at("reason").as_string() == "election");
  }

  TEST_CASE("a receipt after office hours on a Friday counts from Monday") {
    live_server s;
    const auto r = s.get("/api/v1/calendar/deadline?received_at=2024-03-01T16:30:00%2B07:00&days=3&organisation=kpu-pangkalpinang");
    REQUIRE(r.status == 200);
    const auto body = json_of(r);
    CHECK(body.at("deemed_received").as_string() == "2024-03-04");
    CHECK(body.at("deemed_reason").as_string() == "after_office_hours");
    CHECK(body.at("due").as_string() == "2024-03-07");
  }

  TEST_CASE("calculator input errors name the parameter") {
    live_server s;
    struct row {
      const char* target;
      const char* field;
    };
    const row rows[] = {
        {"/api/v1/calendar/deadline?from=2024-13-01&days=3", "from"},
        {"/api/v1/calendar/deadline?from=2024-02-07&days=-1", "days"},
        {"/api/v1/calendar/deadline?from=2024-02-07&days=100000", "days"},
        {"/api/v1/calendar/deadline?from=2024-02-07&days=tiga", "days"},
        {"/api/v1/calendar/deadline?from=2024-02-07", "days"},
        {"/api/v1/calendar/deadline?days=3", "from"},
        {"/api/v1/calendar/deadline?from=2024-02-07&days=3&unit=hours", "unit"},
        {"/api/v1/calendar/deadline?from=2024-02-07&days=3&organisation=ki-atlantis", "organisation"},
        {"/api/v1/calendar/deadline?received_at=yesterday&days=3", "received_at"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.target);
      const auto reply = s.get(r.target);
      CHECK(reply.status == 422);
      CHECK(error_field(reply) == r.field);
    }
  }

  TEST_CASE("removing and restoring a holiday moves open clocks, records why, and is audited") {
    live_server s;
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    insert_open_clock(s);
    REQUIRE(due_of(s, "req-demo-1") == "2024-02-16");

    const auto preview = s.del("/api/v1/holidays/2024-02-14?preview=true", sysadmin);
    REQUIRE(preview.status == 200);
    CHECK(json_of(preview).at("moved_deadlines").as_array().size() == 1);
    CHECK(due_of(s, "req-demo-1") == "2024-02-16");  // a preview changes nothing

    const auto removed = s.del("/api/v1/holidays/2024-02-14", sysadmin);
    REQUIRE(removed.status == 200);
    const auto removed_body = json_of(removed);
    const auto& moved = removed_body.at("moved_deadlines").as_array();
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].at("from").as_string() == "2024-02-16");
    CHECK(moved[0].at("to").as_string() == "2024-02-15");
    CHECK(due_of(s, "req-demo-1") == "2024-02-15");

    const auto restored = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-02-14","kind":"election","name":"Pemungutan suara Pemilu 2024","name_en":"General election voting day","source":"Keppres-10-2024"})",
        sysadmin);
    REQUIRE(restored.status == 201);
    CHECK(due_of(s, "req-demo-1") == "2024-02-16");

    auto db = s.database().open(1);
    auto tx = db->begin(ports::access::read);
    const auto events = tx->events().for_case("request", "req-demo-1");
    REQUIRE(events.size() == 2);
    CHECK(events[0].action == "deadline_moved");
    CHECK(events[0].payload_json.find("2024-02-15") != std::string::npos);
    CHECK(events[1].payload_json.find("Pemungutan suara") != std::string::npos);
    const auto audit = tx->audit().list("holiday", "2024-02-14");
    CHECK(audit.size() == 2);
  }

  TEST_CASE("a KI admin manages its own local closures only, holidays listed by year") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto national = s.post("/api/v1/holidays",
                                 R"({"date":"2024-03-06","kind":"national","name":"X","source":"Y"})", admin);
    CHECK(national.status == 403);
    const auto other = s.post("/api/v1/holidays",
                              R"({"date":"2024-03-06","kind":"local","name":"X","source":"Y","organisation":"ki-pusat"})",
                              admin);
    CHECK(other.status == 403);
    const auto local = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-03-06","kind":"local","name":"Penutupan kantor KI Babel","source":"SK Ketua KI Babel"})", admin);
    REQUIRE(local.status == 201);
    CHECK(json_of(local).at("organisation").as_string() == "ki-babel");

    // The closure applies to KI Babel's calendar only.
    const auto at_ki = json_of(s.get("/api/v1/calendar/deadline?from=2024-03-05&days=1&organisation=ki-babel"));
    CHECK(at_ki.at("due").as_string() == "2024-03-07");
    const auto elsewhere = json_of(s.get("/api/v1/calendar/deadline?from=2024-03-05&days=1&organisation=kpu-bangka"));
    CHECK(elsewhere.at("due").as_string() == "2024-03-06");

    const auto year = s.get("/api/v1/holidays?year=2024");
    REQUIRE(year.status == 200);
    CHECK(json_of(year).at("items").as_array().size() == 30);  // 29 shipped + the closure

    const auto bad = s.post("/api/v1/holidays", R"({"date":"2024-02-30","kind":"feast","name":"","source":"Z"})", admin);
    CHECK(bad.status == 422);
    CHECK(s.del("/api/v1/holidays/2024-03-06?organisation=ki-babel", admin).status == 200);
    CHECK(s.del("/api/v1/holidays/2024-03-06?organisation=ki-babel", admin).status == 404);
  }

  TEST_CASE("rule sets are versioned, a new version keeps every period") {
    live_server s;
    const auto admin = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto list = s.get("/api/v1/rulesets");
    REQUIRE(list.status == 200);
    CHECK(json_of(list).at("items").as_array().size() == 2);
    const auto perki = json_of(s.get("/api/v1/rulesets/perki_1_2019"));
    CHECK(perki.at("version").as_int64() == 1);
    boost::json::array periods = perki.at("periods").as_array();
    for (auto& p : periods) {
      if (p.at("key").as_string() == "objection_filing") {
        p.as_object()["value"] = 5;  // the sysadmin records a verified value
        p.as_object()["confidence"] = "verified";
      }
    }
    boost::json::object next{{"effective_from", "2025-01-01"}, {"periods", periods}};
    const auto created = s.post("/api/v1/rulesets/perki_1_2019/versions", boost::json::serialize(next), admin);
    REQUIRE(created.status == 201);
    CHECK(json_of(created).at("version").as_int64() == 2);
    CHECK(json_of(s.get("/api/v1/rulesets/perki_1_2019")).at("versions").as_array().size() == 2);

    periods.erase(periods.begin());
    boost::json::object missing{{"effective_from", "2025-02-01"}, {"periods", periods}};
    const auto refused = s.post("/api/v1/rulesets/perki_1_2019/versions", boost::json::serialize(missing), admin);
    CHECK(refused.status == 422);
    CHECK(error_field(refused) == "periods");
    CHECK(s.post("/api/v1/rulesets/nothing/versions", "{}", admin).status == 404);
  }

  TEST_CASE("national rule sets are the sysadmin's alone: a provincial ki_admin cannot rewrite them") {
    // Issue 12: as the ki_admin of ki-babel, POST /api/v1/rulesets/general/versions answered 201 and
    // gave the whole country a 1-working-day PPID period.
    live_server s;
    const auto ki_admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto general = json_of(s.get("/api/v1/rulesets/general"));
    boost::json::array periods = general.at("periods").as_array();
    for (auto& p : periods) {
      p.as_object()["value"] = 1;
    }
    const boost::json::object next{{"effective_from", "2024-02-08"}, {"periods", periods}};
    const auto refused = s.post("/api/v1/rulesets/general/versions", boost::json::serialize(next), ki_admin);
    CHECK(refused.status == 403);
    CHECK(refused.header("Content-Type") == std::optional<std::string>{"application/problem+json"});
    CHECK(json_of(s.get("/api/v1/rulesets/general")).at("versions").as_array().size() == 1);
    for (const auto other : {role::registrar, role::commissioner, role::ppid, role::applicant}) {
      const auto token = s.token_for("user." + std::string(domain::to_string(other)), other,
                                     other == role::ppid ? "kpu-bangka" : "ki-babel");
      CHECK(s.post("/api/v1/rulesets/general/versions", boost::json::serialize(next), token).status == 403);
    }
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    CHECK(s.post("/api/v1/rulesets/general/versions", boost::json::serialize(next), sysadmin).status == 201);
  }
}

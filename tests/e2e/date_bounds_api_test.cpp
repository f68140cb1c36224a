// Every date and instant a client sends goes through the one bounded parser (years 1900-2199,
// docs/deadlines.md "Dates the system accepts"): the calculator, local holidays, dispute chronology
// dates and hearings refuse year 0000 and 10000 with a 422 naming the field, and a due date the
// system counted past 2199 still reads back.
#include "e2e/disputes_fixture.hpp"

#include "domain/time/instant.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;
using domain::role;

namespace {

std::string error_field(const http_reply& r) {
  return std::string{json_of(r).at("errors").as_array().at(0).at("field").as_string()};
}

}  // namespace

TEST_SUITE("date bounds over the API") {
  TEST_CASE("the calculator and the holiday list refuse years outside 1900-2199, naming the parameter") {
    live_server s;
    struct row {
      const char* target;
      const char* field;
    };
    for (const auto& r : {
             row{"/api/v1/calendar/deadline?from=0000-01-01&days=3", "from"},
             row{"/api/v1/calendar/deadline?from=1899-12-31&days=3", "from"},
             row{"/api/v1/calendar/deadline?from=10000-01-01&days=3", "from"},
             row{"/api/v1/calendar/deadline?from=2200-01-01&days=3", "from"},
             row{"/api/v1/calendar/deadline?received_at=0000-01-01T10:00:00%2B07:00&days=3", "received_at"},
             row{"/api/v1/calendar/deadline?received_at=10000-01-01T10:00:00Z&days=3", "received_at"},
             row{"/api/v1/holidays?year=1899", "year"},
             row{"/api/v1/holidays?year=2200", "year"},
         }) {
      CAPTURE(r.target);
      const auto reply = s.get(r.target);
      CHECK(reply.status == 422);
      CHECK(error_field(reply) == r.field);
      if (std::string{r.field} != "year") {
        CHECK(reply.body.find("1900-2199") != std::string::npos);  // the message names the years
      }
    }
    // The edges are accepted, and a deadline counted past 2199 is answered.
    CHECK(s.get("/api/v1/calendar/deadline?from=1900-01-01&days=3").status == 200);
    const auto late = s.get("/api/v1/calendar/deadline?from=2199-12-31&days=10");
    REQUIRE(late.status == 200);
    CHECK(json_of(late).at("due").as_string() > "2200-01-01");
  }

  TEST_CASE("holidays: a date outside 1900-2199 is a 422 naming the date, on create and on delete") {
    live_server s;
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    for (const auto* date : {"0000-01-01", "1899-12-31", "2200-01-01", "10000-01-01"}) {
      CAPTURE(date);
      const auto national = s.post(
          "/api/v1/holidays", std::string{R"({"date":")"} + date + R"(","kind":"national","name":"X","source":"Y"})",
          sysadmin);
      CHECK(national.status == 422);
      CHECK(error_field(national) == "date");
      const auto local = s.post(
          "/api/v1/holidays", std::string{R"({"date":")"} + date + R"(","kind":"local","name":"X","source":"Y"})", admin);
      CHECK(local.status == 422);
      CHECK(error_field(local) == "date");
      const auto removed = s.del(std::string{"/api/v1/holidays/"} + date, sysadmin);
      CHECK(removed.status == 422);
      CHECK(error_field(removed) == "date");
    }
  }

  TEST_CASE("dispute chronology dates and hearings outside 1900-2199 are a 422 naming the field") {
    fixture f;
    for (const auto* date : {"0000-01-10", "10000-01-10"}) {
      CAPTURE(date);
      auto body = application();
      body.replace(body.find("2024-01-10"), 10, date);
      const auto refused = f.s.post("/api/v1/disputes", body, f.registrar);
      CHECK(refused.status == 422);
      CHECK(error_field(refused).find("request_date") != std::string::npos);
    }
    const auto id = f.submit();
    f.act(id, "register", "{}", f.registrar);
    for (const auto* at : {"0000-02-12T09:00:00+07:00", "10000-02-12T09:00:00+07:00", "2200-01-01T09:00:00Z"}) {
      CAPTURE(at);
      const auto refused = f.act_raw(
          id, "schedule_hearing",
          std::string{R"({"kind":"preliminary_examination","scheduled_at":")"} + at + R"(","online_link":"https://meet.example/x"})",
          f.registrar);
      CHECK(refused.status == 422);
      CHECK(error_field(refused) == "scheduled_at");
    }
  }

  TEST_CASE("a case registered in late 2199 has due dates past 2199 and still reads back and lists") {
    fixture f;
    f.s.clock().set(domain::parse_rfc3339("2199-12-28T10:00:00+07:00")->utc);
    f.advance_days(0);  // log in again at the new time
    const std::string body =
        R"({"chronology":{"request_date":"2199-11-25","ppid_response_date":"2199-11-28","objection_date":"2199-12-05",)"
        R"("objection_response_date":"2199-12-16"},)"
        R"("applicant":{"kind":"individual","name":"Budi Santoso","id_number":"1971010101010001",)"
        R"("address":"Jl. Merdeka No. 1, Pangkalpinang","email":"budi@example.id","phone":"081234567890"},)"
        R"("respondent":"kpu-pangkalpinang","information_requested":"Salinan formulir C1",)"
        R"("reasons":"Permohonan tidak dipenuhi","grounds":["e"],"petitum":["Memerintahkan termohon memberikan salinan C1"],)"
        R"("attachments":["request_letter","request_receipt","ppid_response","objection_letter","objection_receipt",)"
        R"("atasan_response","identity_document"]})";
    const auto id = f.submit(body);
    f.act(id, "register", "{}", f.registrar);
    const auto read = f.s.get("/api/v1/disputes/" + id, f.registrar);
    REQUIRE_MESSAGE(read.status == 200, read.body);
    CHECK_MESSAGE(read.body.find("\"2200-") != std::string::npos, read.body);  // a due date past the input years
    // A second case, so that the first page's cursor carries a due date past 2199.
    f.act(f.submit(body), "register", "{}", f.registrar);
    const auto listed = f.s.get("/api/v1/disputes?sort=due&limit=1", f.registrar);
    REQUIRE_MESSAGE(listed.status == 200, listed.body);
    const auto cursor = json_of(listed).at("next_cursor");
    REQUIRE(cursor.is_string());
    const auto next = f.s.get("/api/v1/disputes?sort=due&limit=1&cursor=" + std::string(cursor.as_string()), f.registrar);
    CHECK_MESSAGE(next.status == 200, next.body);
  }
}

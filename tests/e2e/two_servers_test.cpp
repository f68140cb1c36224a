// Two perkara servers on one database (SQLite, or MariaDB with PERKARA_TEST_BACKEND=mysql), as behind a
// load balancer (issue 19): what one server changes, the other uses on its next request. Holidays are
// read per request and the calendars cached by content (api/calendar/calendar_service.cpp), sessions
// are rows, so neither needs a message between servers. The shared login throttle is in login_test.cpp,
// notices sent once in notices_processes_test.cpp.
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <string>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

std::string due_at_ki_babel(live_server& s) {
  const auto r = s.get("/api/v1/calendar/deadline?from=2024-03-05&days=1&organisation=ki-babel");
  REQUIRE(r.status == 200);
  return std::string(boost::json::parse(r.body).at("due").as_string());
}

}  // namespace

TEST_SUITE("e2e two servers") {
  TEST_CASE("a holiday added on one server moves the other's next answer, a session ended on one ends on both") {
    live_server first;
    live_server_options options;
    options.database = first.shared_database();
    live_server second{options};

    // Tuesday 5 March 2024 + 1 working day, at KI Babel: Wednesday 6 March, on both servers.
    CHECK(due_at_ki_babel(first) == "2024-03-06");
    CHECK(due_at_ki_babel(second) == "2024-03-06");
    const auto admin = first.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto closure = first.post(
        "/api/v1/holidays",
        R"({"date":"2024-03-06","kind":"local","name":"Penutupan kantor KI Babel","source":"SK Ketua KI Babel"})", admin);
    REQUIRE(closure.status == 201);
    // The other server has cached the calendar without the closure; its next answer has it.
    CHECK(due_at_ki_babel(second) == "2024-03-07");

    // The session made on the first server works on the second, and ended on the second it is refused by both.
    CHECK(second.get("/api/v1/me", admin).status == 200);
    CHECK(second.del("/api/v1/sessions/current", admin).status == 204);
    CHECK(first.get("/api/v1/me", admin).status == 401);
    CHECK(second.get("/api/v1/me", admin).status == 401);
  }
}

// The deadline sweep on real dates (docs/operations.md "Deadline sweep"), on the selected backend
// (SQLite, or MariaDB with PERKARA_TEST_BACKEND=mysql). Requests are created and extended through the
// API; the sweep runs directly (server::notices::sweep_deadlines) at instants the test chooses, so
// nothing here sleeps. February 2024: 14 Feb is the election day (a national holiday), so a request
// received Monday 12 Feb has its 3-working-day answer due Friday 16 Feb.
#include "e2e/requests_support.hpp"
#include "server/notices/deadline_sweep.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;
using server::notices::sweep_deadlines;

namespace {

domain::instant at(const char* text) { return domain::parse_rfc3339(text)->utc; }

std::size_t count_events(ports::database& db, const std::string& id, const std::string& action) {
  auto tx = db.begin(ports::access::read);
  const auto events = tx->events().for_case("request", id);
  return static_cast<std::size_t>(
      std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.action == action; }));
}

std::size_t count_notices(ports::database& db, const std::string& id, const std::string& kind) {
  auto tx = db.begin(ports::access::read);
  const auto notices = tx->notices().for_case("request", id);
  return static_cast<std::size_t>(
      std::count_if(notices.begin(), notices.end(), [&](const auto& n) { return n.kind == kind; }));
}

}  // namespace

TEST_SUITE("notices_sweep") {
  TEST_CASE("missed deadlines, reminders and digests on real dates, in WIB and WITA, once") {
    live_server s(at("2024-02-12T10:30:00+07:00"));
    const auto db = s.database().open(2);
    {
      auto tx = db->begin(ports::access::write);
      tx->notices().add_webhook({0, "kpu-pangkalpinang", "http://127.0.0.1:9/hook", "rahasia", true},
                                at("2024-02-12T10:00:00+07:00"));
      tx->commit();
    }
    auto ppid = s.token_for("ppid.pkp", domain::role::ppid, "kpu-pangkalpinang");
    const auto ppid_makassar = s.token_for("ppid.mks", domain::role::ppid, "kpu-kota-makassar");
    // A and C in Pangkalpinang (WIB, +07:00), B in Makassar (WITA, +08:00): all due Friday 16 Feb.
    const auto a = str(create(s, ppid, new_request("2024-02-12T10:00:00+07:00")).at("id"));
    const auto c = str(create(s, ppid, new_request("2024-02-12T10:05:00+07:00")).at("id"));
    const auto b_json = create(s, ppid_makassar, new_request("2024-02-12T10:00:00+08:00", "kpu-kota-makassar"));
    const auto b = str(b_json.at("id"));
    REQUIRE(str(deadline(b_json, "ppid_response").at("due")) == "2024-02-16");

    // The election day: the due date is still two working days away, so no reminder yet.
    auto r = sweep_deadlines(*db, at("2024-02-14T10:00:00+07:00"));
    CHECK(r.missed == 0);
    CHECK(r.reminders == 0);
    // Thursday 07:30 WIB is 08:30 WITA: Makassar's office has opened, Pangkalpinang's has not.
    r = sweep_deadlines(*db, at("2024-02-15T07:30:00+07:00"));
    CHECK(r.reminders == 1);
    CHECK(count_notices(*db, a, "reminder") == 0);
    r = sweep_deadlines(*db, at("2024-02-15T08:00:00+07:00"));
    CHECK(r.reminders == 2);
    CHECK(count_notices(*db, a, "reminder") == 1);  // the office's webhook: the PPID's move
    r = sweep_deadlines(*db, at("2024-02-15T08:05:00+07:00"));
    CHECK(r.reminders == 0);  // once

    // C is extended: its due date moves to Tuesday 20 Feb, which is reminded again on Monday.
    s.clock().set(at("2024-02-15T09:00:00+07:00"));
    ppid = s.login("ppid.pkp", "password-ppid.pkp");  // a session lasts 12 hours
    const auto ext = act(s, ppid, c, "extend", {{"reason", "Dokumen berada di gudang arsip kecamatan"}});
    REQUIRE(ext.status == 200);
    REQUIRE(str(deadline(json_of(ext), "ppid_response").at("due")) == "2024-02-20");

    // 22:30 WIB = 23:30 WITA: Friday has not ended anywhere.
    r = sweep_deadlines(*db, at("2024-02-16T22:30:00+07:00"));
    CHECK(r.missed == 0);
    // 23:30 WIB = 00:30 WITA on Saturday: Makassar's Friday has ended, Pangkalpinang's has not.
    r = sweep_deadlines(*db, at("2024-02-16T23:30:00+07:00"));
    CHECK(r.missed == 1);
    CHECK(count_events(*db, b, "deadline_missed") == 1);
    CHECK(count_events(*db, a, "deadline_missed") == 0);

    // Midnight WIB: two dispatchers (two connection pools on one database) sweep at the same moment;
    // A's missed deadline is recorded once.
    {
      const auto other = s.database().open(2);
      server::notices::sweep_report first;
      server::notices::sweep_report second;
      std::thread t1([&] { first = sweep_deadlines(*db, at("2024-02-17T00:00:00+07:00")); });
      std::thread t2([&] { second = sweep_deadlines(*other, at("2024-02-17T00:00:00+07:00")); });
      t1.join();
      t2.join();
      CHECK(first.missed + second.missed == 1);
    }
    CHECK(count_events(*db, a, "deadline_missed") == 1);
    CHECK(count_events(*db, b, "deadline_missed") == 1);
    CHECK(count_events(*db, c, "deadline_missed") == 0);
    // The event is in the case's history, and the silence is recorded as an action would record it:
    // the applicant's objection window is open.
    s.clock().set(at("2024-02-17T00:01:00+07:00"));
    ppid = s.login("ppid.pkp", "password-ppid.pkp");
    const auto history = s.get("/api/v1/requests/" + a + "/events", ppid);
    REQUIRE(history.status == 200);
    CHECK(history.body.find("deadline_missed") != std::string::npos);
    {
      auto tx = db->begin(ports::access::read);
      const auto clocks = tx->deadlines().for_case("request", a);
      CHECK(std::any_of(clocks.begin(), clocks.end(), [](const auto& k) { return k.key == "objection_filing"; }));
    }
    // The applicant hears of it (the outbox queued the event's notices with it).
    {
      auto tx = db->begin(ports::access::read);
      const auto notices = tx->notices().for_case("request", a);
      CHECK(std::any_of(notices.begin(), notices.end(), [](const auto& n) {
        return n.event_action == "deadline_missed" && n.audience == "applicant";
      }));
    }

    // Saturday morning: the office hears that A was missed (once); Monday morning C is reminded again.
    r = sweep_deadlines(*db, at("2024-02-17T08:00:00+07:00"));
    CHECK(count_notices(*db, a, "missed_reminder") == 1);
    r = sweep_deadlines(*db, at("2024-02-19T08:00:00+07:00"));
    CHECK(count_notices(*db, a, "missed_reminder") == 1);
    CHECK(count_notices(*db, c, "reminder") == 2);

    // A request entered late, its deadline long past, gets its missed event on the next run.
    s.clock().set(at("2024-02-21T10:00:00+07:00"));
    ppid = s.login("ppid.pkp", "password-ppid.pkp");
    const auto late = str(create(s, ppid, new_request("2024-02-12T11:00:00+07:00")).at("id"));
    CHECK(count_events(*db, late, "deadline_missed") == 0);
    // A server shutting down ends a run between pages (here after the first page of one clock); the
    // next run does the rest.
    server::notices::sweep_config stop_after_one_page;
    stop_after_one_page.page = 1;
    int asked = 0;
    stop_after_one_page.stopping = [&asked] { return asked++ > 0; };
    r = sweep_deadlines(*db, at("2024-02-21T10:01:00+07:00"), stop_after_one_page);
    CHECK(r.missed == 1);
    CHECK(r.digests == 0);
    CHECK(count_events(*db, late, "deadline_missed") + count_events(*db, c, "deadline_missed") == 1);
    r = sweep_deadlines(*db, at("2024-02-21T10:01:00+07:00"));
    CHECK(count_events(*db, late, "deadline_missed") == 1);
    CHECK(count_events(*db, c, "deadline_missed") == 1);  // due Tuesday 20 Feb

    // The organisation's daily digest: once a day after its office opens, to its webhook, listing what
    // is due and what is overdue.
    CHECK(r.digests == 1);
    r = sweep_deadlines(*db, at("2024-02-21T15:00:00+07:00"));
    CHECK(r.digests == 0);
    {
      auto tx = db->begin(ports::access::read);
      const auto digest = tx->notices().for_case("organisation", "kpu-pangkalpinang");
      // One per day swept after the office opened: 14, 15, 16, 17, 19 and 21 February.
      REQUIRE(digest.size() == 6);
      CHECK(digest.back().kind == "digest");
      CHECK(digest.back().payload_json.find(R"("date":"2024-02-21")") != std::string::npos);
      CHECK(digest.back().payload_json.find(R"("overdue":[{)") != std::string::npos);
    }
  }
}

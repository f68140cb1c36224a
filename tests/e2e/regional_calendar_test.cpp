// Regional calendars and elections (issue 14; docs/deadlines.md §1, rule 4; docs/legal-sources.md §10, §11):
// a province's or regency's holiday moves the open clocks of the organisations there only, and an election
// period of one region chooses the election track for requests to the bodies there only.
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;
using domain::role;

namespace {

// An open 3 HK ppid_response clock at `organisation`, received at `start` (WIB), due on `due`.
void insert_clock(const live_server& s, const std::string& case_id, const std::string& organisation,
                  const std::string& start, const std::string& due) {
  auto db = s.database().open(1);
  auto tx = db->begin(ports::access::write);
  domain::deadline_record r;
  r.case_type = "request";
  r.case_id = case_id;
  r.key = "ppid_response";
  r.organisation = organisation;
  r.ruleset = "perki_1_2019";
  r.ruleset_version = 1;
  r.start_at = domain::parse_rfc3339(start)->utc;
  r.days = 3;
  r.unit = domain::period_unit::working_days;
  r.due = *domain::parse_iso_date(due);
  tx->deadlines().save(r);
  tx->commit();
}

std::string due_of(const live_server& s, const std::string& case_id) {
  auto db = s.database().open(1);
  auto tx = db->begin(ports::access::read);
  return domain::format_iso_date(tx->deadlines().for_case("request", case_id).at(0).due);
}

std::map<std::string, std::string> moved(const http_reply& r) {
  std::map<std::string, std::string> out;
  const auto body = json_of(r);
  for (const auto& m : body.at("moved_deadlines").as_array()) {
    out.emplace(str(m.at("case_id")), str(m.at("to")));
  }
  return out;
}

struct clock_row {
  const char* case_id;
  const char* organisation;
  const char* due_with_holiday;
  const char* due_without;
};

}  // namespace

TEST_SUITE("e2e regional calendars") {
  TEST_CASE("Pangkalpinang's local holiday of 27 Aug 2025 moves only Pangkalpinang's cases") {
    live_server s;
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    // Received Monday 25 Aug 2025, 09:00 WIB; 3 HK: 26, 27, 28 Aug, or 26, 28, 29 where the 27th is closed.
    const clock_row rows[] = {
        {"req-pkp-kpu", "kpu-pangkalpinang", "2025-08-29", "2025-08-28"},
        {"req-pkp-bawaslu", "bawaslu-pangkalpinang", "2025-08-29", "2025-08-28"},
        {"req-bangka", "kpu-bangka", "2025-08-28", "2025-08-28"},
        {"req-babel", "kpu-babel", "2025-08-28", "2025-08-28"},
        {"req-ri", "kpu-ri", "2025-08-28", "2025-08-28"},
    };
    for (const auto& r : rows) {
      insert_clock(s, r.case_id, r.organisation, "2025-08-25T09:00:00+07:00", r.due_with_holiday);
    }

    // The shipped row (data/holidays-id.csv) is the regency's; removing it moves Pangkalpinang's clocks only.
    const auto removed = s.del("/api/v1/holidays/2025-08-27?region_code=19.71", sysadmin);
    REQUIRE(removed.status == 200);
    CHECK(str(json_of(removed).at("deleted").at("scope")) == "regency");
    CHECK(str(json_of(removed).at("deleted").at("region_name")) == "Kota Pangkal Pinang");
    CHECK(moved(removed) ==
          std::map<std::string, std::string>{{"req-pkp-kpu", "2025-08-28"}, {"req-pkp-bawaslu", "2025-08-28"}});
    for (const auto& r : rows) {
      CAPTURE(r.organisation);
      CHECK(due_of(s, r.case_id) == r.due_without);
    }

    // Declared again through the API with its regency scope: the same two clocks move back.
    const auto added = s.post("/api/v1/holidays",
                              R"({"date":"2025-08-27","kind":"local","scope":"regency","region_code":"19.71",)"
                              R"("name":"Libur daerah pemungutan suara Pemilihan Ulang Wali Kota Pangkalpinang",)"
                              R"("source":"Pemkot-Pangkalpinang-2025"})",
                              sysadmin);
    REQUIRE(added.status == 201);
    CHECK(moved(added) ==
          std::map<std::string, std::string>{{"req-pkp-kpu", "2025-08-29"}, {"req-pkp-bawaslu", "2025-08-29"}});
    for (const auto& r : rows) {
      CAPTURE(r.organisation);
      CHECK(due_of(s, r.case_id) == r.due_with_holiday);
    }
    // The calculator agrees: one working day after 26 Aug is the 28th in Pangkalpinang, the 27th next door.
    CHECK(str(json_of(s.get("/api/v1/calendar/deadline?from=2025-08-26&days=1&organisation=kpu-pangkalpinang"))
                  .at("due")) == "2025-08-28");
    CHECK(str(json_of(s.get("/api/v1/calendar/deadline?from=2025-08-26&days=1&organisation=kpu-bangka")).at("due")) ==
          "2025-08-27");
  }

  TEST_CASE("a province's holiday moves the clocks of every office in the province and none outside") {
    live_server s;
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    // Received Monday 1 Sep 2025, 09:00 WIB; 3 HK: 2, 3, 4 Sep, or with the 3rd closed 2, 4 and Monday 8
    // (Friday 5 Sep 2025 is Maulid Nabi, a national holiday).
    const clock_row rows[] = {
        {"req-1", "kpu-pangkalpinang", "2025-09-08", "2025-09-04"},
        {"req-2", "kpu-bangka", "2025-09-08", "2025-09-04"},
        {"req-3", "bawaslu-babel", "2025-09-08", "2025-09-04"},
        {"req-4", "kpu-prov-jambi", "2025-09-04", "2025-09-04"},
        {"req-5", "kpu-ri", "2025-09-04", "2025-09-04"},
    };
    for (const auto& r : rows) {
      insert_clock(s, r.case_id, r.organisation, "2025-09-01T09:00:00+07:00", r.due_without);
    }
    const auto added = s.post("/api/v1/holidays",
                              R"({"date":"2025-09-03","kind":"local","scope":"province","region_code":"19",)"
                              R"("name":"Libur daerah Provinsi uji","name_en":"Provincial holiday test","source":"Pergub uji"})",
                              sysadmin);
    REQUIRE(added.status == 201);
    CHECK(str(json_of(added).at("region_name")) == "Kepulauan Bangka Belitung");
    CHECK(moved(added).size() == 3);
    for (const auto& r : rows) {
      CAPTURE(r.organisation);
      CHECK(due_of(s, r.case_id) == r.due_with_holiday);
    }
    const auto year = json_of(s.get("/api/v1/holidays?year=2025"));
    bool listed = false;
    for (const auto& h : year.at("items").as_array()) {
      listed = listed || (str(h.at("date")) == "2025-09-03" && str(h.at("scope")) == "province");
    }
    CHECK(listed);
  }

  TEST_CASE("regional holidays: only a sysadmin declares them, for a region that exists, with a fitting kind") {
    live_server s;
    const auto sysadmin = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto ki_admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    struct bad_case {
      const char* body;
      const char* token_kind;
      int status;
      const char* field;
    };
    const bad_case cases[] = {
        {R"({"date":"2025-09-10","kind":"local","scope":"province","region_code":"19","name":"X","source":"Y"})",
         "ki_admin", 403, ""},
        {R"({"date":"2025-09-10","kind":"local","scope":"regency","region_code":"19.99","name":"X","source":"Y"})",
         "sysadmin", 422, "region_code"},
        {R"({"date":"2025-09-10","kind":"local","scope":"province","region_code":"19.71","name":"X","source":"Y"})",
         "sysadmin", 422, "region_code"},
        {R"({"date":"2025-09-10","kind":"national","scope":"regency","region_code":"19.71","name":"X","source":"Y"})",
         "sysadmin", 422, "scope"},
        {R"({"date":"2025-09-10","kind":"local","scope":"county","name":"X","source":"Y"})", "sysadmin", 422,
         "scope"},
        {R"({"date":"2025-09-10","kind":"national","region_code":"19","scope":"national","name":"X","source":"Y"})",
         "sysadmin", 422, "region_code"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.body);
      const auto r = s.post("/api/v1/holidays", c.body, std::string(c.token_kind) == "sysadmin" ? sysadmin : ki_admin);
      CHECK(r.status == c.status);
      if (c.status == 422) {
        CHECK(error_field(r) == c.field);
      }
    }
    auto db = s.database().open(1);
    auto tx = db->begin(ports::access::read);
    CHECK(tx->audit().list("holiday", "2025-09-10").empty());  // nothing changed
  }
}

TEST_SUITE("e2e regional elections") {
  TEST_CASE("the 2025 re-election in Kabupaten Bangka chooses the election track there and nowhere else") {
    live_server s{domain::parse_rfc3339("2025-12-01T09:00:00+07:00")->utc};  // after every received_at below
    struct row {
      const char* respondent;
      const char* received_at;
      const char* ruleset;
      const char* reason;
    };
    const row rows[] = {
        // During the re-vote period (data/election_periods.csv, pilkada-ulang-2025-bangka).
        {"kpu-bangka", "2025-08-20T09:00:00+07:00", "perki_1_2019", "election_period"},
        {"bawaslu-bangka", "2025-08-27T10:00:00+07:00", "perki_1_2019", "election_period"},
        // Pangkalpinang held its own re-election over the same weeks.
        {"kpu-pangkalpinang", "2025-08-20T09:00:00+07:00", "perki_1_2019", "election_period"},
        // Elsewhere in the province and in the country: no election ran in August 2025.
        {"kpu-belitung", "2025-08-20T09:00:00+07:00", "general", "general_period"},
        {"kpu-babel", "2025-08-20T09:00:00+07:00", "general", "general_period"},
        {"kpu-prov-jambi", "2025-08-20T09:00:00+07:00", "general", "general_period"},
        // Kabupaten Bangka after the re-election's period (ends 31 Oct 2025).
        {"kpu-bangka", "2025-11-03T09:00:00+07:00", "general", "general_period"},
    };
    std::map<std::string, std::string> tokens;  // one PPID officer per respondent
    for (const auto& r : rows) {
      CAPTURE(r.respondent);
      CAPTURE(r.received_at);
      auto& token = tokens[r.respondent];
      if (token.empty()) {
        token = s.token_for(std::string("ppid.") + r.respondent, role::ppid, r.respondent);
      }
      const auto created = create(s, token, new_request(r.received_at, r.respondent));
      CHECK(str(created.at("ruleset").at("name")) == r.ruleset);
      CHECK(str(created.at("ruleset").at("reason")) == r.reason);
    }
  }
}

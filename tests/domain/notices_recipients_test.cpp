// Who hears what among the people of a case (issue 16, docs/operations.md "Notices"): the party whose
// move it is, each address once, never someone without an address or who turned the kind off; the
// applicant's email carries its opt-out link. Real dates: a request received Monday 12 February 2024
// (two days before the election day, a national holiday) and its 3-working-day clock due 16 February.
#include "domain/notices/recipients.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace perkara::domain;
using namespace perkara::domain::notices;

namespace {

instant utc(const char* text) { return parse_rfc3339(text)->utc; }

std::vector<staff_member> people() {
  return {
      {"ppid.pkp", "kpu-pangkalpinang", {role::ppid}, "ppid@kpu-pkp.example.id", {}},
      {"ppid.tanpa.email", "kpu-pangkalpinang", {role::ppid}, "", {}},
      {"atasan.pkp", "kpu-pangkalpinang", {role::ppid_superior}, "atasan@kpu-pkp.example.id", {}},
      {"ppid.bangka", "kpu-bangka", {role::ppid}, "ppid@kpu-bangka.example.id", {}},
      {"panitera", "ki-babel", {role::registrar}, "panitera@ki-babel.example.id", {}},
      {"komisioner.a", "ki-babel", {role::commissioner}, "a@ki-babel.example.id", {}},
      {"komisioner.b", "ki-babel", {role::commissioner}, "b@ki-babel.example.id", {}},
      {"admin.ki", "ki-babel", {role::ki_admin}, "admin@ki-babel.example.id", {}},
  };
}

case_facts request_facts() {
  case_facts f;
  f.case_type = "request";
  f.case_id = "r1";
  f.organisation = "kpu-pangkalpinang";
  f.number = "0001/PPID-KPU-PANGKALPINANG/II/2024";
  f.applicant_email = "siti@example.id";
  f.staff = people();
  return f;
}

case_facts dispute_facts() {
  case_facts f;
  f.case_type = "dispute";
  f.case_id = "d1";
  f.organisation = "ki-babel";
  f.respondent = "kpu-pangkalpinang";
  f.number = "001/II/KI-BABEL-PS/2024";
  f.panel = {"komisioner.a"};
  f.staff = people();
  return f;
}

deadline_record clock(const char* key, const char* due) {
  deadline_record d;
  d.key = key;
  d.ruleset = "perki_1_2019";
  d.days = 3;
  d.due = *parse_iso_date(due);
  return d;
}

case_event event(const case_facts& f, const char* action) {
  return case_event{f.case_type, f.case_id, 2, "u1", utc("2024-02-12T10:15:00+07:00"), action, "{}"};
}

std::vector<std::string> names(const std::vector<staff_member>& staff) {
  std::vector<std::string> out;
  for (const auto& m : staff) out.push_back(m.username);
  return out;
}

using list = std::vector<std::string>;

}  // namespace

TEST_SUITE("notices: who hears what") {
  TEST_CASE("the party whose move it is, by case and event") {
    struct row {
      const char* what;
      bool dispute;
      const char* action;
      const char* open_clock;  // "" for none
      list expected;
    };
    const row rows[] = {
        {"a new request: the respondent's PPID officers with an address",
         false,
         "create",
         "ppid_response",
         {"ppid.pkp"}},
        {"an objection: the PPID superior too", false, "file_objection", "atasan_response", {"ppid.pkp", "atasan.pkp"}},
        {"the superior's clock runs: the superior hears a calendar move",
         false,
         "deadline_moved",
         "atasan_response",
         {"ppid.pkp", "atasan.pkp"}},
        {"an answer: the PPID only, the superior has no move", false, "respond", "objection_filing", {"ppid.pkp"}},
        {"a registered dispute: registrars, the panel, the respondent's PPID and superior",
         true,
         "register",
         "ki_start",
         {"ppid.pkp", "atasan.pkp", "panitera", "komisioner.a"}},
        {"a hearing summons: the same parties",
         true,
         "schedule_hearing",
         "ki_completion",
         {"ppid.pkp", "atasan.pkp", "panitera", "komisioner.a"}},
    };
    for (const auto& r : rows) {
      CAPTURE(r.what);
      const auto f = r.dispute ? dispute_facts() : request_facts();
      std::vector<deadline_record> clocks;
      if (*r.open_clock != '\0') clocks.push_back(clock(r.open_clock, "2024-02-16"));
      auto got = names(staff_recipients(event(f, r.action), f, clocks));
      auto want = r.expected;
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      CHECK(got == want);
    }
  }

  TEST_CASE("preferences, missing addresses and the applicant's own address") {
    auto f = request_facts();
    // The PPID turned hearing summonses off, not events: it still hears a new request.
    f.staff[0].muted = {"hearing"};
    CHECK(names(staff_recipients(event(f, "create"), f, {})) == list{"ppid.pkp"});
    // Turned events off: nobody left (the other officer has no address).
    f.staff[0].muted = {"event"};
    CHECK(staff_recipients(event(f, "create"), f, {}).empty());
    // The applicant's own address is not written to twice.
    f = request_facts();
    f.applicant_email = "ppid@kpu-pkp.example.id";
    CHECK(staff_recipients(event(f, "create"), f, {}).empty());
    // A summons is checked against "hearing", a missed deadline against "deadline_missed".
    auto d = dispute_facts();
    CHECK(preference_kind_of(event(d, "schedule_hearing")) == "hearing");
    CHECK(preference_kind_of(event(d, "deadline_missed")) == "deadline_missed");
    CHECK(preference_kind_of(event(d, "register")) == "event");
    for (auto& m : d.staff) m.muted = {"hearing"};
    CHECK(staff_recipients(event(d, "schedule_hearing"), d, {}).empty());
    CHECK(staff_recipients(event(d, "register"), d, {}).size() == 4);
    // The notices carry that kind too, so a webhook receiver tells a summons from any other step.
    d.staff.front().muted.clear();
    const auto summons = notices_for_event(event(d, "schedule_hearing"), d, {});
    REQUIRE_FALSE(summons.empty());
    for (const auto& n : summons) CHECK(n.kind == "hearing");
    for (const auto& n : notices_for_event(event(d, "register"), d, {})) CHECK(n.kind == "event");
    CHECK(is_preference_kind("digest"));
    CHECK_FALSE(is_preference_kind("webhook"));
  }

  TEST_CASE("the notices of an event: the applicant's email has its opt-out link, the staff's a case link") {
    const auto f = request_facts();
    const auto notices = notices_for_event(event(f, "create"), f, {clock("ppid_response", "2024-02-16")});
    REQUIRE(notices.size() == 2);
    CHECK(notices[0].audience == "applicant");
    CHECK(notices[0].recipient == "siti@example.id");
    CHECK(notices[0].body_text.find("{{base_url}}/#/opt-out?token={{opt_out_token}}") != std::string::npos);
    CHECK(notices[0].body_text.find("Berhenti berlangganan") != std::string::npos);
    CHECK(notices[0].body_text.find("16 Februari 2024") != std::string::npos);
    CHECK(notices[1].audience == "staff");
    CHECK(notices[1].recipient == "ppid@kpu-pkp.example.id");
    CHECK(notices[1].body_text.find("{{base_url}}/#/requests/r1") != std::string::npos);
    CHECK(notices[1].body_text.find("opt-out") == std::string::npos);
    // An opted-out applicant hears nothing; the staff still do.
    auto opted = f;
    opted.applicant_opted_out = true;
    const auto after = notices_for_event(event(opted, "create"), opted, {});
    REQUIRE(after.size() == 1);
    CHECK(after[0].audience == "staff");
  }
}

#include "domain/disputes/access.hpp"

#include "domain/disputes/public_view.hpp"
#include "dispute_fixture.hpp"

#include <algorithm>
#include <set>

using namespace dispute_fixture;
using a = perkara::domain::disputes::dispute_action;

namespace {

// The public projection must not even have a place for personal data.
template <class T>
concept carries_personal_data = requires(T v) { v.email; } || requires(T v) { v.phone; } ||
                                requires(T v) { v.address; } || requires(T v) { v.id_number; } ||
                                requires(T v) { v.applicant; } || requires(T v) { v.representative; } ||
                                requires(T v) { v.online_link; } || requires(T v) { v.minutes; };

static_assert(!carries_personal_data<public_dispute_view>);
static_assert(!carries_personal_data<public_hearing>);
static_assert(!carries_personal_data<public_decision>);
static_assert(!carries_personal_data<public_deadline>);
static_assert(carries_personal_data<dispute>);  // the check itself works

std::set<dispute_action> as_set(const std::vector<dispute_action>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_SUITE("dispute_access") {
  TEST_CASE("allowed_actions per role and organisation") {
    const auto submitted = open_case();
    const auto prelim = preliminary_case();
    struct row {
      const char* name;
      const dispute* d;
      std::vector<role> roles;
      const char* org;
      std::vector<dispute_action> expected;
    };
    const std::vector<row> rows = {
        {"registrar, submitted", &submitted, {role::registrar}, "ki-pusat",
         {a::request_completion, a::register_dispute, a::reject_registration, a::withdraw, a::lapse}},
        {"ki_admin, submitted", &submitted, {role::ki_admin}, "ki-pusat",
         {a::request_completion, a::register_dispute, a::reject_registration, a::withdraw, a::lapse}},
        {"commissioner, submitted", &submitted, {role::commissioner}, "ki-pusat", {a::lapse}},
        {"registrar, prelim", &prelim, {role::registrar}, "ki-pusat", {a::schedule_hearing, a::withdraw, a::lapse}},
        {"commissioner, prelim", &prelim, {role::commissioner}, "ki-pusat",
         {a::start_mediation, a::start_adjudication, a::schedule_hearing, a::decide, a::lapse}},
        {"registrar + commissioner, prelim", &prelim, {role::registrar, role::commissioner}, "ki-pusat",
         {a::start_mediation, a::start_adjudication, a::schedule_hearing, a::decide, a::withdraw, a::lapse}},
        {"registrar of another KI", &submitted, {role::registrar}, "ki-dki", {}},
        {"respondent's PPID", &prelim, {role::ppid, role::ppid_superior}, "kpu-ri", {}},
        {"sysadmin", &prelim, {role::sysadmin}, "ki-pusat", {}},
        {"applicant role", &prelim, {role::applicant}, "ki-pusat", {}},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      const auto got = allowed_actions(*r.d, r.roles, r.org, day("2024-04-10"), {});
      CHECK(as_set(got) == as_set(r.expected));
    }
    user inactive{"u1", "panitera", "Panitera", "ki-pusat", {role::registrar}, false, {}};
    CHECK(allowed_actions(submitted, inactive, day("2024-04-10"), {}).empty());
    inactive.active = true;
    CHECK(allowed_actions(submitted, inactive, day("2024-04-10"), {}).size() == 5);

    // mark_final appears for the registrar only once the windows passed.
    const auto served = served_case();
    const std::vector<role> registrar{role::registrar};
    CHECK(as_set(allowed_actions(served, registrar, "ki-pusat", day("2024-04-10"), passed_windows())) ==
          std::set{a::record_court_objection, a::mark_final, a::record_delivery});
    CHECK(as_set(allowed_actions(served, registrar, "ki-pusat", day("2024-04-10"), open_windows())) ==
          std::set{a::record_court_objection, a::record_delivery});
  }

  TEST_CASE("can_read") {
    const auto d = registered_case();
    struct row {
      const char* name;
      std::vector<role> roles;
      const char* org;
      bool ok;
    };
    const row rows[] = {
        {"registrar of the KI", {role::registrar}, "ki-pusat", true},
        {"commissioner of the KI", {role::commissioner}, "ki-pusat", true},
        {"ki_admin of the KI", {role::ki_admin}, "ki-pusat", true},
        {"registrar of another KI", {role::registrar}, "ki-dki", false},
        {"respondent's PPID", {role::ppid}, "kpu-ri", true},
        {"respondent's superior", {role::ppid_superior}, "kpu-ri", true},
        {"another body's PPID", {role::ppid}, "bawaslu-ri", false},
        {"PPID role at the KI", {role::ppid}, "ki-pusat", false},
        {"sysadmin", {role::sysadmin}, "ki-pusat", false},
        {"applicant", {role::applicant}, "ki-pusat", false},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      CHECK(can_read(d, r.roles, r.org) == r.ok);
    }
  }

  TEST_CASE("awaiting: who must act, by when") {
    const due_map due{{"ki_completion", day("2024-03-15")},
                      {"decision_copy", day("2024-03-15")},
                      {"court_objection:applicant", day("2024-04-02")},
                      {"court_objection:respondent", day("2024-04-03")},
                      {"cassation:applicant", day("2024-04-10")},
                      {"cassation:respondent", day("2024-04-10")},
                      {"compliance:1", day("2024-04-20")}};
    struct row {
      const char* name;
      dispute d;
      std::vector<std::string> who_what;  // "who/what@due"
    };
    const auto applicant_served = step(decided_case(), cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    const std::vector<row> rows = {
        {"submitted", open_case(), {"ki/check_completeness@"}},
        {"incomplete", step(open_case(), cmd::request_completion{{attachment::identity_document}}),
         {"applicant/provide_missing_documents@"}},
        {"registered", registered_case(), {"ki/hold_preliminary_examination@2024-03-15"}},
        {"adjudication", adjudication_case(), {"ki/decide@2024-03-15"}},
        {"decided, applicant served", applicant_served,
         {"applicant/court_objection_window@2024-04-02", "ki/serve_copy:respondent@2024-03-15"}},
        {"decided, both served", served_case(),
         {"applicant/court_objection_window@2024-04-02", "respondent/court_objection_window@2024-04-03",
          "ki/mark_final_after_windows@"}},
        // The respondent objected; the applicant may still do so within its own window.
        {"court objection", court_objection_case(),
         {"applicant/court_objection_window@2024-04-02", "court/court_decision@"}},
        {"both objected", both_objected_case(), {"court/court_decision@"}},
        {"first instance decided", court_decided_case(),
         {"applicant/cassation_window@2024-04-10", "respondent/cassation_window@2024-04-10",
          "ki/mark_final_after_windows@"}},
        {"cassation filed", cassation_case(), {"court/cassation_decision@"}},
        {"final", final_case(), {"respondent/comply@2024-04-20", "ki/record_compliance@"}},
        {"closed", closed_case(), {}},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      std::vector<std::string> got;
      for (const auto& w : awaiting(r.d, due)) got.push_back(w.who + "/" + w.what + "@" + (w.due ? format_iso_date(*w.due) : ""));
      std::sort(got.begin(), got.end());
      auto expected = r.who_what;
      std::sort(expected.begin(), expected.end());
      CHECK(got == expected);
    }
  }

  TEST_CASE("public_view carries no personal data") {
    auto in = valid_input();
    in.representative = representative{"Siti Aminah SH", "3171999988887777", "Jl. Kuasa 9", "siti@law.example", "+62 811 999"};
  in.attachments.push_back(attachment::power_of_attorney);
  in.attachments.push_back(attachment::grantor_identity);
    auto d = adjudication_case(in);
    d = step(d, cmd::schedule_hearing{hearing_kind::evidence, at("2024-03-05T09:00:00+07:00"), "Ruang Sidang Utama", ""});
    d = step(d, cmd::schedule_hearing{hearing_kind::conclusions, at("2024-03-07T09:00:00+07:00"), "", "https://meet.example/secret-room"});
    d = step(d, granted_decision());
    d.hearings[0].minutes = "BA-rahasia-01";

    const auto v = public_view(d, {{"decision_copy", day("2024-03-15")}});
    CHECK(v.register_number == "001/KIP-PSIP/II/2024");
    CHECK(v.ki == "ki-pusat");
    CHECK(v.respondent == "kpu-ri");
    CHECK(v.state == dispute_state::decided);
    CHECK(v.outcome == dispute_outcome::granted);
    CHECK(v.applicant_initials == "B. S.");
    REQUIRE(v.next_deadline.has_value());
    CHECK(v.next_deadline->key == "decision_copy");
    CHECK(v.next_deadline->due == day("2024-03-15"));
    REQUIRE(v.hearings.size() == 2);
    CHECK(v.hearings[0].location == "Ruang Sidang Utama");
    CHECK(v.hearings[1].location == "daring (online)");
    REQUIRE(v.decision.has_value());
    CHECK(v.decision->number == "001/KIP-PSIP-A/II/2024");
    CHECK(v.decision->orders.size() == 2);

    // Every text the view holds, joined; none of the personal values may appear.
    std::string all = v.register_number.value_or("") + v.ki + v.respondent + v.applicant_initials;
    for (const auto& h : v.hearings) all += h.location;
    for (const auto& o : v.decision->orders) all += o;
    all += v.decision->number + v.next_deadline->key;
    for (const char* secret : {"Budi", "Santoso", "3171234567890001", "Merdeka", "budi@example.org", "0000 1111", "Siti",
                               "3171999988887777", "Kuasa 9", "siti@law.example", "secret-room", "BA-rahasia"}) {
      const std::string case_name = secret;
      CAPTURE(case_name);
      CHECK(all.find(secret) == std::string::npos);
    }
  }

  TEST_CASE("initials") {
    struct row {
      const char* name;
      const char* expected;
    };
    const row rows[] = {
        {"Budi Santoso", "B. S."},
        {"  budi   santoso  ", "B. S."},
        {"Yayasan Advokasi Hak Konstitusional Indonesia", "Y. A. H. K. I."},
        {"Ni Luh Putu Ayu", "N. L. P. A."},
        {"Ömer Çelik", "Ö. Ç."},
        {"Budi & Rekan", "B. R."},
        {"", ""},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      CHECK(initials(r.name) == r.expected);
    }
  }
}

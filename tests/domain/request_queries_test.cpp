#include "domain/requests/queries.hpp"

#include "domain/requests/deadline_intents.hpp"

#include <doctest/doctest.h>

using namespace perkara::domain;
using A = request_action;
using S = request_state;

namespace {

civil_date day(const char* text) { return *parse_iso_date(text); }
instant at(const char* text) { return parse_rfc3339(text)->utc; }

information_request in_state(S state) {
  information_request r;
  r.id = "r1";
  r.respondent = "kpu-pangkalpinang";
  r.received_at = *parse_rfc3339("2024-02-07T10:15:00+07:00");
  r.state = state;
  if (state == S::extended) {
    r.extension = request_extension{"x", r.received_at.utc};
  }
  return r;
}

request_due_dates dues() {
  request_due_dates d;
  d.ppid_response = day("2024-02-12");
  d.objection_filing = day("2024-03-25");
  d.atasan_response = day("2024-02-19");
  d.dispute_filing = day("2024-03-07");
  return d;
}

}  // namespace

TEST_SUITE("request_queries") {
  TEST_CASE("awaiting: who must act next and by when") {
    struct row {
      S state;
      awaiting_party party;
      const char* action;
      std::optional<civil_date> due;
    };
    const auto d = dues();
    const row rows[] = {
        {S::received, awaiting_party::respondent, "respond", d.ppid_response},
        {S::extended, awaiting_party::respondent, "respond", d.ppid_response},
        {S::answered, awaiting_party::applicant, "file_objection", d.objection_filing},
        {S::objected, awaiting_party::respondent, "answer_objection", d.atasan_response},
        {S::objection_answered, awaiting_party::applicant, "file_dispute", d.dispute_filing},
        {S::closed, awaiting_party::none, "", std::nullopt},
        {S::disputed, awaiting_party::none, "", std::nullopt},
    };
    for (const auto& c : rows) {
      CAPTURE(to_string(c.state));
      const auto a = awaiting(in_state(c.state), d);
      CHECK(a.party == c.party);
      CHECK(a.action == c.action);
      CHECK(a.due == c.due);
    }
    CHECK(to_string(awaiting_party::respondent) == "respondent");
    // Unknown due dates stay unknown.
    CHECK_FALSE(awaiting(in_state(S::received), {}).due.has_value());
  }

  TEST_CASE("allowed_actions per role, organisation and state") {
    const auto d = dues();
    const request_caller ppid{"kpu-pangkalpinang", {role::ppid}};
    const request_caller superior{"kpu-pangkalpinang", {role::ppid_superior}};
    const request_caller both{"kpu-pangkalpinang", {role::ppid_superior, role::ppid}};
    const request_caller other_ppid{"kpu-bangka", {role::ppid, role::ppid_superior}};
    const request_caller registrar{"kip-babel", {role::registrar, role::commissioner}};
    const request_caller applicant{"kpu-pangkalpinang", {role::applicant}};
    const request_caller admin{"kpu-pangkalpinang", {role::sysadmin, role::ki_admin}};
    struct row {
      const char* who;
      const request_caller* caller;
      S state;
      const char* today;
      std::vector<A> expected;
    };
    const row rows[] = {
        {"ppid, received, in time", &ppid, S::received, "2024-02-08", {A::extend, A::respond, A::close}},
        {"ppid, received, due day", &ppid, S::received, "2024-02-12", {A::extend, A::respond, A::close}},
        // extend stays possible after the due date: an extension dated within the period may be entered late.
        {"ppid, received, late", &ppid, S::received, "2024-02-13", {A::extend, A::respond, A::file_objection, A::close}},
        {"ppid, extended, in time", &ppid, S::extended, "2024-02-08", {A::respond, A::close}},
        {"ppid, extended, late", &ppid, S::extended, "2024-02-13", {A::respond, A::file_objection, A::close}},
        {"ppid, answered", &ppid, S::answered, "2024-02-13", {A::file_objection, A::close}},
        {"ppid, objected", &ppid, S::objected, "2024-02-13", {A::close}},
        {"ppid, objection answered", &ppid, S::objection_answered, "2024-02-20", {A::close}},
        {"ppid, closed", &ppid, S::closed, "2024-02-20", {}},
        {"ppid, disputed", &ppid, S::disputed, "2024-02-20", {}},
        {"superior, received", &superior, S::received, "2024-02-08", {}},
        {"superior, objected", &superior, S::objected, "2024-02-13", {A::answer_objection}},
        {"both roles, objected", &both, S::objected, "2024-02-13", {A::answer_objection, A::close}},
        {"both roles, received", &both, S::received, "2024-02-08", {A::extend, A::respond, A::close}},
        {"other organisation", &other_ppid, S::objected, "2024-02-13", {}},
        {"KI registrar", &registrar, S::received, "2024-02-08", {}},
        {"applicant role", &applicant, S::answered, "2024-02-13", {}},
        {"admins", &admin, S::received, "2024-02-08", {}},
    };
    for (const auto& c : rows) {
      const std::string who_text{c.who};
      CAPTURE(who_text);
      CHECK(allowed_actions(in_state(c.state), *c.caller, day(c.today), d) == c.expected);
    }
  }

  TEST_CASE("allowed_actions from a user: inactive users get nothing") {
    user u;
    u.organisation = "kpu-pangkalpinang";
    u.roles = {role::ppid};
    const auto r = in_state(S::received);
    CHECK(allowed_actions(r, u, day("2024-02-08"), dues()) == std::vector<A>{A::extend, A::respond, A::close});
    u.active = false;
    CHECK(allowed_actions(r, u, day("2024-02-08"), dues()).empty());
  }

  TEST_CASE("deadline intents per step follow the table") {
    ruleset perki;
    perki.name = "perki_1_2019";
    perki.periods.push_back(period{"ppid_extension", 2, std::nullopt, period_unit::working_days, "ppid_deadline",
                                   "Pasal 12 (secondary)", confidence::secondary, ""});
    const auto t = at("2024-02-09T10:00:00+07:00");
    auto anchors = intent_anchors::at_act(t, day("2024-02-12"));
    anchors.received_at = at("2024-02-07T10:15:00+07:00");
    anchors.atasan_due = day("2024-02-19");
    using op = deadline_op;
    struct expect {
      op o;
      const char* key;
      const char* period;
      std::variant<instant, civil_date> anchor;
    };
    struct row {
      intent_step step;
      std::vector<expect> intents;
    };
    const row rows[] = {
        {intent_step::create, {{op::start, "ppid_response", "ppid_response", *anchors.received_at}}},
        {intent_step::extend,
         {{op::extend, "ppid_response", "ppid_extension", t}, {op::stop, "objection_filing", "", t}}},
        {intent_step::respond,
         {{op::meet, "ppid_response", "", t},
          {op::stop, "objection_filing", "", t},
          {op::start, "objection_filing", "objection_filing", t}}},
        {intent_step::response_deadline_passed,
         {{op::start, "objection_filing", "objection_filing", day("2024-02-13")}}},
        {intent_step::file_objection,
         {{op::meet, "objection_filing", "", t}, {op::start, "atasan_response", "atasan_response", t}}},
        {intent_step::file_objection_unanswered,
         {{op::stop, "ppid_response", "", t},
          {op::start, "objection_filing", "objection_filing", day("2024-02-13")},
          {op::meet, "objection_filing", "", t},
          {op::start, "atasan_response", "atasan_response", t}}},
        {intent_step::answer_objection,
         {{op::meet, "atasan_response", "", t},
          {op::stop, "dispute_filing", "", t},
          {op::start, "dispute_filing", "dispute_filing", t}}},
        {intent_step::atasan_deadline_passed, {{op::start, "dispute_filing", "dispute_filing", day("2024-02-20")}}},
        // No receipt recorded in these anchors: the receipt windows fall back to the act (the presumption).
        {intent_step::response_delivered,
         {{op::stop, "objection_filing", "", t}, {op::start, "objection_filing", "objection_filing", t}}},
        {intent_step::answer_delivered,
         {{op::stop, "dispute_filing", "", t}, {op::start, "dispute_filing", "dispute_filing", t}}},
        {intent_step::close, {{op::stop, "*", "", t}}},
        {intent_step::mark_disputed, {{op::meet, "dispute_filing", "", t}, {op::stop, "*", "", t}}},
    };
    for (const auto& c : rows) {
      CAPTURE(to_string(c.step));
      const auto got = intents_for(c.step, anchors, &perki);
      REQUIRE(got.size() == c.intents.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].op == c.intents[i].o);
        CHECK(got[i].key == c.intents[i].key);
        CHECK(got[i].period == c.intents[i].period);
        CHECK(got[i].at == c.intents[i].anchor);
        CHECK_FALSE(got[i].source.empty());
        CHECK(got[i].days.value_or(0) == (got[i].op == op::extend ? 2 : 0));
      }
    }
    // Without the rule set the extension length is left to the caller (period "ppid_extension").
    CHECK_FALSE(intents_for(intent_step::extend, anchors).front().days.has_value());
    // A missing anchor drops the intent instead of inventing a date.
    CHECK(intents_for(intent_step::response_deadline_passed, intent_anchors::at_act(t)).empty());
  }

  TEST_CASE("timer intents: silences once the due date has passed") {
    const auto d = dues();
    struct row {
      S state;
      const char* today;
      std::size_t count;
      const char* key;
      const char* anchor;
    };
    const row rows[] = {
        {S::received, "2024-02-12", 0, "", ""},
        {S::received, "2024-02-13", 1, "objection_filing", "2024-02-13"},
        {S::extended, "2024-03-01", 1, "objection_filing", "2024-02-13"},
        {S::answered, "2024-03-01", 0, "", ""},
        {S::objected, "2024-02-19", 0, "", ""},
        {S::objected, "2024-02-20", 1, "dispute_filing", "2024-02-20"},
        {S::objection_answered, "2024-04-01", 0, "", ""},
        {S::closed, "2024-04-01", 0, "", ""},
    };
    for (const auto& c : rows) {
      CAPTURE(to_string(c.state));
      const std::string today_text{c.today};
      CAPTURE(today_text);
      const auto got = timer_intents(in_state(c.state), d, day(c.today));
      REQUIRE(got.size() == c.count);
      if (c.count == 1) {
        CHECK(got[0].op == deadline_op::start);
        CHECK(got[0].key == c.key);
        CHECK(std::get<civil_date>(got[0].at) == day(c.anchor));
      }
    }
    CHECK(timer_intents(in_state(S::received), {}, day("2030-01-01")).empty());
  }
}

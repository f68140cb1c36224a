#include "domain/requests/transitions.hpp"

#include "domain/requests/new_request.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>

using namespace perkara::domain;

namespace {

instant at(const char* text) { return parse_rfc3339(text)->utc; }
civil_date day(const char* text) { return *parse_iso_date(text); }

// Timeline: received 7 Feb, answered 9 Feb, objection 14 Feb, atasan answer 16 Feb, now 20 Feb.
const char* const received_text = "2024-02-07T10:15:00+07:00";
const char* const responded_text = "2024-02-09T10:00:00+07:00";
const char* const objection_text = "2024-02-14T10:00:00+07:00";
const char* const answered_text = "2024-02-16T10:00:00+07:00";

transition_context context(const char* due_text, const char* today_text = "2024-02-20") {
  transition_context ctx;
  ctx.now = at("2024-02-20T12:00:00+07:00");
  ctx.today = day(today_text);
  ctx.respondent_offset_minutes = 7 * 60;
  ctx.due.ppid_response = day(due_text);
  return ctx;
}
// The response deadline still runs (21 Feb) or has passed (12 Feb) on 20 Feb.
transition_context before_due() { return context("2024-02-21"); }
transition_context after_due() { return context("2024-02-12"); }

information_request unwrap(const transition_result& r) {
  REQUIRE(r.ok());
  return r.next;
}

transition_result error_of(const transition_result& r) {
  REQUIRE_FALSE(r.ok());
  return r;
}

information_request received_request() {
  new_request_input in;
  in.respondent = "kpu-pangkalpinang";
  in.received_at = received_text;
  in.channel = "email";
  in.applicant.kind = "individual";
  in.applicant.name = "Siti Aminah";
  in.information_requested = "Salinan DPT Kecamatan Bukit Intan";
  creation_context cc;
  cc.id = "r1";
  cc.number = "0001/PPID-kpu-pangkalpinang/II/2024";
  cc.now = at("2024-02-07T10:20:00+07:00");
  return unwrap(create_request(in, cc));
}

const respond_command valid_respond{"refused", "Dikecualikan: data pribadi (UU 14/2008 Pasal 17 huruf h)",
                                    responded_text};
const file_objection_command valid_objection{{"a", "d"}, "Menolak alasan pengecualian", objection_text,
                                             "0001/KEB-kpu-pangkalpinang/II/2024"};
const answer_objection_command valid_answer{"upheld", "Pengecualian dikukuhkan", answered_text};

// A request in each state, reached through the transitions themselves.
std::map<request_state, information_request> one_of_each_state() {
  const auto ctx = before_due();
  std::map<request_state, information_request> out;
  const auto received = received_request();
  out[request_state::received] = received;
  out[request_state::extended] = unwrap(extend(received, {"Informasi belum dikuasai"}, ctx));
  const auto answered = unwrap(respond(received, valid_respond, ctx));
  out[request_state::answered] = answered;
  const auto objected = unwrap(file_objection(answered, valid_objection, ctx));
  out[request_state::objected] = objected;
  const auto objection_answered = unwrap(answer_objection(objected, valid_answer, ctx));
  out[request_state::objection_answered] = objection_answered;
  out[request_state::closed] = unwrap(close(received, {"Pemohon puas"}, ctx));
  out[request_state::disputed] = unwrap(mark_disputed(objection_answered, {"d1", std::nullopt}, ctx));
  return out;
}

transition_result apply(request_action action, const information_request& r, const transition_context& ctx) {
  switch (action) {
    // Dated inside both test periods (due 12 or 21 Feb), as an extension letter entered later is.
    case request_action::extend: return extend(r, {"Informasi belum dikuasai", "2024-02-09T09:00:00+07:00"}, ctx);
    case request_action::respond: return respond(r, valid_respond, ctx);
    case request_action::file_objection: return file_objection(r, valid_objection, ctx);
    case request_action::answer_objection: return answer_objection(r, valid_answer, ctx);
    case request_action::close: return close(r, {"Pemohon puas"}, ctx);
    case request_action::mark_disputed: return mark_disputed(r, {"d1", std::nullopt}, ctx);
  }
  return close(r, {"x"}, ctx);
}

using action_set = std::set<request_action>;
using A = request_action;
using S = request_state;

void check_matrix(const transition_context& ctx, const std::map<request_state, action_set>& expected) {
  const auto requests = one_of_each_state();
  for (const auto& entry : requests) {
    const auto state = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang)
    const auto& request = entry.second;
    for (auto action : all_request_actions) {
      CAPTURE(to_string(state));
      CAPTURE(to_string(action));
      const bool allowed = expected.at(state).count(action) > 0;
      const auto result = apply(action, request, ctx);
      CHECK(result.ok() == allowed);
      if (result.ok()) {
        const auto& ok = result;
        CHECK(ok.next.version == request.version + 1);
        CHECK(ok.event.action == to_string(action));
      } else {
        const auto& e = result;
        CHECK(e.refused == cases::refusal::not_allowed);
        auto listed = state_allowed_actions(request, ctx.today, ctx.due, action == A::mark_disputed);
        CHECK(e.allowed_actions == listed);
      }
    }
  }
}

}  // namespace

TEST_SUITE("request_transitions") {
  TEST_CASE("matrix: every action from every state while the response period runs") {
    const std::map<request_state, action_set> expected{
        {S::received, {A::extend, A::respond, A::close, A::mark_disputed}},
        {S::extended, {A::respond, A::close, A::mark_disputed}},
        {S::answered, {A::file_objection, A::close, A::mark_disputed}},
        {S::objected, {A::answer_objection, A::close, A::mark_disputed}},
        {S::objection_answered, {A::close, A::mark_disputed}},
        {S::closed, {}},
        {S::disputed, {}},
    };
    check_matrix(before_due(), expected);
  }

  TEST_CASE("matrix: every action from every state after the response period passed unanswered") {
    // extend stays possible: an extension notified within the period may be entered afterwards.
    const std::map<request_state, action_set> expected{
        {S::received, {A::extend, A::respond, A::file_objection, A::close, A::mark_disputed}},
        {S::extended, {A::respond, A::file_objection, A::close, A::mark_disputed}},
        {S::answered, {A::file_objection, A::close, A::mark_disputed}},
        {S::objected, {A::answer_objection, A::close, A::mark_disputed}},
        {S::objection_answered, {A::close, A::mark_disputed}},
        {S::closed, {}},
        {S::disputed, {}},
    };
    check_matrix(after_due(), expected);
  }

  TEST_CASE("target states") {
    const auto s = one_of_each_state();
    for (const auto& entry : s) {
      const auto state = entry.first;
      const auto& request = entry.second;
      CAPTURE(to_string(state));
      CHECK(request.state == state);
    }
    CHECK(s.at(S::received).version == 1);
    CHECK(s.at(S::extended).version == 2);
    CHECK(s.at(S::objection_answered).version == 4);
    CHECK(s.at(S::disputed).version == 5);
    CHECK(s.at(S::disputed).dispute_id == "d1");
    CHECK(s.at(S::extended).extension_used());
    CHECK(s.at(S::closed).closed->reason == "Pemohon puas");
    REQUIRE(s.at(S::objected).objection);
    CHECK(s.at(S::objected).objection->number == "0001/KEB-kpu-pangkalpinang/II/2024");
    CHECK(s.at(S::objection_answered).objection_answer->decision == objection_decision::upheld);
    CHECK(s.at(S::answered).response->decision == response_decision::refused);
  }

  TEST_CASE("extension: once only, dated within the response period, entered when convenient") {
    const auto received = received_request();
    SUBCASE("a second extension is refused with 409") {
      const auto extended = unwrap(extend(received, {"belum tersedia"}, before_due()));
      const auto e = error_of(extend(extended, {"lagi"}, before_due()));
      CHECK(e.refused == cases::refusal::not_allowed);
      CHECK(e.allowed_actions == std::vector<request_action>{A::respond, A::close});
    }
    SUBCASE("a received request that somehow carries an extension cannot extend again") {
      auto r = received;
      r.extension = request_extension{"x", at(received_text)};
      CHECK(error_of(extend(r, {"lagi"}, before_due())).refused == cases::refusal::not_allowed);
    }
    // The act's date decides, not the day it is entered: the period ends Mon 12 Feb 2024.
    struct row {
      const char* now;
      const char* extended_at;  // "" = not given (now)
      const char* error_field;  // "" = accepted
    };
    for (const row& c : {
             row{"2024-02-08T09:00:00+07:00", "", ""}, row{"2024-02-12T15:00:00+07:00", "", ""},
             row{"2024-02-13T08:00:00+07:00", "", "extended_at"},
             // signed on the last day, entered the next morning (and after a weekend)
             row{"2024-02-13T08:00:00+07:00", "2024-02-12T15:30:00+07:00", ""},
             row{"2024-02-19T08:00:00+07:00", "2024-02-12T15:30:00+07:00", ""},
             row{"2024-02-13T08:00:00+07:00", "2024-02-13T07:30:00+07:00", "extended_at"},
             row{"2024-02-13T08:00:00+07:00", "2024-02-06T10:00:00+07:00", "extended_at"},  // before receipt
             row{"2024-02-13T08:00:00+07:00", "2024-02-14T10:00:00+07:00", "extended_at"},  // in the future
         }) {
      const std::string now_text{c.now};
      const std::string extended_text{c.extended_at};
      CAPTURE(now_text);
      CAPTURE(extended_text);
      auto ctx = context("2024-02-12");
      ctx.now = at(c.now);
      ctx.today = local_date(ctx.now, 7 * 60);
      const auto r = extend(received, {"belum tersedia", c.extended_at}, ctx);
      if (std::string_view{c.error_field}.empty()) {
        const auto next = unwrap(r);
        REQUIRE(next.extension);
        CHECK(next.extension->at == (extended_text.empty() ? ctx.now : at(c.extended_at)));
      } else {
        const auto e = error_of(r);
        CHECK(e.refused == cases::refusal::invalid);
        REQUIRE(e.errors.size() == 1);
        CHECK(e.errors[0].field == c.error_field);
      }
    }
    SUBCASE("a reason is required") {
      const auto e = error_of(extend(received, {"  "}, before_due()));
      CHECK(e.refused == cases::refusal::invalid);
      REQUIRE(e.errors.size() == 1);
      CHECK(e.errors[0].field == "reason");
    }
  }

  TEST_CASE("objection: before the deadline with no answer is refused, after an answer it is fine") {
    const auto received = received_request();
    const auto e = error_of(file_objection(received, valid_objection, before_due()));
    CHECK(e.refused == cases::refusal::not_allowed);
    CHECK(e.allowed_actions == std::vector<request_action>{A::extend, A::respond, A::close});

    const auto answered = unwrap(respond(received, valid_respond, before_due()));
    const auto objected = unwrap(file_objection(answered, valid_objection, before_due()));
    CHECK(objected.state == S::objected);
    CHECK(objected.objection->grounds == std::vector<objection_ground>{objection_ground::a, objection_ground::d});
  }

  TEST_CASE("objection on silence: the ground arises only after the due date") {
    const auto received = received_request();
    struct row {
      const char* received_at;
      bool ok;
    };
    for (const row& c : {row{"2024-02-12T15:00:00+07:00", false}, row{"2024-02-13T08:00:00+07:00", true},
                         row{"2024-02-12T20:00:00Z", true} /* 13 Feb 03:00 WIB */}) {
      const std::string received_at_text{c.received_at};
      CAPTURE(received_at_text);
      auto cmd = valid_objection;
      cmd.grounds = {"c"};
      cmd.received_at = c.received_at;
      const auto r = file_objection(received, cmd, after_due());
      CHECK(r.ok() == c.ok);
      if (!r.ok()) {
        const auto& e = r;
        CHECK(e.refused == cases::refusal::invalid);
        REQUIRE(e.errors.size() == 1);
        CHECK(e.errors[0].field == "received_at");
      } else {
        CHECK(r.event.payload_json.find(R"("basis":"not_answered")") != std::string::npos);
      }
    }
  }

  TEST_CASE("objection grounds: a-g, at least one, no duplicates") {
    const auto answered = unwrap(respond(received_request(), valid_respond, before_due()));
    struct row {
      std::vector<std::string> grounds;
      std::vector<std::string> error_fields;
    };
    const std::vector<row> rows{
        {{"a"}, {}},
        {{"g", "b", "c"}, {}},
        {{}, {"grounds"}},
        {{"h"}, {"grounds[0]"}},
        {{"A"}, {"grounds[0]"}},
        {{"a", "b", "a"}, {"grounds[2]"}},
        {{"", "c"}, {"grounds[0]"}},
        {{"ab"}, {"grounds[0]"}},
    };
    for (const auto& c : rows) {
      CAPTURE(c.grounds.size());
      CAPTURE(c.grounds.empty() ? std::string{} : c.grounds.front());
      auto cmd = valid_objection;
      cmd.grounds = c.grounds;
      const auto r = file_objection(answered, cmd, before_due());
      std::vector<std::string> fields;
      if (!r.ok()) {
        for (const auto& fe : r.errors) {
          fields.push_back(fe.field);
        }
      }
      CHECK(fields == c.error_fields);
    }
    auto cmd = valid_objection;
    cmd.grounds = {"g", "b", "c"};
    const auto ok = file_objection(answered, cmd, before_due());
    REQUIRE(ok.ok());
    CHECK(ok.event.payload_json.find(R"("grounds":["b","c","g"])") != std::string::npos);
  }

  TEST_CASE("dates that contradict each other or lie in the future are 422 field errors") {
    const auto ctx = before_due();
    const auto received = received_request();
    const auto answered = unwrap(respond(received, valid_respond, ctx));
    const auto objected = unwrap(file_objection(answered, valid_objection, ctx));
    struct row {
      const char* name;
      std::function<transition_result()> run;
      const char* field;  // nullptr = success expected
    };
    const auto respond_at = [&](const char* t) {
      auto c = valid_respond;
      c.responded_at = t;
      return respond(received, c, ctx);
    };
    const auto object_at = [&](const char* t) {
      auto c = valid_objection;
      c.received_at = t;
      return file_objection(answered, c, ctx);
    };
    const auto answer_at = [&](const char* t) {
      auto c = valid_answer;
      c.answered_at = t;
      return answer_objection(objected, c, ctx);
    };
    const std::vector<row> rows{
        {"answer before the request was received", [&] { return respond_at("2024-02-07T10:14:59+07:00"); }, "responded_at"},
        {"answer at the receipt instant", [&] { return respond_at("2024-02-07T03:15:00Z"); }, nullptr},
        {"answer in the future", [&] { return respond_at("2024-02-20T12:10:00+07:00"); }, "responded_at"},
        {"answer within the clock skew", [&] { return respond_at("2024-02-20T12:04:00+07:00"); }, nullptr},
        {"answer not RFC 3339", [&] { return respond_at("2024-02-09"); }, "responded_at"},
        {"answer missing", [&] { return respond_at(""); }, "responded_at"},
        {"objection before the answer", [&] { return object_at("2024-02-09T09:59:00+07:00"); }, "received_at"},
        {"objection in the future", [&] { return object_at("2024-02-21T08:00:00+07:00"); }, "received_at"},
        {"atasan answer before the objection", [&] { return answer_at("2024-02-14T09:00:00+07:00"); }, "answered_at"},
        {"atasan answer in the future", [&] { return answer_at("2024-03-01T09:00:00+07:00"); }, "answered_at"},
        {"atasan answer fine", [&] { return answer_at("2024-02-15T09:00:00+07:00"); }, nullptr},
    };
    for (const auto& c : rows) {
      const std::string name_text{c.name};
      CAPTURE(name_text);
      const auto r = c.run();
      if (c.field == nullptr) {
        CHECK(r.ok());
      } else {
        const auto e = error_of(r);
        CHECK(e.refused == cases::refusal::invalid);
        REQUIRE(e.errors.size() == 1);
        CHECK(e.errors[0].field == c.field);
      }
    }
  }

  TEST_CASE("decisions and reasons") {
    const auto ctx = before_due();
    const auto received = received_request();
    struct row {
      const char* decision;
      const char* reasons;
      std::vector<std::string> fields;
    };
    for (const row& c : {row{"granted", "", {}}, row{"refused", "", {"reasons"}}, row{"not_held", "tidak ada", {}},
                         row{"partly_granted", "", {"reasons"}}, row{"accepted", "x", {"decision"}},
                         row{"", "", {"decision"}}}) {
      const std::string decision_text{c.decision};
      CAPTURE(decision_text);
      const auto r = respond(received, {c.decision, c.reasons, responded_text}, ctx);
      std::vector<std::string> fields;
      if (!r.ok()) {
        for (const auto& fe : r.errors) fields.push_back(fe.field);
      }
      CHECK(fields == c.fields);
    }
    const auto answered = unwrap(respond(received, valid_respond, ctx));
    const auto objected = unwrap(file_objection(answered, valid_objection, ctx));
    CHECK(error_of(answer_objection(objected, {"rejected", "x", answered_text}, ctx)).errors[0].field == "decision");
    CHECK(error_of(answer_objection(objected, {"overturned", "", answered_text}, ctx)).errors[0].field == "reasons");
    CHECK(error_of(close(received, {""}, ctx)).errors[0].field == "reason");
    CHECK(error_of(mark_disputed(received, {"", std::nullopt}, ctx)).errors[0].field == "dispute_id");
    CHECK(error_of(mark_disputed(received, {"d", at("2024-02-01T00:00:00Z")}, ctx)).errors[0].field == "submitted_at");
  }

  TEST_CASE("a late response is accepted and marked late") {
    const auto r = respond(received_request(), valid_respond, context("2024-02-08"));
    REQUIRE(r.ok());
    CHECK(r.event.payload_json ==
          R"j({"decision":"refused","reasons":"Dikecualikan: data pribadi (UU 14/2008 Pasal 17 huruf h)",)j"
          R"j("responded_at":"2024-02-09T10:00:00+07:00","late":true})j");
  }

  TEST_CASE("actions on closed and disputed requests are not allowed and list nothing") {
    const auto s = one_of_each_state();
    for (auto state : {S::closed, S::disputed}) {
      for (auto action : all_request_actions) {
        CAPTURE(to_string(state));
        CAPTURE(to_string(action));
        const auto e = error_of(apply(action, s.at(state), after_due()));
        CHECK(e.refused == cases::refusal::not_allowed);
        CHECK(e.allowed_actions.empty());
      }
    }
  }

  TEST_CASE("action names round-trip") {
    for (auto a : all_request_actions) {
      CHECK(parse_request_action(to_string(a)) == a);
    }
    CHECK_FALSE(parse_request_action("withdraw").has_value());
  }

  // docs/deadlines.md §5 "Receipt facts": the window that runs from the applicant's receipt of an answer
  // starts from it when it is known, else from the answer itself (the presumption).
  TEST_CASE("receipt facts: the answer received by post three days after it was sent") {
    const auto received = received_request();
    const auto start_of = [](const transition_result& ok, std::string_view key) -> std::optional<instant> {
      for (const auto& i : ok.intents) {
        if (i.key == key && i.op == deadline_op::start) return std::get<instant>(i.at);
      }
      return std::nullopt;
    };
    struct row {
      const char* name;
      const char* delivered_at;  // "" = not recorded
      const char* window_from;   // expected objection_filing anchor; "" = refused on delivered_at
    };
    for (const row& c : {
             row{"not recorded: presumed received when sent", "", responded_text},
             row{"by post, three days later", "2024-02-12T11:00:00+07:00", "2024-02-12T11:00:00+07:00"},
             row{"before the answer was given", "2024-02-09T09:00:00+07:00", ""},
             row{"in the future", "2024-02-21T09:00:00+07:00", ""},
         }) {
      CAPTURE(std::string{c.name});
      auto cmd = valid_respond;
      cmd.delivered_at = c.delivered_at;
      const auto r = respond(received, cmd, before_due());
      if (std::string_view{c.window_from}.empty()) {
        const auto e = error_of(r);
        REQUIRE(e.errors.size() == 1);
        CHECK(e.errors[0].field == "delivered_at");
        continue;
      }
      const auto& ok = r;
      CHECK(start_of(ok, "objection_filing") == at(c.window_from));
      CHECK(ok.next.response->delivered_at.has_value() == (std::string_view{c.delivered_at} != ""));
    }

    SUBCASE("recorded afterwards: the objection window restarts from the receipt, with an event") {
      const auto answered = unwrap(respond(received, valid_respond, before_due()));
      const auto r = record_delivery(answered, {"response", "2024-02-12T11:00:00+07:00"}, before_due());
      REQUIRE(r.ok());
      const auto& ok = r;
      CHECK(ok.next.version == answered.version + 1);
      CHECK(ok.next.state == S::answered);
      REQUIRE(ok.next.response->delivered_at);
      CHECK(ok.next.response->delivered_at->utc == at("2024-02-12T11:00:00+07:00"));
      REQUIRE(ok.intents.size() == 2);
      CHECK(ok.intents[0].op == deadline_op::stop);
      CHECK(start_of(ok, "objection_filing") == at("2024-02-12T11:00:00+07:00"));
      CHECK(ok.event.payload_json ==
            R"j({"answer":"response","delivered_at":"2024-02-12T11:00:00+07:00","previous":null})j");
      // Once objected, the window no longer matters: the fact is kept, no clock moves.
      const auto objected = unwrap(file_objection(answered, valid_objection, before_due()));
      const auto later = record_delivery(objected, {"response", "2024-02-12T11:00:00+07:00"}, before_due());
      REQUIRE(later.ok());
      CHECK(later.intents.empty());
    }
    SUBCASE("refusals") {
      CHECK(error_of(record_delivery(received, {"response", "2024-02-12T11:00:00+07:00"}, before_due())).refused ==
            cases::refusal::not_allowed);  // nothing was answered yet
      const auto answered = unwrap(respond(received, valid_respond, before_due()));
      CHECK(
          error_of(record_delivery(answered, {"letter", "2024-02-12T11:00:00+07:00"}, before_due())).errors[0].field ==
          "answer");
      CHECK(error_of(record_delivery(answered, {"response", ""}, before_due())).errors[0].field == "delivered_at");
    }
  }
}

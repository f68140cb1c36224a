// The court stage with real dates on the real 2024 calendar (docs/deadlines.md "Court stage" and
// "Receipt facts"): each party's window from its own receipt of the decision copy, both parties objecting,
// the first-instance decision opening the cassation windows (UU 14/2008 Pasal 50), the cassation and
// finality. The clocks are counted as the api layer's clock book counts them: each start intent's period
// from the rule set, from the intent's start instant.

#include "dispute_fixture.hpp"
#include "domain/deadline/compute.hpp"
#include "domain/disputes/start_basis.hpp"
#include "domain/support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace dispute_fixture;

namespace {

constexpr int wib = 7 * 60;
const office_hours wib_hours{8 * 60, 16 * 60};

// The court periods of general v1 as data/rulesets.csv has them.
ruleset court_rules() {
  ruleset r;
  r.name = "general";
  r.version = 1;
  r.periods = {
      {"decision_copy", 3, std::nullopt, period_unit::working_days, "decision_read", "PERKI 1/2013 Ps 59",
       confidence::secondary, ""},
      {"court_objection", 14, std::nullopt, period_unit::working_days, "decision_copy_received", "UU 14/2008 Ps 48(1)",
       confidence::secondary, ""},
      {"cassation", 14, std::nullopt, period_unit::calendar_days, "court_decision_received", "UU 14/2008 Ps 50",
       confidence::secondary, ""},
  };
  return r;
}

// A case's clocks as the clock book keeps them: the due date of each key (open, or the latest closed).
struct clocks {
  ruleset rules = court_rules();
  working_calendar calendar = perkara::test::real_calendar();
  due_map due;
  std::map<std::string, instant, std::less<>> started;  // the start instant of each key's latest clock

  void apply_intents(const transition_result& r) {
    for (const auto& i : r.intents) {
      if (i.op != intent_kind::start || i.period.empty()) continue;
      deadline_query q;
      q.received_at = std::get<instant>(i.at);
      const auto result = compute_deadline(calendar, wib_hours, wib, rules, i.period, q);
      REQUIRE(std::holds_alternative<deadline_explanation>(result));
      due[i.key] = std::get<deadline_explanation>(result).due;
      started[i.key] = std::get<instant>(i.at);
    }
  }

  transition_context at(std::string_view now) const {
    auto c = ctx_at(dispute_fixture::at(now), due);
    c.rules = &rules;
    return c;
  }

  // Applies, requires success, and counts the new clocks.
  dispute step(const dispute& d, const command& c, std::string_view now) {
    const auto r = apply(d, c, at(now));
    std::string why = r.detail;
    for (const auto& e : r.errors) why += "; " + e.field + ": " + e.message;
    INFO(to_string(action_of(c)), " from ", to_string(d.state), ": ", why);
    REQUIRE(r.ok());
    apply_intents(r);
    return r.next;
  }

  [[nodiscard]] std::string due_of(std::string_view key) const {
    const auto it = due.find(key);
    return it == due.end() ? std::string("-") : format_iso_date(it->second);
  }
};

// Granted on Mon 1 Jul 2024 at KI Pusat (WIB), with one order of 10 HK.
dispute decided_on_1_july() {
  auto d = adjudication_case();
  auto decision = granted_decision();
  decision.read_at = dispute_fixture::at("2024-07-01T14:00:00+07:00");
  return step(d, decision, ctx_at(dispute_fixture::at("2024-07-01T15:00:00+07:00")));
}

}  // namespace

TEST_SUITE("dispute_court_stage") {
  TEST_CASE("a decision copy received by post three days after dispatch moves that party's window only") {
    // The respondent takes its copy in person on Tue 2 Jul; the applicant's is posted the same day and
    // reaches it on Fri 5 Jul. 14 HK from Tue 2 Jul: Mon 22 Jul; from Fri 5 Jul: Thu 25 Jul.
    struct row {
      const char* name;
      std::optional<std::string> delivered_on_serve;  // delivered_at given with serve_copy
      std::optional<std::string> delivered_later;     // recorded afterwards with record_delivery
      const char* applicant_due;
      start_basis basis;
    };
    const row rows[] = {
        {"receipt not recorded: presumed received when sent", std::nullopt, std::nullopt, "2024-07-22",
         start_basis::presumed_receipt},
        {"receipt recorded with the service", "2024-07-05T10:00:00+07:00", std::nullopt, "2024-07-25",
         start_basis::receipt},
        {"receipt recorded the next week (record_delivery)", std::nullopt, "2024-07-05T10:00:00+07:00", "2024-07-25",
         start_basis::receipt},
        {"received after office hours: counted from the next working day", "2024-07-05T16:30:00+07:00", std::nullopt,
         "2024-07-26", start_basis::receipt},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      clocks c;
      auto d = decided_on_1_july();
      cmd::serve_copy to_applicant{party::applicant, dispute_fixture::at("2024-07-02T10:00:00+07:00")};
      if (r.delivered_on_serve) to_applicant.delivered_at = dispute_fixture::at(*r.delivered_on_serve);
      d = c.step(d, to_applicant, "2024-07-08T09:00:00+07:00");
      d = c.step(d, cmd::serve_copy{party::respondent, dispute_fixture::at("2024-07-02T11:00:00+07:00")},
                 "2024-07-08T09:00:00+07:00");
      if (r.delivered_later) {
        const auto recorded = apply(d, cmd::record_delivery{party::applicant, dispute_fixture::at(*r.delivered_later)},
                                    c.at("2024-07-09T09:00:00+07:00"));
        REQUIRE(recorded.ok());
        // The old window is stopped and a new one starts from the receipt; nothing else moves.
        REQUIRE(recorded.intents.size() == 2);
        CHECK(recorded.intents[0].op == intent_kind::stop);
        CHECK(recorded.intents[0].key == "court_objection:applicant");
        CHECK(recorded.intents[1].op == intent_kind::start);
        CHECK(recorded.intents[1].key == "court_objection:applicant");
        CHECK(recorded.event.payload_json.find(R"("previous":null)") != std::string::npos);
        c.apply_intents(recorded);
        d = recorded.next;
      }
      CHECK(c.due_of("court_objection:applicant") == r.applicant_due);
      CHECK(c.due_of("court_objection:respondent") == "2024-07-22");
      CHECK(start_basis_of(d, "court_objection:applicant", c.started.at("court_objection:applicant")) == r.basis);
      CHECK(start_basis_of(d, "court_objection:respondent", c.started.at("court_objection:respondent")) ==
            start_basis::presumed_receipt);
    }

    // A receipt before the service, or one for a party not served, is refused naming the field.
    auto d = decided_on_1_july();
    CHECK(apply(d,
                cmd::serve_copy{party::applicant, dispute_fixture::at("2024-07-02T10:00:00+07:00"),
                                dispute_fixture::at("2024-07-01T10:00:00+07:00")},
                ctx_at(dispute_fixture::at("2024-07-08T09:00:00+07:00")))
              .errors.at(0)
              .field == "delivered_at");
    d = step(d, cmd::serve_copy{party::applicant, dispute_fixture::at("2024-07-02T10:00:00+07:00")},
             ctx_at(dispute_fixture::at("2024-07-08T09:00:00+07:00")));
    const auto unserved =
        apply(d, cmd::record_delivery{party::respondent, dispute_fixture::at("2024-07-05T10:00:00+07:00")},
              ctx_at(dispute_fixture::at("2024-07-08T09:00:00+07:00")));
    REQUIRE(unserved.refused == cases::refusal::invalid);
    CHECK(unserved.errors.at(0).field == "party");
  }

  TEST_CASE("both parties object in court, each within its own window, the PTUN decides, cassation, final") {
    clocks c;
    auto d = decided_on_1_july();
    d = c.step(d,
               cmd::serve_copy{party::applicant, dispute_fixture::at("2024-07-02T10:00:00+07:00"),
                               dispute_fixture::at("2024-07-05T10:00:00+07:00")},
               "2024-07-08T09:00:00+07:00");
    d = c.step(d, cmd::serve_copy{party::respondent, dispute_fixture::at("2024-07-02T11:00:00+07:00")},
               "2024-07-08T09:00:00+07:00");

    // The respondent objects on Thu 18 Jul (its window ends Mon 22 Jul).
    d = c.step(d,
               cmd::record_court_objection{party::respondent, dispute_fixture::at("2024-07-18T10:00:00+07:00"),
                                           "PTUN Jakarta", "101/G/KI/2024/PTUN.JKT"},
               "2024-07-18T11:00:00+07:00");
    CHECK(d.state == dispute_state::court_objection);
    // The applicant may still object: on Wed 24 Jul, inside its own window (Thu 25 Jul, from its receipt),
    // although the respondent's ended on Mon 22 Jul.
    const auto objected =
        apply(d,
              cmd::record_court_objection{party::applicant, dispute_fixture::at("2024-07-24T10:00:00+07:00"),
                                          "PTUN Jakarta", "102/G/KI/2024/PTUN.JKT"},
              c.at("2024-07-24T11:00:00+07:00"));
    REQUIRE(objected.ok());
    CHECK(objected.warnings.empty());
    d = objected.next;
    REQUIRE(d.court_objections.size() == 2);
    CHECK_FALSE(d.court_objections[0].after_window);
    CHECK_FALSE(d.court_objections[1].after_window);
    // Each party objects once per instance.
    CHECK(apply(d,
                cmd::record_court_objection{party::applicant, dispute_fixture::at("2024-07-24T10:00:00+07:00"), "PTUN",
                                            "1"},
                c.at("2024-07-24T11:00:00+07:00"))
              .refused == cases::refusal::not_allowed);

    // The PTUN decides on Mon 2 Sep: not final; each party's cassation window runs 14 days, to Mon 16 Sep,
    // Maulid Nabi, so to Tue 17 Sep (docs/deadlines.md rule 8).
    const auto decided =
        apply(d,
              cmd::record_court_decision{dispute_fixture::at("2024-09-02T10:00:00+07:00"),
                                         "Menguatkan putusan Komisi Informasi", court_instance::first_instance,
                                         "PTUN Jakarta", "101/G/KI/2024/PTUN.JKT"},
              c.at("2024-09-02T11:00:00+07:00"));
    REQUIRE(decided.ok());
    c.apply_intents(decided);
    d = decided.next;
    CHECK(d.state == dispute_state::court_objection);
    CHECK_FALSE(d.final_on);
    CHECK(c.due_of("cassation:applicant") == "2024-09-17");
    CHECK(c.due_of("cassation:respondent") == "2024-09-17");
    CHECK(start_basis_of(d, "cassation:respondent", c.started.at("cassation:respondent")) ==
          start_basis::presumed_receipt);

    // Finality waits for both cassation windows: not on Tue 17 Sep, possible on Wed 18 Sep.
    const auto cassation_windows = [&](std::string_view now) { return apply(d, cmd::mark_final{}, c.at(now)); };
    CHECK(cassation_windows("2024-09-17T15:00:00+07:00").refused == cases::refusal::not_allowed);
    const auto unused = cassation_windows("2024-09-18T09:00:00+07:00");
    REQUIRE(unused.ok());
    CHECK(unused.next.final_on == day("2024-09-18"));
    REQUIRE(unused.next.decision);
    const auto compliance = std::find_if(unused.intents.begin(), unused.intents.end(),
                                         [](const deadline_intent& i) { return i.key == "compliance:1"; });
    REQUIRE(compliance != unused.intents.end());
    CHECK(local_date(std::get<instant>(compliance->at), wib) == day("2024-09-18"));

    // Instead, the respondent seeks cassation on Wed 11 Sep; the Mahkamah Agung decides on Thu 31 Oct:
    // final that day, and the compliance clocks run from it.
    d = c.step(d,
               cmd::record_court_objection{party::respondent, dispute_fixture::at("2024-09-11T10:00:00+07:00"), "",
                                           "555 K/TUN/KI/2024", court_instance::cassation},
               "2024-09-11T11:00:00+07:00");
    REQUIRE(d.court_objections.size() == 3);
    CHECK(d.court_objections[2].court == "Mahkamah Agung");
    CHECK_FALSE(d.court_objections[2].after_window);
    CHECK(apply(d, cmd::mark_final{}, c.at("2024-09-18T09:00:00+07:00")).refused == cases::refusal::not_allowed);
    const auto last = apply(d,
                            cmd::record_court_decision{dispute_fixture::at("2024-10-31T10:00:00+07:00"),
                                                       "Menolak permohonan kasasi", court_instance::cassation},
                            c.at("2024-10-31T11:00:00+07:00"));
    REQUIRE(last.ok());
    CHECK(last.next.state == dispute_state::final);
    CHECK(last.next.final_on == day("2024-10-31"));
    REQUIRE(last.next.court_decisions.size() == 2);
    CHECK(last.next.court_decisions[1].instance == court_instance::cassation);
    const auto stopped = clocks_stopped_in(dispute_state::final);
    CHECK(std::find(stopped.begin(), stopped.end(), "cassation:applicant") != stopped.end());
  }

  TEST_CASE("a PTUN decision received by post moves that party's cassation window only") {
    // Both parties object in July; the PTUN pronounces its decision on Mon 2 Sep 2024 and posts it. Presumed
    // received when pronounced, each cassation window (14 calendar days) ends Mon 16 Sep, Maulid Nabi, so
    // Tue 17 Sep. The applicant's copy reaches it on Fri 6 Sep: its window ends Fri 20 Sep; the
    // respondent's stays Tue 17 Sep, presumed.
    struct row {
      const char* name;
      std::optional<std::string> delivered_with_decision;  // deliveries given with record_court_decision
      std::optional<std::string> delivered_later;          // recorded afterwards with record_delivery
      const char* applicant_due;
      start_basis basis;
      const char* final_on;  // when mark_final first succeeds (both windows passed)
    };
    const row rows[] = {
        {"receipt not recorded: presumed received when pronounced", std::nullopt, std::nullopt, "2024-09-17",
         start_basis::presumed_receipt, "2024-09-18"},
        {"receipt recorded with the decision", "2024-09-06T10:00:00+07:00", std::nullopt, "2024-09-20",
         start_basis::receipt, "2024-09-21"},
        {"receipt recorded later (record_delivery, document court_decision)", std::nullopt, "2024-09-06T10:00:00+07:00",
         "2024-09-20", start_basis::receipt, "2024-09-21"},
        {"received on Wed 4 Sep: day 14 is Wed 18 Sep", "2024-09-04T09:00:00+07:00", std::nullopt, "2024-09-18",
         start_basis::receipt, "2024-09-19"},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      clocks c;
      auto d = decided_on_1_july();
      d = c.step(d, cmd::serve_copy{party::applicant, dispute_fixture::at("2024-07-02T10:00:00+07:00")},
                 "2024-07-08T09:00:00+07:00");
      d = c.step(d, cmd::serve_copy{party::respondent, dispute_fixture::at("2024-07-02T11:00:00+07:00")},
                 "2024-07-08T09:00:00+07:00");
      d = c.step(d,
                 cmd::record_court_objection{party::respondent, dispute_fixture::at("2024-07-18T10:00:00+07:00"),
                                             "PTUN Jakarta", "101/G/KI/2024/PTUN.JKT"},
                 "2024-07-18T11:00:00+07:00");
      cmd::record_court_decision ptun{dispute_fixture::at("2024-09-02T10:00:00+07:00"),
                                      "Menguatkan putusan Komisi Informasi", court_instance::first_instance,
                                      "PTUN Jakarta", "101/G/KI/2024/PTUN.JKT"};
      if (r.delivered_with_decision) {
        ptun.deliveries.push_back(delivery{party::applicant, dispute_fixture::at(*r.delivered_with_decision)});
      }
      d = c.step(d, ptun, "2024-09-09T09:00:00+07:00");
      if (r.delivered_later) {
        const auto recorded = apply(d,
                                    cmd::record_delivery{party::applicant, dispute_fixture::at(*r.delivered_later),
                                                         delivered_document::court_decision},
                                    c.at("2024-09-10T09:00:00+07:00"));
        REQUIRE(recorded.ok());
        // The presumed window is stopped and a new one starts from the receipt; nothing else moves.
        REQUIRE(recorded.intents.size() == 2);
        CHECK(recorded.intents[0].op == intent_kind::stop);
        CHECK(recorded.intents[0].key == "cassation:applicant");
        CHECK(recorded.intents[1].op == intent_kind::start);
        CHECK(recorded.intents[1].key == "cassation:applicant");
        CHECK(recorded.event.payload_json.find(R"("document":"court_decision")") != std::string::npos);
        CHECK(recorded.event.payload_json.find(R"("previous":null)") != std::string::npos);
        c.apply_intents(recorded);
        d = recorded.next;
        // The KI decision copy's receipt is untouched.
        CHECK_FALSE(d.served(party::applicant)->delivered_at);
      }
      CHECK(c.due_of("cassation:applicant") == r.applicant_due);
      CHECK(c.due_of("cassation:respondent") == "2024-09-17");
      CHECK(start_basis_of(d, "cassation:applicant", c.started.at("cassation:applicant")) == r.basis);
      CHECK(start_basis_of(d, "cassation:respondent", c.started.at("cassation:respondent")) ==
            start_basis::presumed_receipt);
      // Finality waits for the later window.
      const auto final_day = day(r.final_on);
      const auto before = format_iso_date(add_days(final_day, -1)) + "T15:00:00+07:00";
      CHECK(apply(d, cmd::mark_final{}, c.at(before)).refused == cases::refusal::not_allowed);
      const auto passed = apply(d, cmd::mark_final{}, c.at(std::string(r.final_on) + "T09:00:00+07:00"));
      REQUIRE(passed.ok());
      CHECK(passed.next.final_on == final_day);
    }

    // Refused, naming the field: a receipt before the pronouncement or in the future, a party named twice,
    // receipts with a cassation decision, and a court decision's receipt before the court decided.
    clocks c;
    auto d = court_objection_case();
    const auto refused = [&](const cmd::record_court_decision& x, std::string_view now) {
      const auto r = apply(d, x, c.at(now));
      REQUIRE(r.refused == cases::refusal::invalid);
      return r.errors.at(0).field;
    };
    cmd::record_court_decision early{at("2024-03-27T10:00:00+07:00"), "Menolak keberatan"};
    early.deliveries = {delivery{party::applicant, at("2024-03-27T09:00:00+07:00")}};
    CHECK(refused(early, "2024-04-01T09:00:00+07:00") == "deliveries[0].delivered_at");
    cmd::record_court_decision future{at("2024-03-27T10:00:00+07:00"), "Menolak keberatan"};
    future.deliveries = {delivery{party::respondent, at("2024-03-27T11:00:00+07:00")},
                         delivery{party::applicant, at("2024-04-01T10:00:00+07:00")}};
    CHECK(refused(future, "2024-04-01T09:00:00+07:00") == "deliveries[1].delivered_at");
    cmd::record_court_decision twice{at("2024-03-27T10:00:00+07:00"), "Menolak keberatan"};
    twice.deliveries = {delivery{party::applicant, at("2024-03-28T10:00:00+07:00")},
                        delivery{party::applicant, at("2024-03-29T10:00:00+07:00")}};
    CHECK(refused(twice, "2024-04-01T09:00:00+07:00") == "deliveries[1].party");
    const auto not_decided = apply(
        d, cmd::record_delivery{party::applicant, at("2024-03-28T10:00:00+07:00"), delivered_document::court_decision},
        c.at("2024-04-01T09:00:00+07:00"));
    REQUIRE(not_decided.refused == cases::refusal::invalid);
    CHECK(not_decided.errors.at(0).field == "document");
    const auto decided = court_decided_case();
    const auto before_decision = apply(
        decided,
        cmd::record_delivery{party::applicant, at("2024-03-26T10:00:00+07:00"), delivered_document::court_decision},
        ctx_at());
    REQUIRE(before_decision.refused == cases::refusal::invalid);
    CHECK(before_decision.errors.at(0).field == "delivered_at");
    const auto cassation = cassation_case();
    cmd::record_court_decision ma{at("2024-04-10T10:00:00+07:00"), "Menolak kasasi", court_instance::cassation};
    ma.deliveries = {delivery{party::applicant, at("2024-04-11T10:00:00+07:00")}};
    const auto ma_refused = apply(cassation, ma, ctx_at(at("2024-04-15T09:00:00+07:00")));
    REQUIRE(ma_refused.refused == cases::refusal::invalid);
    CHECK(ma_refused.errors.at(0).field == "deliveries");
  }

  TEST_CASE("the court stage refuses what the instances do not allow") {
    clocks c;
    auto d = court_objection_case();
    // No cassation before the first instance decided; no cassation decision without a cassation.
    auto early =
        apply(d, cmd::record_court_objection{party::respondent, t_action, "", "", court_instance::cassation}, ctx_at());
    REQUIRE(early.refused == cases::refusal::invalid);
    CHECK(early.errors.at(0).field == "instance");
    auto no_cassation =
        apply(court_decided_case(), cmd::record_court_decision{t_action, "x", court_instance::cassation}, ctx_at());
    CHECK(no_cassation.refused == cases::refusal::not_allowed);  // nothing pending in court
    // A cassation before the first-instance decision's date is refused naming filed_at.
    auto before = apply(court_decided_case(),
                        cmd::record_court_objection{party::applicant, at("2024-03-26T10:00:00+07:00"), "", "",
                                                    court_instance::cassation},
                        ctx_at());
    REQUIRE(before.refused == cases::refusal::invalid);
    CHECK(before.errors.at(0).field == "filed_at");
    // After the first-instance decision, a late first-instance objection is refused.
    auto late =
        apply(court_decided_case(), cmd::record_court_objection{party::applicant, t_action, "PTUN", "1"}, ctx_at());
    REQUIRE(late.refused == cases::refusal::invalid);
    CHECK(late.errors.at(0).field == "instance");
  }
}

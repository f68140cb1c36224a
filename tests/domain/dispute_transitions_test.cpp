#include "domain/disputes/transitions.hpp"

#include "dispute_fixture.hpp"

#include <algorithm>
#include <functional>
#include <set>

using namespace dispute_fixture;
using a = perkara::domain::disputes::dispute_action;

namespace {

// A payload for `action` that passes every guard when the action is possible on `d`.
command sample_command(dispute_action action, const dispute& d) {
  switch (action) {
    case a::request_completion: return cmd::request_completion{{attachment::identity_document}};
    case a::complete: return cmd::complete{{attachment::identity_document}};
    case a::register_dispute: return cmd::register_dispute{t_action, "002/KIP-PSIP/IV/2024", 2, {}, {}};
    case a::reject_registration: return cmd::reject_registration{"Berkas tidak dilengkapi", t_action};
    case a::open_preliminary_examination: return cmd::open_preliminary_examination{t_action};
    case a::start_mediation: return cmd::start_mediation{"kom.andi", t_action, true};
    case a::mediation_failed: return cmd::mediation_failed{"Tidak tercapai kesepakatan", t_action};
    case a::start_adjudication: return cmd::start_adjudication{t_action};
    case a::schedule_hearing: return cmd::schedule_hearing{hearing_kind::evidence, t_action, "Ruang Sidang KI Pusat", ""};
    case a::decide: {
      const auto outcomes = decidable_outcomes(d.state);
      const auto outcome = outcomes.empty() ? dispute_outcome::granted : outcomes.front();
      return cmd::decide{outcome, "002/KIP-PSIP-A/IV/2024", t_action, {order{"Memberikan informasi", 10}}};
    }
    case a::serve_copy:
      return cmd::serve_copy{d.served(party::applicant) ? party::respondent : party::applicant, t_action};
    case a::record_court_objection: {
      // After the first-instance decision only a cassation; a party that has not filed at that instance.
      const auto instance = d.court_decided(court_instance::first_instance) != nullptr ? court_instance::cassation
                                                                                       : court_instance::first_instance;
      const bool applicant_may = (instance == court_instance::cassation || d.served(party::applicant) != nullptr) &&
                                 d.objection_of(party::applicant, instance) == nullptr;
      return cmd::record_court_objection{applicant_may ? party::applicant : party::respondent, t_action, "PTUN Jakarta",
                                         "1/G/2024", instance};
    }
    case a::record_court_decision:
      return cmd::record_court_decision{t_action, "Keberatan ditolak",
                                        d.first_objection(court_instance::cassation) != nullptr
                                            ? court_instance::cassation
                                            : court_instance::first_instance};
    case a::mark_final: return cmd::mark_final{};
    case a::record_compliance: return cmd::record_compliance{true, t_action, "Tanda terima CSV"};
    case a::withdraw: return cmd::withdraw{"Dicabut", t_action};
    case a::lapse: return cmd::lapse{"Pemohon tidak hadir dua kali", t_action};
    case a::record_delivery:
      return cmd::record_delivery{d.served(party::applicant) ? party::applicant : party::respondent, t_action};
  }
  return cmd::mark_final{};
}

struct matrix_row {
  const char* name;
  std::function<dispute()> build;
  due_map due;
  std::vector<dispute_action> expected;
};

std::set<dispute_action> as_set(const std::vector<dispute_action>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_SUITE("dispute_transitions") {
  TEST_CASE("every action from every state: allowed exactly as the action table of docs/dispute-workflow.md says") {
    const std::vector<matrix_row> rows = {
        {"submitted", [] { return open_case(); }, {},
         {a::request_completion, a::register_dispute, a::reject_registration, a::withdraw, a::lapse}},
        {"incomplete", [] { return step(open_case(), cmd::request_completion{{attachment::identity_document}}); }, {},
         {a::complete, a::reject_registration, a::withdraw, a::lapse}},
        {"registered", [] { return registered_case(); }, {},
         {a::open_preliminary_examination, a::schedule_hearing, a::withdraw, a::lapse}},
        {"preliminary_examination", [] { return preliminary_case(); }, {},
         {a::start_mediation, a::start_adjudication, a::schedule_hearing, a::decide, a::withdraw, a::lapse}},
        {"mediation", [] { return mediation_case(); }, {},
         {a::mediation_failed, a::schedule_hearing, a::decide, a::withdraw, a::lapse}},
        {"adjudication (ground d)", [] { return adjudication_case(); }, {},
         {a::schedule_hearing, a::decide, a::withdraw, a::lapse}},
        {"adjudication (ground a)",
         [] {
           auto in = valid_input();
           in.grounds = {dispute_ground::a};
           return adjudication_case(in);
         },
         {}, {a::start_mediation, a::schedule_hearing, a::decide, a::withdraw, a::lapse}},
        {"decided, nobody served", [] { return decided_case(); }, {}, {a::serve_copy}},
        {"decided, applicant served",
         [] { return step(decided_case(), cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")}); },
         passed_windows(), {a::serve_copy, a::record_court_objection, a::record_delivery}},
        {"decided, both served, windows open", [] { return served_case(); }, open_windows(),
         {a::record_court_objection, a::record_delivery}},
        {"decided, both served, windows passed", [] { return served_case(); }, passed_windows(),
         {a::record_court_objection, a::mark_final, a::record_delivery}},
        // The applicant has not objected yet: it still may, within its own window.
        {"court_objection, one party objected", [] { return court_objection_case(); }, {},
         {a::record_court_decision, a::record_court_objection, a::record_delivery}},
        {"court_objection, both objected", [] { return both_objected_case(); }, {},
         {a::record_court_decision, a::record_delivery}},
        {"court_objection, first instance decided, cassation windows open", [] { return court_decided_case(); },
         open_cassation_windows(), {a::record_court_objection, a::record_delivery}},
        {"court_objection, first instance decided, cassation windows passed", [] { return court_decided_case(); },
         passed_cassation_windows(), {a::record_court_objection, a::mark_final, a::record_delivery}},
        {"court_objection, cassation filed", [] { return cassation_case(); }, {},
         {a::record_court_objection, a::record_court_decision, a::record_delivery}},
        {"final", [] { return final_case(); }, {}, {a::record_compliance, a::record_delivery}},
        {"closed", [] { return closed_case(); }, {}, {}},
    };
    for (const auto& row : rows) {
      const std::string case_name = row.name;
      CAPTURE(case_name);
      const auto d = row.build();
      const auto ctx = ctx_at(now_default, row.due);
      CHECK(as_set(possible_actions(d, day("2024-04-10"), row.due)) == as_set(row.expected));
      for (auto action : all_actions) {
        CAPTURE(to_string(action));
        const auto r = apply(d, sample_command(action, d), ctx);
        const bool expected = std::find(row.expected.begin(), row.expected.end(), action) != row.expected.end();
        if (expected) {
          std::string why = r.detail;
          for (const auto& e : r.errors) why += "; " + e.field + ": " + e.message;
          CAPTURE(why);
          CHECK(r.ok());
          CHECK(r.next.version == d.version + 1);
          CHECK(r.event.action == action);
        } else {
          CHECK(r.refused == cases::refusal::not_allowed);
          CHECK(as_set(r.allowed_actions) == as_set(row.expected));
          CHECK(r.next.version == d.version);
          CHECK(r.next.state == d.state);
        }
      }
    }
  }

  TEST_CASE("target states of each allowed action") {
    struct row {
      const char* name;
      std::function<dispute()> build;
      command c;
      due_map due;
      dispute_state to;
      std::optional<dispute_outcome> outcome;
    };
    const std::vector<row> rows = {
        {"request_completion", [] { return open_case(); }, cmd::request_completion{{attachment::identity_document}}, {},
         dispute_state::incomplete, std::nullopt},
        {"register", [] { return open_case(); }, cmd::register_dispute{t_action, "002/KIP-PSIP/IV/2024", 2, {}, {}}, {},
         dispute_state::registered, std::nullopt},
        {"reject_registration", [] { return open_case(); }, cmd::reject_registration{"x", std::nullopt}, {},
         dispute_state::closed, dispute_outcome::not_registered},
        {"open_preliminary_examination", [] { return registered_case(); }, cmd::open_preliminary_examination{t_action},
         {}, dispute_state::preliminary_examination, std::nullopt},
        {"start_mediation", [] { return preliminary_case(); }, cmd::start_mediation{"kom.andi", t_action, false}, {},
         dispute_state::mediation, std::nullopt},
        {"mediation_failed", [] { return mediation_case(); }, cmd::mediation_failed{"gagal", std::nullopt}, {},
         dispute_state::adjudication, std::nullopt},
        {"start_adjudication", [] { return preliminary_case(); }, cmd::start_adjudication{t_action}, {},
         dispute_state::adjudication, std::nullopt},
        {"schedule_hearing", [] { return adjudication_case(); },
         cmd::schedule_hearing{hearing_kind::evidence, t_action, "Ruang 1", ""}, {}, dispute_state::adjudication,
         std::nullopt},
        {"decide granted", [] { return adjudication_case(); }, granted_decision(), {}, dispute_state::decided,
         dispute_outcome::granted},
        {"decide mediation_agreement", [] { return mediation_case(); },
         cmd::decide{dispute_outcome::mediation_agreement, "001/KIP-PSIP-M/II/2024", t_action, {order{"Serahkan", 5}}},
         {}, dispute_state::final, dispute_outcome::mediation_agreement},
        {"serve_copy", [] { return decided_case(); }, cmd::serve_copy{party::respondent, t_action}, {},
         dispute_state::decided, dispute_outcome::granted},
        {"record_court_objection", [] { return served_case(); },
         cmd::record_court_objection{party::applicant, t_action, "PTUN Jakarta", "1"}, open_windows(),
         dispute_state::court_objection, dispute_outcome::granted},
        {"record_court_decision (first instance)", [] { return court_objection_case(); },
         cmd::record_court_decision{t_action, "ditolak"}, {}, dispute_state::court_objection, dispute_outcome::granted},
        {"record_court_objection (cassation)", [] { return court_decided_case(); },
         cmd::record_court_objection{party::respondent, t_action, "", "", court_instance::cassation},
         open_cassation_windows(), dispute_state::court_objection, dispute_outcome::granted},
        {"record_court_decision (cassation)", [] { return cassation_case(); },
         cmd::record_court_decision{t_action, "Menolak kasasi", court_instance::cassation}, {}, dispute_state::final,
         dispute_outcome::granted},
        {"mark_final after the cassation windows", [] { return court_decided_case(); }, cmd::mark_final{},
         passed_cassation_windows(), dispute_state::final, dispute_outcome::granted},
        {"record_delivery", [] { return served_case(); }, cmd::record_delivery{party::applicant, t_action},
         open_windows(), dispute_state::decided, dispute_outcome::granted},
        {"mark_final", [] { return served_case(); }, cmd::mark_final{}, passed_windows(), dispute_state::final,
         dispute_outcome::granted},
        {"record_compliance", [] { return final_case(); }, cmd::record_compliance{false, t_action, ""}, {},
         dispute_state::closed, dispute_outcome::granted},
        {"withdraw", [] { return mediation_case(); }, cmd::withdraw{"dicabut", t_action}, {}, dispute_state::closed,
         dispute_outcome::withdrawn},
        {"lapse", [] { return registered_case(); }, cmd::lapse{"tidak hadir", t_action}, {}, dispute_state::closed,
         dispute_outcome::lapsed},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      const auto next = step(r.build(), r.c, ctx_at(now_default, r.due));
      CHECK(next.state == r.to);
      CHECK(next.outcome == r.outcome);
    }
  }
}

#pragma once
// The dispute state machine: every action of the docs/dispute-workflow.md action table with its guards
// (docs/legal-sources.md §3.2 T09-T28, §3.3, §3.4). Pure: the caller supplies `now`, the evaluated due dates
// and the commissioner check, and persists the result (aggregate + event + deadline intents).

#include "domain/cases/engine.hpp"
#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace perkara::domain::disputes {

/// Action payloads, as parsed by the api layer from `POST .../actions/{action}`.
namespace cmd {
struct request_completion { std::vector<attachment> missing; };
struct complete { std::vector<attachment> attachments; };  // documents delivered now
struct register_dispute {
  offset_instant registered_at;
  std::string register_number;               // formatted by numbering::format_number from the stored sequence
  std::optional<std::int64_t> register_seq;  // that sequence value
  std::vector<attachment> attachments;       // documents confirmed present at registration
  std::vector<std::string> majelis;          // panel usernames, optional: distinct commissioners of the KI
};
struct reject_registration { std::string reason; std::optional<offset_instant> at; };  // at: default now
struct open_preliminary_examination { offset_instant held_at; };
struct start_mediation {
  std::string mediator;  // username of a commissioner of the KI
  offset_instant held_at;
  bool exemption_claim_withdrawn = false;  // the respondent dropped its Pasal 17 exemption claim (§3.4)
};
struct mediation_failed { std::string reason; std::optional<offset_instant> at; };  // at: default now
struct start_adjudication { offset_instant held_at; };
struct schedule_hearing {
  hearing_kind kind = hearing_kind::preliminary_examination;
  offset_instant scheduled_at;
  std::string location;     // one of location / online_link is required
  std::string online_link;
};
using decide = decision;     // the decision as it is read
using serve_copy = service;  // delivered_at: the party's receipt of the copy, when known
/// A keberatan at the PTUN / PN (first_instance) or a kasasi at the Mahkamah Agung (cassation).
struct record_court_objection {
  party filed_by = party::respondent;
  offset_instant filed_at;
  std::string court;  // required at first instance; default "Mahkamah Agung" for a cassation
  std::string case_number;
  court_instance instance = court_instance::first_instance;
};
using record_court_decision = court_decision;  // deliveries: the receipts known when it is recorded
/// A party's receipt of the KI's decision copy (after serve_copy) or of the first-instance court's
/// decision (after record_court_decision), recorded later or corrected (the event keeps the previous
/// value).
struct record_delivery {
  party to = party::applicant;
  offset_instant delivered_at;
  delivered_document document = delivered_document::decision_copy;
};
struct mark_final {};
using record_compliance = compliance;
struct withdraw { std::string reason; offset_instant at; };
struct lapse { std::string reason; offset_instant at; };
}  // namespace cmd

/// The most members a panel (majelis) may list, and the longest username accepted for a panel member.
inline constexpr std::size_t max_majelis_members = 5;
inline constexpr std::size_t max_member_name_length = 190;

using command = std::variant<cmd::request_completion, cmd::complete, cmd::register_dispute, cmd::reject_registration,
                             cmd::open_preliminary_examination, cmd::start_mediation, cmd::mediation_failed,
                             cmd::start_adjudication, cmd::schedule_hearing, cmd::decide, cmd::serve_copy,
                             cmd::record_court_objection, cmd::record_court_decision, cmd::mark_final,
                             cmd::record_compliance, cmd::withdraw, cmd::lapse, cmd::record_delivery>;

dispute_action action_of(const command& c);

struct transition_context {
  offset_instant now;  // the KI's offset: local_date(now) is "today"
  due_map due;         // evaluated due dates of the case's clocks (ki_completion, court_objection:<party>, ...)
  /// The case's rule set (version pinned on the case): each period's start_event decides from which of
  /// the act's events its clock runs (docs/deadlines.md §5). Null: each transition's usual event.
  const ruleset* rules = nullptr;
  /// Whether a username is a commissioner of the case's KI; when empty the mediator and the majelis
  /// members are not checked against the KI's users.
  std::function<bool(std::string_view username)> is_ki_commissioner;
};

/// Appended to the case's audit trail (case_event.action / payload_json).
struct dispute_event {
  dispute_action action = dispute_action::request_completion;
  std::string payload_json;  // a JSON object; never personal data
};

/// The outcome of an action (the case engine's, domain/cases/engine.hpp): the new aggregate (version + 1),
/// its event, deadline intents and advisory warnings (a hearing after the KI deadline, a late objection,
/// ...); or a refusal with the actions possible now (not_allowed) or the field errors (invalid), and why.
using transition_result = cases::outcome<dispute, dispute_action, dispute_event, deadline_intent>;

/// A user's command on a dispute: the action and its payload.
using dispute_command = cases::command<dispute_action, command>;

/// The checks every command passes first (the engine's `admit`): If-Match (stale → 412), then the
/// transition table on today's date and clocks (not_allowed → 409, `not_allowed_detail` says why).
cases::admission<dispute_action> admit(const dispute& d, dispute_action action, std::optional<int> if_match,
                                       civil_date today, const due_map& due);
/// Why `action` is not possible on `d` now, Bahasa Indonesia / English.
std::string not_allowed_detail(const dispute& d, dispute_action action);

/// Applies one action. Roles are not checked here (see access.hpp allowed_actions).
transition_result apply(const dispute& d, const command& c, const transition_context& context);
inline transition_result apply(const dispute& d, const dispute_command& c, const transition_context& context) {
  return apply(d, c.payload, context);
}

/// Actions possible in the dispute's current state and circumstances, regardless of caller: the state
/// table plus conditions that need no payload (an unserved party for serve_copy, both objection windows
/// passed before today for mark_final, an exemption dispute for start_mediation from adjudication).
std::vector<dispute_action> possible_actions(const dispute& d, civil_date today, const due_map& due);

/// Outcomes `decide` accepts in a state: preliminary_examination {inadmissible, no_jurisdiction} (T13);
/// mediation {mediation_agreement} (T15); adjudication {granted, partly_granted, rejected, inadmissible,
/// no_jurisdiction} (T19); nothing elsewhere.
std::vector<dispute_outcome> decidable_outcomes(dispute_state s);

/// Deadline record key of a party's court-objection window: "court_objection:applicant".
std::string court_objection_key(party p);
/// Deadline record key of a party's cassation window (UU 14/2008 Pasal 50): "cassation:applicant".
std::string cassation_key(party p);

/// The clocks a case stops (closes without the act) in state `s`, from the clock table's rows of the
/// steps `closed` and `final`: every open clock when it is closed (nothing more is awaited of it); every
/// court-objection and cassation window once the decision is final (the windows no longer matter,
/// T26-T27); nothing otherwise (in court_objection the other party's window keeps running until it
/// objects, its window passes or the court decides). The application layer stops them after each transition.
std::vector<std::string> clocks_stopped_in(dispute_state s);

}  // namespace perkara::domain::disputes

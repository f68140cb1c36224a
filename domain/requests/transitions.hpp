#pragma once
// The PPID workflow state machine (docs/ppid-workflow.md; docs/legal-sources.md T01–T08).
// Built with the case engine (domain/cases/engine.hpp, docs/case-engine.md): every action yields the
// engine's outcome, the new aggregate (version + 1) with its event and deadline intents, or a refusal:
// not_allowed (→ 409, with the actions allowed now) or invalid (→ 422, field errors).
// Authorisation (who may act) is separate: see allowed_actions() in queries.hpp; the api layer
// answers 403 before calling these.

#include "domain/cases/engine.hpp"
#include "domain/requests/deadline_intents.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/request_event.hpp"
#include "domain/rules/ruleset.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace perkara::domain {

/// Actions, in the stable order in which lists of them are returned. mark_disputed is a system action
/// (the dispute module calls it); it never appears in a user's allowed actions.
enum class request_action { extend, respond, file_objection, answer_objection, close, mark_disputed };
inline constexpr request_action all_request_actions[] = {request_action::extend,           request_action::respond,
                                                         request_action::file_objection,   request_action::answer_objection,
                                                         request_action::close,            request_action::mark_disputed};
std::string_view to_string(request_action action);
std::optional<request_action> parse_request_action(std::string_view text);

// Commands: client input as text (the API bodies), so bad values become field errors named as sent.
struct extend_command {
  std::string reason;
  std::string extended_at{};  // RFC 3339: when the extension was notified (the letter's date); empty: now
};
struct respond_command {
  std::string decision;  // granted / partly_granted / refused / not_held
  std::string reasons;
  std::string responded_at;  // RFC 3339
  std::string delivered_at{};  // RFC 3339, optional: when the applicant received the answer
};
struct file_objection_command {
  std::vector<std::string> grounds;  // "a".."g", at least one, no duplicates
  std::string reasons;
  std::string received_at;  // RFC 3339
  std::string number;       // objection register number, assigned by the application layer (not client input)
};
struct answer_objection_command {
  std::string decision;  // upheld / overturned
  std::string reasons;
  std::string answered_at;  // RFC 3339
  std::string delivered_at{};  // RFC 3339, optional: when the applicant received the answer
};
/// A receipt fact entered after the act (POST /api/v1/requests/{id}/deliveries): when the applicant
/// received the PPID's answer ("response") or the atasan's ("objection_answer").
struct record_delivery_command {
  std::string answer;        // response / objection_answer
  std::string delivered_at;  // RFC 3339
};
struct close_command {
  std::string reason;
};
struct mark_disputed_command {
  std::string dispute_id;
  std::optional<instant> submitted_at;  // when the dispute was submitted to the KI (default: now)
};

/// What the caller knows at the time of the command.
struct transition_context {
  instant now{};
  civil_date today{};  // the respondent's local date of `now`
  int respondent_offset_minutes = 7 * 60;  // to read instants as the respondent's local dates
  request_due_dates due;                   // current due dates (ppid_response after any extension)
  const ruleset* rules = nullptr;          // the request's rule set; resolves extend's extra_days
};

/// The outcome of a step: the next request (version + 1) with its event and intents, or a refusal.
using transition_result = cases::outcome<information_request, request_action, request_event, deadline_intent>;

/// A user's command on a request: the action and its payload (the payloads above, as the API sends them).
using request_payload =
    std::variant<extend_command, respond_command, file_objection_command, answer_objection_command, close_command>;
using request_command = cases::command<request_action, request_payload>;

/// The checks every command passes first (the engine's `admit`): If-Match (stale → 412), then the
/// transition table on today's date and clocks (not_allowed → 409).
cases::admission<request_action> admit(const information_request& request, request_action action,
                                       std::optional<int> if_match, civil_date today, const request_due_dates& due);

/// Runs a user's command through its action's function below.
transition_result apply(const information_request& request, const request_command& command,
                        const transition_context& ctx);

/// What the state and dates allow now, regardless of who asks (stable order; never mark_disputed
/// unless `include_system` is set).
std::vector<request_action> state_allowed_actions(const information_request& request, civil_date today,
                                                  const request_due_dates& due, bool include_system = false);

/// extend: from received only (once). The extension is announced within the period (PERKI 1/2019
/// Pasal 12 / UU 14/2008 Pasal 22(8)): its act date (extended_at, default now) must be on or before the
/// ppid_response due date, whatever day it is entered (422 on extended_at otherwise).
transition_result extend(const information_request& request, const extend_command& cmd,
                         const transition_context& ctx);
/// respond: from received/extended (late answers are accepted and recorded as late by the clock).
transition_result respond(const information_request& request, const respond_command& cmd,
                          const transition_context& ctx);
/// file_objection: from answered; or from received/extended once today > the ppid_response due date
/// (ground "not answered", UU 14/2008 Pasal 35(1) huruf c). The officer records it for the applicant.
transition_result file_objection(const information_request& request, const file_objection_command& cmd,
                                 const transition_context& ctx);
/// answer_objection: from objected (the atasan PPID).
transition_result answer_objection(const information_request& request, const answer_objection_command& cmd,
                                   const transition_context& ctx);
/// record_delivery: not a state change, so not in the transition table: records (or corrects) when the
/// applicant received an answer, in any state once the answer exists; the window that runs from that
/// receipt (objection_filing, dispute_filing) is restarted from it while it still matters (state
/// answered, resp. objection_answered). Version + 1, event "record_delivery".
transition_result record_delivery(const information_request& request, const record_delivery_command& cmd,
                                  const transition_context& ctx);
/// close: from any open state.
transition_result close(const information_request& request, const close_command& cmd,
                        const transition_context& ctx);
/// mark_disputed: system, from any open state (whether the steps were followed is for the KI's
/// preliminary examination to judge, docs/legal-sources.md T12; the event records the state it came from).
transition_result mark_disputed(const information_request& request, const mark_disputed_command& cmd,
                                const transition_context& ctx);

}  // namespace perkara::domain

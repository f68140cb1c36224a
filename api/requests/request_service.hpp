#pragma once
// Application services of the PPID workflow (issue 4), separate from HTTP so that the demo seed and
// the dispute workflow call them too. Each works inside the caller's transaction and never commits:
// the caller commits (and answers 2xx only after that). Errors are thrown as api::problem (404, 409
// with allowed_actions, 412, 422 naming the field).

#include "domain/cases/actor.hpp"
#include "domain/deadline_record.hpp"
#include "domain/ports/database.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/new_request.hpp"
#include "domain/requests/queries.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// Marks a tracked request as disputed at `ki` (state `disputed`, event `mark_disputed`, open clocks
/// stopped), in the caller's transaction. Returns the request as it was before, or nullopt when no such
/// request exists. The dispute workflow takes the chronology from it.
std::optional<domain::information_request> mark_request_disputed(ports::transaction& tx,
    const std::string& request_id, const std::string& dispute_id, const std::string& ki,
    const std::string& actor_user_id, domain::instant now);

/// Rewrites the list columns of a request (next due date, who is awaited) from its clocks as stored
/// now, after a calendar change moved them. Not an action: no event, same version. No-op when unknown.
void refresh_request_index(ports::transaction& tx, const std::string& request_id, domain::instant now);

/// Records the silences of a request that have come due (its timer intents, the same transition every
/// action applies first), without an actor and without an event of its own: the deadline sweep's step
/// when a clock of the request is missed (docs/operations.md "Deadline sweep"). No-op when unknown.
void apply_request_timers(ports::transaction& tx, const std::string& request_id, domain::instant now);

/// Registers a new request for `input.respondent` (the actor must be a `ppid` of it: 403/404
/// otherwise); validates (422), chooses the rule set, numbers it, starts ppid_response, appends event
/// "create" and an audit entry. Returns the stored request.
domain::information_request create_request(ports::transaction& tx, const domain::case_actor& actor,
                                           const domain::new_request_input& input, domain::instant now);

/// Applies `action` (extend, respond, file_objection, answer_objection, close) with its JSON body.
/// First applies the timer intents that have come due. 404 unknown action or request not visible;
/// 403 when the actor may read but not act; 412 when `if_match` differs; 409 with allowed_actions when
/// the state or dates forbid it; 422 naming the field.
domain::information_request act_on_request(ports::transaction& tx, const domain::case_actor& actor,
                                           const std::string& request_id, const std::string& action,
                                           const boost::json::object& body, std::optional<int> if_match,
                                           domain::instant now);

/// Records when the applicant received the PPID's or the atasan's answer (POST .../deliveries), with an
/// event and an audit entry; restarts the window that runs from that receipt (domain::record_delivery).
/// 404 / 403 / 412 as act_on_request; 409 when that answer does not exist yet; 422 naming the field.
domain::information_request record_request_delivery(ports::transaction& tx, const domain::case_actor& actor,
                                                    const std::string& request_id,
                                                    const domain::record_delivery_command& command,
                                                    std::optional<int> if_match, domain::instant now);

/// The request as the actor may see it (404 when not visible). With `apply_timers` (write
/// transactions only) due timer intents are applied and saved first.
domain::information_request load_visible_request(ports::transaction& tx, const domain::case_actor& actor,
                                                 const std::string& request_id, domain::instant now,
                                                 bool apply_timers);

}  // namespace perkara::api

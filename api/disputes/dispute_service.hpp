#pragma once
// Application services of the KI dispute workflow (issue 5), separate from HTTP so the demo seed calls
// them too. Each works inside the caller's transaction and never commits: the caller commits and answers
// 2xx only after that. Errors are thrown as api::problem: 403 (role), 404 (unknown or not visible),
// 409 with allowed_actions, 412 (If-Match), 422 naming the field.

#include "domain/cases/actor.hpp"
#include "domain/disputes/transitions.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// A dispute after a command, with the command's advisory warnings (hearing after the KI deadline...).
struct dispute_outcome_result {
  domain::disputes::dispute dispute;
  std::vector<std::string> warnings;
};

/// POST /api/v1/disputes: a registrar or ki_admin of the target KI (input.ki, default the respondent's
/// competent KI) submits an application. Validates (422), marks a tracked request as disputed, assesses
/// timeliness, stores the case in state `submitted` with event `submit` and an audit entry.
dispute_outcome_result submit_dispute(ports::transaction& tx, const domain::case_actor& actor, const boost::json::object& body,
                                      domain::instant now);

/// POST /api/v1/disputes/{id}/actions/{action} with its JSON body. Assigns register numbers (per KI per
/// year, gapless) and default decision numbers; applies the deadline intents; appends the event and audit.
dispute_outcome_result act_on_dispute(ports::transaction& tx, const domain::case_actor& actor, const std::string& id,
                                      const std::string& action, const boost::json::object& body,
                                      std::optional<int> if_match, domain::instant now);

/// Rewrites the stored projections of a case (next due date, list and public status) from its clocks
/// as stored now, after a calendar change moved them. Not an action: no event, same version. No-op
/// when unknown.
void refresh_dispute_projections(ports::transaction& tx, const std::string& id);

/// The case as the actor may read it (404 otherwise); `for_update` locks its row for the transaction.
domain::disputes::dispute load_visible_dispute(ports::transaction& tx, const domain::case_actor& actor,
                                               const std::string& id, bool for_update = false);

}  // namespace perkara::api

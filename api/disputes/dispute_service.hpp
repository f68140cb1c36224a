#pragma once
// Application services of the KI dispute workflow (issue 5), separate from HTTP so the demo seed calls
// them too. Each works inside the caller's transaction and never commits: the caller commits and answers
// 2xx only after that. Errors are thrown as api::problem: 403 (role), 404 (unknown or not visible),
// 409 with allowed_actions, 412 (If-Match), 422 naming the field.

#include "api/auth/caller.hpp"
#include "domain/disputes/transitions.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// Who acts or reads, reduced to what the workflow needs (a caller, or the seed's user).
struct dispute_actor {
  std::string user_id;
  std::string organisation;  // organisation code
  std::vector<domain::role> roles;
};
dispute_actor dispute_actor_of(const caller& who);
dispute_actor dispute_actor_of(const domain::user& user);

/// A dispute after a command, with the command's advisory warnings (hearing after the KI deadline...).
struct dispute_outcome_result {
  domain::disputes::dispute dispute;
  std::vector<std::string> warnings;
};

/// POST /api/v1/disputes: a registrar or ki_admin of the target KI (input.ki, default the respondent's
/// competent KI) submits an application. Validates (422), marks a tracked request as disputed, assesses
/// timeliness, stores the case in state `submitted` with event `submit` and an audit entry.
dispute_outcome_result submit_dispute(ports::transaction& tx, const dispute_actor& actor, const boost::json::object& body,
                                      domain::instant now);

/// POST /api/v1/disputes/{id}/actions/{action} with its JSON body. Assigns register numbers (per KI per
/// year, gapless) and default decision numbers; applies the deadline intents; appends the event and audit.
dispute_outcome_result act_on_dispute(ports::transaction& tx, const dispute_actor& actor, const std::string& id,
                                      const std::string& action, const boost::json::object& body,
                                      std::optional<int> if_match, domain::instant now);

/// Rewrites the stored projections of a case (next due date, list and public status) from its clocks
/// as stored now, after a calendar change moved them. Not an action: no event, same version. No-op
/// when unknown.
void refresh_dispute_projections(ports::transaction& tx, const std::string& id);

/// The case as the actor may read it (404 otherwise).
domain::disputes::dispute load_visible_dispute(ports::transaction& tx, const dispute_actor& actor,
                                               const std::string& id);

/// GET /api/v1/disputes/{id}: the aggregate plus deadlines (explained), allowed_actions for this actor,
/// awaiting, filing_timely with reasoning, completeness checklist, overdue; `warnings` when given.
boost::json::object dispute_view(ports::transaction& tx, const dispute_actor& actor,
                                 const domain::disputes::dispute& d, domain::instant now,
                                 const std::vector<std::string>& warnings = {});

struct dispute_list_query {
  std::optional<std::string> state;
  std::optional<std::string> ki;
  std::optional<std::string> respondent;
  bool overdue = false;
  std::optional<std::string> q;
  std::optional<domain::civil_date> registered_from;
  std::optional<domain::civil_date> registered_to;
  bool by_due = false;  // sort=due: only cases with an open clock, earliest due first
  int limit = 50;
  std::optional<std::string> cursor;
};

/// `{items, next_cursor}` scoped to the actor: KI staff see their KI's cases, the respondent's ppid and
/// ppid_superior the cases against their organisation; other roles 403. Newest submission first, or
/// with `by_due` the earliest next deadline first.
/// Serialised JSON (the stored list items are spliced in as text).
std::string list_disputes(ports::transaction& tx, const dispute_actor& actor, const dispute_list_query& query,
                          domain::instant now);

/// GET /api/v1/disputes/{id}/events: `[{version, actor, at, action, payload}]`; 404 when not visible.
boost::json::array dispute_events(ports::transaction& tx, const dispute_actor& actor, const std::string& id);

/// Public, no login, no personal data (domain public_view), as serialised JSON: the stored projection
/// when there is one. 404 when unknown or not registered.
std::string public_dispute_status(ports::transaction& tx, const std::string& register_number);
/// Hearings of registered cases from `from` to `to` (inclusive, WIB dates), optionally of one KI.
boost::json::object public_hearings(ports::transaction& tx, domain::civil_date from, domain::civil_date to,
                                    const std::optional<std::string>& ki);
/// Decisions of registered cases, optionally of one KI and year, newest first, as serialised JSON: each
/// item is the case's stored public status.
std::string public_decisions(ports::transaction& tx, const std::optional<std::string>& ki, std::optional<int> year);

}  // namespace perkara::api

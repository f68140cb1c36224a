#pragma once
// Views of the KI dispute workflow (domain → JSON): the case page, lists, the event trail and the
// public pages. Reads only: never writes (projections are written by the service with each change).

#include "api/cases/list_query.hpp"
#include "domain/cases/actor.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// GET /api/v1/disputes/{id}: the aggregate plus deadlines (explained), allowed_actions for this actor,
/// awaiting, filing_timely with reasoning, completeness checklist, overdue; `warnings` when given.
boost::json::object dispute_view(ports::transaction& tx, const domain::case_actor& actor,
                                 const domain::disputes::dispute& d, domain::instant now,
                                 const std::vector<std::string>& warnings = {});

/// The list's filters (the date range is on registered_at), the KI and the order.
struct dispute_list_query : case_list_query {
  std::optional<std::string> ki;
  bool by_due = false;  // sort=due: only cases with an open clock, earliest due first
};

/// `{items, next_cursor}` scoped to the actor: KI staff see their KI's cases, the respondent's ppid and
/// ppid_superior the cases against their organisation; other roles 403. Newest submission first, or
/// with `by_due` the earliest next deadline first.
/// Serialised JSON (the stored list items are spliced in as text).
std::string list_disputes(ports::transaction& tx, const domain::case_actor& actor, const dispute_list_query& query,
                          domain::instant now);

/// GET /api/v1/disputes/{id}/events: `[{version, actor, at, action, payload}]`; 404 when not visible.
boost::json::array dispute_events(ports::transaction& tx, const domain::case_actor& actor, const std::string& id);

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

#pragma once
// Views of the PPID workflow (domain → JSON): the request as the actor may see it, lists, the trail.

#include "api/cases/list_query.hpp"
#include "domain/cases/actor.hpp"
#include "domain/ports/database.hpp"
#include "domain/requests/information_request.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace perkara::api {

/// The API view: the request plus deadlines (with explanations), awaiting, allowed_actions for this
/// actor; the applicant's personal data only for the respondent's staff.
boost::json::object request_view(ports::transaction& tx, const domain::case_actor& actor,
                                 const domain::information_request& request, domain::instant now);

/// The list's filters; the date range is on received_at.
using request_list_query = case_list_query;

/// `{items: [...], next_cursor}`, scoped to the actor's organisation (KI staff: requests disputed at
/// their KI), ordered by next due date (open clocks first), then number.
boost::json::object list_requests(ports::transaction& tx, const domain::case_actor& actor,
                                  const request_list_query& query, domain::instant now);

/// The event trail (`[{version, actor, at, action, payload}]`), 404 when not visible.
boost::json::array request_events(ports::transaction& tx, const domain::case_actor& actor,
                                  const std::string& request_id, domain::instant now);

}  // namespace perkara::api

#pragma once
// Input of the PPID workflow (DTO → domain command): request bodies read as text, so the domain names
// every bad value as sent; a body that is not the expected shape is a 422 naming the field.

#include "api/http/message.hpp"
#include "api/requests/request_view.hpp"
#include "domain/requests/new_request.hpp"
#include "domain/requests/transitions.hpp"

#include <boost/json/object.hpp>

namespace perkara::api {

/// The creation body (POST /api/v1/requests); missing fields stay empty for the domain to name.
domain::new_request_input read_new_request(const boost::json::object& body);

/// A user action's payload (POST /api/v1/requests/{id}/actions/{action}): 422 naming the field; 403 for
/// mark_disputed (a system action, no body of a user).
domain::request_payload read_request_payload(domain::request_action action, const boost::json::object& body);
/// The query of GET /api/v1/requests: state, respondent, overdue, q, received_from/to, limit, cursor.
request_list_query read_request_list_query(const request& req);
/// The body of POST /api/v1/requests/{id}/deliveries {answer, delivered_at}.
domain::record_delivery_command read_delivery_command(const boost::json::object& body);

}  // namespace perkara::api

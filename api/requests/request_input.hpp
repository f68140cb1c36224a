#pragma once
// Input of the PPID workflow (DTO → domain command): request bodies read as text, so the domain names
// every bad value as sent; a body that is not the expected shape is a 422 naming the field.

#include "domain/requests/new_request.hpp"
#include "domain/requests/transitions.hpp"

#include <boost/json/object.hpp>

#include <variant>

namespace perkara::api {

/// The creation body (POST /api/v1/requests); missing fields stay empty for the domain to name.
domain::new_request_input read_new_request(const boost::json::object& body);

/// A user action's command (POST /api/v1/requests/{id}/actions/{action}).
using request_command = std::variant<domain::extend_command, domain::respond_command, domain::file_objection_command,
                                     domain::answer_objection_command, domain::close_command>;
/// 422 naming the field; 403 for mark_disputed (a system action, no body of a user).
request_command read_request_command(domain::request_action action, const boost::json::object& body);
/// The body of POST /api/v1/requests/{id}/deliveries {answer, delivered_at}.
domain::record_delivery_command read_delivery_command(const boost::json::object& body);

}  // namespace perkara::api

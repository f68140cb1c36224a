#pragma once
// Building JSON responses, and the JSON shapes of the shared reference types.

#include "api/http/message.hpp"
#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace perkara::api {

response json_response(int status, const boost::json::value& body);
/// A body that is JSON text already (stored projections spliced together), sent as it is.
response json_text_response(int status, std::string body);

/// `ETag: "<version>"` plus the JSON body.
response versioned_json_response(int status, const boost::json::value& body, int version);

boost::json::value optional_string(const std::optional<std::string>& s);

boost::json::object user_to_json(const domain::user& user);
boost::json::object organisation_to_json(const domain::organisation& org);

/// `HH:MM` for minutes since midnight.
std::string format_clock_time(int minute_of_day);

}  // namespace perkara::api

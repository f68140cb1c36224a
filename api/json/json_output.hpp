#pragma once
// Building JSON responses, and the JSON shapes of the shared reference types.

#include "api/http/message.hpp"
#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

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
/// RFC 3339 at the instant's own offset; null when absent.
boost::json::value instant_json(const domain::offset_instant& t);
boost::json::value instant_json(const std::optional<domain::offset_instant>& t);
/// `YYYY-MM-DD`; null when absent.
boost::json::value date_json(const std::optional<domain::civil_date>& d);

boost::json::object user_to_json(const domain::user& user);
boost::json::object organisation_to_json(const domain::organisation& org);

/// `HH:MM` for minutes since midnight.
std::string format_clock_time(int minute_of_day);

}  // namespace perkara::api

#pragma once
// JSON of rule sets and holidays, and parsing a new rule-set version.

#include "domain/calendar/holiday.hpp"
#include "domain/errors.hpp"
#include "domain/rules/ruleset.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace perkara::api {

boost::json::object holiday_to_json(const domain::holiday& h);
/// As above with the name of its region ("Kota Pangkal Pinang"; null for a national or organisation row).
boost::json::object holiday_to_json(const domain::holiday& h, const std::string& region_name);
boost::json::object period_to_json(const domain::period& p);
boost::json::object ruleset_to_json(const domain::ruleset& rs);

/// Reads the body of POST /api/v1/rulesets/{name}/versions into `out` (name/version set by the
/// caller), recording field errors in `v`. Every period key of `previous` must stay present, so that
/// running clocks of a newer version still find their period.
void parse_ruleset_version(const boost::json::object& body, const domain::ruleset& previous, domain::ruleset& out,
                           domain::validation& v);

}  // namespace perkara::api

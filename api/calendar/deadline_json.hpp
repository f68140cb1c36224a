#pragma once
// The JSON shapes of the statutory clock: the calculator's explanation, and a case deadline
// `{key, due, status, met_on, days_remaining, explanation}` (schema in api/openapi/).

#include "domain/deadline/explanation.hpp"
#include "domain/deadline/status.hpp"
#include "domain/deadline_record.hpp"

#include <boost/json/object.hpp>

namespace perkara::api {

boost::json::object skipped_day_to_json(const domain::skipped_day& day);
boost::json::object explanation_to_json(const domain::deadline_explanation& e);
boost::json::object deadline_to_json(const domain::deadline_record& record, const domain::deadline_status& status,
                                     const domain::deadline_explanation& explanation);

}  // namespace perkara::api

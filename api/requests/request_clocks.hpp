#pragma once
// The request service's clock rule around the domain: which due date each clock key shows. Shared with
// the benchmark data generator, which drives the same state machines without HTTP.

#include "api/cases/case_support.hpp"
#include "domain/deadline_record.hpp"
#include "domain/requests/deadline_intents.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/queries.hpp"

#include <vector>

namespace perkara::api {

/// The due date of each clock key: an open clock's, else the last met one's, else the last stopped one's.
domain::request_due_dates request_due_dates(const std::vector<domain::deadline_record>& records);

}  // namespace perkara::api

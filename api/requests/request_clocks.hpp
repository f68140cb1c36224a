#pragma once
// The request service's clock rules around the domain: which due date each clock key shows, and the
// row columns that follow the clocks. Shared with the benchmark data generator, which drives the same
// state machines without HTTP.

#include "api/cases/case_support.hpp"
#include "domain/deadline_record.hpp"
#include "domain/ports/request_repository.hpp"
#include "domain/requests/deadline_intents.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/queries.hpp"

#include <vector>

namespace perkara::api {

/// The due date of each clock key: an open clock's, else the last met one's, else the last stopped one's.
domain::request_due_dates request_due_dates(const std::vector<domain::deadline_record>& records);

/// The requests row's columns that follow its clocks: the earliest open due date (the list's order), who
/// is awaited and by when (`overdue`), and the answer's due date the reports count by (migration 0028).
/// Set before every save of the row, so a calendar change that moves a clock moves them too.
void refresh_clock_columns(ports::stored_request& s, const clock_book& book);

}  // namespace perkara::api

#pragma once
// Internal: what a save of a case does to the reports' stored monthly tallies (report_tallies.cpp).

#include "domain/reports/tally.hpp"
#include "persistence/repositories/repositories.hpp"

#include <string>

namespace perkara::persistence::detail {

/// Invalidates the stored tally of `kind` of `organisation` for the month of `day`, if a report may
/// already have stored it. Called in the transaction of each save that changes what it counts.
void invalidate_tally(const db_context& ctx, domain::reports::tally_kind kind, const std::string& organisation,
                      domain::civil_date day);
/// The same for every month from that of `first_day` on (a dispute counts as pending in each).
void invalidate_tallies_since(const db_context& ctx, domain::reports::tally_kind kind, const std::string& organisation,
                              domain::civil_date first_day);

}  // namespace perkara::persistence::detail

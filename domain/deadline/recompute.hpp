#pragma once
// Recalculating a stored clock after its calendar changed (a holiday added or removed, e.g. a late
// voting-day Keppres, docs/legal-sources.md §10.2). The record keeps its inputs, so the count is simply redone.

#include "domain/calendar/working_calendar.hpp"
#include "domain/deadline_record.hpp"
#include "domain/org/organisation.hpp"
#include "domain/rules/ruleset.hpp"

#include <optional>

namespace perkara::domain {

/// The due date `record` gets under `calendar`, when it differs from `record.due`; nullopt when unchanged.
/// Counts `record.days` (extension included) in `record.unit` from `record.start_at` read at
/// `utc_offset_minutes` with rule 1 (after-hours per `counting`). Closed clocks (met_on set) are
/// recomputed too; whether to apply the move to them is the caller's decision.
std::optional<civil_date> recompute_due(const deadline_record& record, const working_calendar& calendar,
                                        const office_hours& hours, int utc_offset_minutes,
                                        const counting_rules& counting = {});

}  // namespace perkara::domain

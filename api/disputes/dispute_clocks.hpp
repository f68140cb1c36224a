#pragma once
// The dispute service's clocks around the domain: the due dates the domain guards and views read from
// a case's clock records, how a transition's deadline intents and the domain's stop rule move the
// clock book, and the due-date calculator of the filing assessment. Shared with the benchmark data
// generator, which drives the same state machines without HTTP.

#include "api/cases/case_support.hpp"
#include "domain/deadline_record.hpp"
#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/disputes/timeliness.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// The case type of disputes in the clock book, the case events and the deadlines.
inline constexpr const char* dispute_case_type = "dispute";
/// The KI that holds the dispute: its offset and calendar are the case's.
inline const domain::organisation& ki_of(clock_context& clocks, const domain::disputes::dispute& d) {
  return clocks.organisation(d.ki);
}

/// Due dates of the case's clocks by key: the open record of a key, else its latest closed one (the
/// guards read windows that passed without being met, api/domain "due_map").
domain::disputes::due_map due_map_of(const std::vector<domain::deadline_record>& records);

/// Applies a transition to the case's clocks: its deadline intents (start, meet, stop), then the clocks
/// the domain's clock table stops in the new state (domain::disputes::clocks_stopped_in), on `today`.
void apply_dispute_clocks(clock_book& book, const domain::ruleset& rules, const domain::disputes::dispute& next,
                          const std::vector<domain::disputes::deadline_intent>& intents, domain::civil_date today);

/// The due-date calculator given to assess_filing, on the calendar the domain names for each period
/// (domain::disputes::counts_on_respondent_calendar).
domain::disputes::due_of_fn filing_calculator(clock_context& clocks, const domain::ruleset& rules,
                                              const std::string& ki, const std::string& respondent);

}  // namespace perkara::api

#pragma once
// Advisory assessment of whether the dispute was filed at KI in time (docs/legal-sources.md T08, Q3).
// Never a rejection: the Majelis weighs it at the preliminary examination (T12/T13).

#include "domain/disputes/dispute.hpp"

#include <functional>
#include <string_view>

namespace perkara::domain::disputes {

/// Supplied by the application layer: the due date of rule-set period `period_key` counted from
/// `start` (the start day is day 0) with the working-day calendar and rule set in force.
using due_of_fn = std::function<civil_date(std::string_view period_key, civil_date start)>;

/// Whose working-day calendar a period of the filing assessment counts on: `atasan_response` on the
/// respondent's (the atasan PPID answers there), every other period on the KI's.
[[nodiscard]] inline bool counts_on_respondent_calendar(std::string_view period_key) {
  return period_key == "atasan_response";
}

/// Rule: the applicant may file within `dispute_filing` days after the atasan PPID's answer, or after
/// the atasan's `atasan_response` period lapsed unanswered (start = the day after that due date)
/// (UU 14/2008 Pasal 37(2); the PERKI 1/2019 value is unverified, fallback 14 HK, Appendix A).
/// `filed_on` is the KI-local date the application was received.
filing_assessment assess_filing(const chronology& dates, civil_date filed_on, const due_of_fn& due_of);

}  // namespace perkara::domain::disputes

#pragma once
// Open data (issue 18, docs/open-data.md "Open data"): the measures per office and per KI, with small
// counts withheld, and the public register of disputes (no personal data: the facts carry none).

#include "domain/reports/measures.hpp"
#include "domain/reports/tally.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::reports {

/// Counts from 1 to this minus one are not published: a handful of cases can point at a person.
inline constexpr long long suppression_threshold = 3;

/// `count`, or nullopt when it is small enough to identify someone (0 < count < threshold).
std::optional<long long> published(long long count);

/// The PPID measures of each office with anything counted in `t` (by organisation code, ordered).
std::map<std::string, ppid_report> ppid_by_office(const tallies& t, const period& p, civil_date today);
/// The KI measures of each KI with disputes up to the period's end (by organisation code, ordered).
std::map<std::string, ki_report> ki_by_ki(const tallies& t, const period& p, civil_date today);

/// The state of a dispute's statutory completion clock as published: "met" (decided by its due date),
/// "missed" (decided after it, or still open after it), "running" (open, not yet due), "none" (no clock:
/// never registered, or closed without a decision).
std::string_view completion_clock_status(const dispute_fact& d, civil_date today);

/// The registered disputes with any stage date in the period, in register order per KI.
std::vector<const dispute_fact*> public_register(const std::vector<dispute_fact>& disputes, const period& p);

}  // namespace perkara::domain::reports

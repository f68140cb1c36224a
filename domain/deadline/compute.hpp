#pragma once
// The statutory clock: from a receipt (instant or date) and a period to a due date with its explanation.
// Counting rules (docs/deadlines.md §1, docs/legal-sources.md §5 and Appendix A `day_counting`):
//  1. day 0 is the receipt date, or the next working day if the receipt is on a non-working day or at/after
//     the organisation's office closing time (KPU e-PPID practice [PR][S21e]; configurable per rule set);
//  2. due is working day N after day 0 (receipt day not counted: "count_from: next_working_day" [UNVERIFIED]);
//  3. working day = Mon–Fri and not a holiday of the organisation's calendar;
//  4. calendar_days: day N counted in calendar days; a due on a non-working day rolls to the next working day.

#include "domain/calendar/working_calendar.hpp"
#include "domain/deadline/explanation.hpp"
#include "domain/errors.hpp"
#include "domain/org/organisation.hpp"
#include "domain/rules/ruleset.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string_view>
#include <variant>

namespace perkara::domain {

/// Longest period (and longest extension) accepted, in days of the period's unit.
inline constexpr int max_period_days = 1000;
/// Largest UTC offset accepted, in minutes (±14:00).
inline constexpr int max_utc_offset_minutes = 14 * 60;

/// The start of a clock: `received_at` (an instant, read in the organisation's offset) or a plain date
/// `from`. When both are given they must agree (from == local date of received_at).
struct deadline_query {
  std::optional<instant> received_at;
  std::optional<civil_date> from;
  int extension_days = 0;     // added to the period, same unit (e.g. +2 HK, PERKI 1/2019 Pasal 12)
  bool list_skipped = true;   // false: leave deadline_explanation::skipped empty (cheaper)
};

/// The explanation's holiday names and rule-set texts point into `calendar` and `rules` (see
/// deadline_explanation): keep both alive while reading it.
using deadline_result = std::variant<deadline_explanation, field_errors>;

/// A period of a rule set. Field errors: "period" (unknown key, or neither value nor fallback),
/// "extension_days", "from", "received_at", "utc_offset", "office_hours".
deadline_result compute_deadline(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                                 const ruleset& rules, std::string_view period_key, const deadline_query& query);

/// Raw days (the public calculator). Field errors: "days" (negative or > max_period_days), and as above.
deadline_result compute_deadline(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                                 const counting_rules& counting, int days, period_unit unit,
                                 const deadline_query& query);

// Building blocks, unvalidated and allocation-free (for recomputation and hot paths).

struct deemed_receipt {
  civil_date receipt_date{};
  civil_date deemed_received{};
  deemed_reason why = deemed_reason::on_time;
};

/// Rule 1 for an instant.
deemed_receipt deem_received(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                             const counting_rules& counting, instant received_at);

/// Rule 1 for a plain date (no time of day, so never after hours).
deemed_receipt deem_received(const working_calendar& calendar, civil_date from);

/// Rules 2–4: the due date for `days` (>= 0) counted from day 0 `deemed_received`.
civil_date due_date(const working_calendar& calendar, civil_date deemed_received, int days, period_unit unit);

}  // namespace perkara::domain

#pragma once
// Status of a clock on a given day (docs/deadlines.md §2: `status` and `days_remaining`). `today` is an input:
// the domain never reads the system clock.

#include "domain/calendar/working_calendar.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string_view>

namespace perkara::domain {

/// stopped: closed without the act before it ran out (the case closed, or the window stopped mattering).
enum class clock_status { pending, met, missed, stopped };

std::string_view to_string(clock_status status);

struct deadline_status {
  clock_status status = clock_status::pending;
  /// Working days from today to due: working_days_between(today, due), so 0 on the due day, 1 on the
  /// working day before it. Once overdue (missed and not met) it is negative and at most -1 — a
  /// weekend right after the due day already shows -1. Absent once the act is done (met_on set).
  std::optional<int> days_remaining;
};

/// met = met_on <= due; missed = met_on > due, or not met and today > due; else pending.
deadline_status evaluate(civil_date due, std::optional<civil_date> met_on, civil_date today,
                         const working_calendar& calendar);

/// A clock stopped on `stopped_on` without the act no longer counts down: missed if it ran out before
/// it was stopped, else stopped; never a days_remaining.
deadline_status evaluate_stopped(civil_date due, civil_date stopped_on, civil_date today,
                                 const working_calendar& calendar);

}  // namespace perkara::domain

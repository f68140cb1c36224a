#pragma once
// Status of a clock on a given day (docs/deadlines.md §2: `status` and `days_remaining`). `today` is an input:
// the domain never reads the system clock.

#include "domain/calendar/working_calendar.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string_view>

namespace perkara::domain {

enum class clock_status { pending, met, missed };

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

}  // namespace perkara::domain

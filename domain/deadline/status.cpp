#include "domain/deadline/status.hpp"

#include <algorithm>

namespace perkara::domain {

std::string_view to_string(clock_status status) {
  switch (status) {
    case clock_status::pending: return "pending";
    case clock_status::met: return "met";
    case clock_status::missed: return "missed";
    case clock_status::stopped: return "stopped";
  }
  return "pending";
}

deadline_status evaluate(civil_date due, std::optional<civil_date> met_on, civil_date today,
                         const working_calendar& calendar) {
  if (met_on) {
    return {*met_on <= due ? clock_status::met : clock_status::missed, std::nullopt};
  }
  const int remaining = calendar.working_days_between(today, due);
  if (today > due) {
    // Overdue from the first day after due, even before the next working day has begun.
    return {clock_status::missed, std::min(remaining, -1)};
  }
  return {clock_status::pending, remaining};
}

deadline_status evaluate_stopped(civil_date due, civil_date stopped_on, civil_date today,
                                 const working_calendar& calendar) {
  auto status = evaluate(due, std::nullopt, std::min(today, stopped_on), calendar);
  if (status.status == clock_status::pending) {
    status.status = clock_status::stopped;
  }
  status.days_remaining.reset();
  return status;
}

}  // namespace perkara::domain

#include "domain/deadline/status.hpp"

#include "domain/enum_names.hpp"

#include <algorithm>

namespace perkara::domain {

constexpr enum_name<clock_status> clock_status_names[] = {
    {clock_status::pending, "pending"}, {clock_status::met, "met"}, {clock_status::missed, "missed"},
    {clock_status::stopped, "stopped"}};
std::string_view to_string(clock_status status) { return name_in(clock_status_names, status); }

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

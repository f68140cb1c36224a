#include "domain/deadline/recompute.hpp"

#include "domain/deadline/compute.hpp"

namespace perkara::domain {

std::optional<civil_date> recompute_due(const deadline_record& record, const working_calendar& calendar,
                                        const office_hours& hours, int utc_offset_minutes,
                                        const counting_rules& counting) {
  const auto receipt = deem_received(calendar, hours, utc_offset_minutes, counting, record.start_at);
  const civil_date due = due_date(calendar, receipt.deemed_received, record.days, record.unit);
  if (due == record.due) {
    return std::nullopt;
  }
  return due;
}

}  // namespace perkara::domain

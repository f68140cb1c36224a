#include "domain/reports/facts.hpp"

namespace perkara::domain::reports {
namespace {

std::optional<civil_date> local_day(const std::optional<offset_instant>& at) {
  if (!at) {
    return std::nullopt;
  }
  return local_date(at->utc, at->offset_minutes);
}

}  // namespace

dispute_fact fact_of(const disputes::dispute& d) {
  dispute_fact f;
  f.ki = d.ki;
  f.respondent = d.respondent;
  f.register_number = d.register_number;
  f.submitted_on = local_date(d.submitted_at.utc, d.submitted_at.offset_minutes);
  f.registered_on = local_day(d.registered_at);
  f.state = d.state;
  f.outcome = d.outcome;
  f.mediated = d.mediation_started_at.has_value();
  f.adjudicated = d.adjudication_started_at.has_value();
  if (d.decision) {
    f.decided_on = local_day(d.decision->read_at);
  } else if (d.closed) {
    f.closed_on = local_day(d.closed->at);
  }
  // The first objection to the first-instance court and that court's decision (the report's measures).
  if (const auto* objection = d.first_objection(disputes::court_instance::first_instance)) {
    f.court_objection_on = local_day(objection->filed_at);
  }
  if (const auto* decided = d.court_decided(disputes::court_instance::first_instance)) {
    f.court_decided_on = local_day(decided->decided_at);
    f.court_result = decided->result;
  }
  return f;
}

std::optional<civil_date> report_due(const std::vector<deadline_record>& clocks, std::string_view key) {
  std::optional<civil_date> latest;
  for (const auto& c : clocks) {
    if (c.key == key && (!latest || c.due > *latest)) {
      latest = c.due;
    }
  }
  return latest;
}

}  // namespace perkara::domain::reports

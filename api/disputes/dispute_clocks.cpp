#include "api/disputes/dispute_clocks.hpp"

#include "domain/deadline/compute.hpp"
#include "domain/disputes/transitions.hpp"

#include <stdexcept>

namespace perkara::api {

namespace ds = domain::disputes;

ds::due_map due_map_of(const std::vector<domain::deadline_record>& records) {
  ds::due_map out;
  for (const auto& r : records) {
    if (r.open() || !out.contains(r.key)) {
      out[r.key] = r.due;
    }
  }
  return out;
}

void apply_dispute_clocks(clock_book& book, const domain::ruleset& rules, const ds::dispute& next,
                          const std::vector<ds::deadline_intent>& intents, domain::civil_date today) {
  book.apply(intents, next.ki, rules);
  for (const auto& key : ds::clocks_stopped_in(next.state)) {
    book.stop(key, today);
  }
}

ds::due_of_fn filing_calculator(clock_context& clocks, const domain::ruleset& rules, const std::string& ki,
                                const std::string& respondent) {
  return [&clocks, &rules, ki, respondent](std::string_view period_key, domain::civil_date start) {
    const auto& org_code = ds::counts_on_respondent_calendar(period_key) ? respondent : ki;
    const auto& org = clocks.organisation(org_code);
    const auto& cal = clocks.calendar(org_code, rules.counting);
    domain::deadline_query q;
    q.from = start;
    q.list_skipped = false;
    const auto result = domain::compute_deadline(cal, org.hours, org.utc_offset_minutes, rules, period_key, q);
    if (const auto* e = std::get_if<domain::deadline_explanation>(&result)) {
      return e->due;
    }
    throw std::runtime_error("rule set has no usable period " + std::string(period_key));
  };
}

}  // namespace perkara::api

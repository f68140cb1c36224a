#include "domain/reports/open_data.hpp"

#include <algorithm>
#include <tuple>

namespace perkara::domain::reports {

std::optional<long long> published(long long count) {
  if (count > 0 && count < suppression_threshold) {
    return std::nullopt;
  }
  return count;
}

std::map<std::string, ppid_report> ppid_by_office(const std::vector<request_fact>& requests,
                                                  const std::vector<dispute_count>& disputes, const period& p,
                                                  civil_date today, const calendar_of& calendars) {
  std::map<std::string, std::pair<std::vector<request_fact>, std::vector<dispute_count>>> by_office;
  for (const auto& r : requests) {
    if (p.contains(r.received_on)) {
      by_office[r.respondent].first.push_back(r);
    }
  }
  for (const auto& d : disputes) {
    if (p.contains(d.submitted_on)) {
      by_office[d.respondent].second.push_back(d);
    }
  }
  std::map<std::string, ppid_report> out;
  for (const auto& [office, facts] : by_office) {
    out.emplace(office, ppid_measures(facts.first, facts.second, p, today, calendars));
  }
  return out;
}

std::map<std::string, ki_report> ki_by_ki(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                                          const calendar_of& calendars) {
  std::map<std::string, std::vector<dispute_fact>> by_ki;
  for (const auto& d : disputes) {
    if (d.submitted_on <= p.to) {
      by_ki[d.ki].push_back(d);
    }
  }
  std::map<std::string, ki_report> out;
  for (const auto& [ki, facts] : by_ki) {
    out.emplace(ki, ki_measures(facts, p, today, calendars));
  }
  return out;
}

std::string_view completion_clock_status(const dispute_fact& d, civil_date today) {
  if (!d.completion_due) {
    return "none";
  }
  if (d.decided_on) {
    return *d.decided_on <= *d.completion_due ? "met" : "missed";
  }
  if (d.closed_on) {
    return "none";
  }
  return *d.completion_due < today ? "missed" : "running";
}

std::vector<const dispute_fact*> public_register(const std::vector<dispute_fact>& disputes, const period& p) {
  std::vector<const dispute_fact*> out;
  for (const auto& d : disputes) {
    if (!d.register_number) {
      continue;
    }
    const bool touched = p.contains(d.submitted_on) || (d.registered_on && p.contains(*d.registered_on)) ||
                         (d.decided_on && p.contains(*d.decided_on)) || (d.closed_on && p.contains(*d.closed_on));
    if (touched) {
      out.push_back(&d);
    }
  }
  std::sort(out.begin(), out.end(), [](const dispute_fact* a, const dispute_fact* b) {
    return std::tie(a->ki, a->registered_on, *a->register_number) <
           std::tie(b->ki, b->registered_on, *b->register_number);
  });
  return out;
}

}  // namespace perkara::domain::reports

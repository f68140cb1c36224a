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

std::map<std::string, ppid_report> ppid_by_office(const tallies& t, const period& p, civil_date today) {
  std::map<std::string, tallies> by_office;
  for (const auto& [k, counts] : t) {
    if (!counts.empty()) {
      by_office[k.organisation].emplace(k, counts);
    }
  }
  std::map<std::string, ppid_report> out;
  for (const auto& [office, own] : by_office) {
    out.emplace(office, ppid_measures(own, p, today));
  }
  return out;
}

std::map<std::string, ki_report> ki_by_ki(const tallies& t, const period& p, civil_date today) {
  std::map<std::string, tallies> by_ki;
  for (const auto& [k, counts] : t) {
    by_ki[k.organisation].emplace(k, counts);
  }
  std::map<std::string, ki_report> out;
  for (const auto& [ki, own] : by_ki) {
    const bool known = std::any_of(own.begin(), own.end(), [](const auto& e) { return e.second.contains("known"); });
    if (known) {
      out.emplace(ki, ki_measures(own, p, today));
    }
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

#include "domain/reports/measures.hpp"

#include "domain/reports/tally.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace perkara::domain::reports {

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  if (n % 2 == 1) {
    return values[n / 2];
  }
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::optional<double> percentile(std::vector<int> values, int pct) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  // Nearest rank: the smallest value with at least pct% of the values at or below it.
  const auto n = static_cast<long long>(values.size());
  auto rank = (static_cast<long long>(pct) * n + 99) / 100;
  rank = std::clamp(rank, 1LL, n);
  return values[static_cast<std::size_t>(rank - 1)];
}

std::string_view age_band(int days) {
  if (days <= 30) {
    return "0-30";
  }
  if (days <= 90) {
    return "31-90";
  }
  if (days <= 180) {
    return "91-180";
  }
  return "181+";
}

std::vector<dispute_count> dispute_counts(const std::vector<dispute_fact>& disputes) {
  std::map<std::pair<std::string_view, civil_date>, long long> counts;
  for (const auto& d : disputes) {
    ++counts[{d.respondent, d.submitted_on}];
  }
  std::vector<dispute_count> out;
  out.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    out.push_back({std::string(key.first), key.second, n});
  }
  return out;
}

ppid_report ppid_measures(const std::vector<request_fact>& requests, const std::vector<dispute_fact>& disputes,
                          const period& p, civil_date today, const calendar_of& calendars) {
  return ppid_measures(requests, dispute_counts(disputes), p, today, calendars);
}

ppid_report ppid_measures(const std::vector<request_fact>& requests, const std::vector<dispute_count>& disputes,
                          const period& p, civil_date today, const calendar_of& calendars) {
  return ppid_measures(ppid_tallies(requests, disputes, p, calendars), p, today);
}

ki_report ki_measures(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                      const calendar_of& calendars) {
  return ki_measures(ki_tallies(disputes, p, today, calendars), p, today);
}

}  // namespace perkara::domain::reports

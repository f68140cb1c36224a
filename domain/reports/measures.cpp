#include "domain/reports/measures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

namespace perkara::domain::reports {
namespace {

using disputes::dispute_outcome;
using disputes::dispute_state;

long long& slot(std::vector<count_row>& rows, std::string_view key) {
  for (auto& r : rows) {
    if (r.key == key) {
      return r.count;
    }
  }
  rows.push_back({std::string(key), 0});
  return rows.back().count;
}

std::vector<count_row> zeros(std::initializer_list<std::string_view> keys) {
  std::vector<count_row> out;
  for (const auto k : keys) {
    out.push_back({std::string(k), 0});
  }
  return out;
}

std::optional<double> per_100(long long part, long long whole) {
  if (whole <= 0) {
    return std::nullopt;
  }
  return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 100.0;
}

civil_date month_start(civil_date d) { return civil_date{d.year(), d.month(), std::chrono::day{1}}; }

std::vector<month_row> empty_trend(const period& p) {
  std::vector<month_row> out;
  for (const auto m : months_of(p)) {
    out.push_back({m, 0, 0, std::nullopt});
  }
  return out;
}

month_row* trend_row(std::vector<month_row>& trend, civil_date d) {
  const auto m = month_start(d);
  for (auto& r : trend) {
    if (r.month == m) {
      return &r;
    }
  }
  return nullptr;
}

bool decided_outcome(dispute_outcome o) {
  return o != dispute_outcome::withdrawn && o != dispute_outcome::lapsed && o != dispute_outcome::not_registered;
}

}  // namespace

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
  ppid_report out;
  for (const auto c : all_request_channels) {
    out.by_channel.push_back({std::string(to_string(c)), 0});
  }
  for (const auto d : all_response_decisions) {
    out.outcomes.push_back({std::string(to_string(d)), 0});
  }
  out.objection_outcomes = zeros({"upheld", "overturned", "pending"});
  out.trend = empty_trend(p);
  std::vector<int> working_days;

  for (const auto& r : requests) {
    if (!p.contains(r.received_on)) {
      continue;
    }
    ++out.received;
    ++slot(out.by_channel, to_string(r.channel));
    if (auto* row = trend_row(out.trend, r.received_on)) {
      ++row->requests;
    }
    if (r.extension_used) {
      ++out.extensions_used;
    }
    if (r.responded_on) {
      if (r.response_due && *r.responded_on > *r.response_due) {
        ++out.answered_late;
      } else if (r.extension_used) {
        ++out.answered_within_extension;
      } else {
        ++out.answered_within_period;
      }
      working_days.push_back(calendars(r.respondent).working_days_between(r.received_on, *r.responded_on));
    } else {
      // Unanswered: pending while its clock runs and the request is open; otherwise never answered.
      const bool ended = !is_open(r.state);
      const bool overdue = r.response_due && *r.response_due < today;
      if (ended || overdue) {
        ++out.never_answered;
      } else {
        ++out.pending;
      }
    }
    if (r.decision) {
      ++slot(out.outcomes, to_string(*r.decision));
      if (*r.decision == response_decision::refused) {
        if (r.exemptions.empty()) {
          ++slot(out.refused_by_exemption, "none");
        }
        for (const char e : r.exemptions) {
          ++slot(out.refused_by_exemption, std::string_view(&e, 1));
        }
      }
    }
    if (r.objected) {
      ++out.objections;
      ++slot(out.objection_outcomes, r.objection_outcome ? to_string(*r.objection_outcome) : "pending");
    }
  }
  std::sort(out.refused_by_exemption.begin(), out.refused_by_exemption.end(),
            [](const count_row& a, const count_row& b) { return a.key < b.key; });

  for (const auto& d : disputes) {
    if (!p.contains(d.submitted_on)) {
      continue;
    }
    out.disputes += d.count;
    if (auto* row = trend_row(out.trend, d.submitted_on)) {
      row->disputes += d.count;
    }
  }
  for (auto& row : out.trend) {
    row.dispute_rate = per_100(row.disputes, row.requests);
  }
  out.dispute_rate = per_100(out.disputes, out.received);
  out.median_working_days = median(working_days);
  out.p90_working_days = percentile(std::move(working_days), 90);
  return out;
}

ki_report ki_measures(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                      const calendar_of& calendars) {
  ki_report out;
  out.by_route = zeros({"mediation", "adjudication"});
  out.outcomes =
      zeros({"granted", "partly_granted", "rejected", "inadmissible", "no_jurisdiction", "mediation_agreement"});
  out.pending_by_age = zeros({"0-30", "31-90", "91-180", "181+"});
  out.trend = empty_trend(p);
  const auto as_of = std::min(p.to, today);
  std::vector<int> to_decision;
  long long finished = 0;

  for (const auto& d : disputes) {
    if (d.submitted_on > p.to) {
      continue;
    }
    if (p.contains(d.submitted_on)) {
      ++out.received;
      if (auto* row = trend_row(out.trend, d.submitted_on)) {
        ++row->disputes;
      }
    }
    if (d.registered_on && p.contains(*d.registered_on)) {
      ++out.registered;
    }
    if (d.closed_on && p.contains(*d.closed_on) && d.outcome && !decided_outcome(*d.outcome)) {
      ++finished;
      switch (*d.outcome) {
        case dispute_outcome::not_registered: ++out.rejected; break;
        case dispute_outcome::withdrawn: ++out.withdrawn; break;
        default: ++out.lapsed; break;
      }
    }
    if (d.decided_on && p.contains(*d.decided_on)) {
      ++out.decided;
      ++finished;
      // A mediation agreement is the mediation's result; any other decision was adjudicated.
      const bool by_mediation = d.outcome == dispute_outcome::mediation_agreement || (d.mediated && !d.adjudicated);
      ++slot(out.by_route, by_mediation ? "mediation" : "adjudication");
      if (d.outcome) {
        ++slot(out.outcomes, to_string(*d.outcome));
      }
      if (d.completion_due && *d.decided_on > *d.completion_due) {
        ++out.decided_late;
      } else {
        ++out.decided_on_time;
      }
      if (d.registered_on) {
        to_decision.push_back(calendars(d.ki).working_days_between(*d.registered_on, *d.decided_on));
      }
    }
    // Open at as_of: submitted by then, neither decided nor closed by then.
    const bool done = (d.decided_on && *d.decided_on <= as_of) || (d.closed_on && *d.closed_on <= as_of);
    if (d.submitted_on <= as_of && !done) {
      ++out.pending;
      const auto age = static_cast<int>((to_days(as_of) - to_days(d.submitted_on)).count());
      ++slot(out.pending_by_age, age_band(age));
    }
    if (d.court_objection_on && p.contains(*d.court_objection_on)) {
      ++out.court_objections;
      if (d.court_decided_on && d.court_decided_on <= p.to) {
        ++slot(out.court_results, d.court_result.empty() ? "decided" : d.court_result);
      } else {
        ++slot(out.court_results, "pending");
      }
    }
  }
  out.median_days_to_decision = median(std::move(to_decision));
  out.clearance_rate = per_100(finished, out.received);
  return out;
}

}  // namespace perkara::domain::reports

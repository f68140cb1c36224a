#include "domain/reports/tally.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace perkara::domain::reports {
namespace {

using disputes::dispute_outcome;

std::string key(std::string_view prefix, std::string_view rest) {
  std::string out(prefix);
  out += ':';
  out += rest;
  return out;
}

long long count_of(const tally& t, std::string_view k) {
  const auto it = t.find(k);
  return it == t.end() ? 0 : it->second;
}

// Each key of `t` starting with "<prefix>:", with the rest of the key.
template <class Visit>
void each_with_prefix(const tally& t, std::string_view prefix, Visit visit) {
  const auto head = std::string(prefix) + ':';
  for (auto it = t.lower_bound(head); it != t.end() && it->first.starts_with(head); ++it) {
    visit(std::string_view(it->first).substr(head.size()), it->second);
  }
}

std::optional<double> per_100(long long part, long long whole) {
  if (whole <= 0) {
    return std::nullopt;
  }
  return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 100.0;
}

// The counts of "<prefix>:<key>" for `keys` in order, zeros included, then any other key of the prefix.
std::vector<count_row> rows_of(const tally& t, std::string_view prefix, std::initializer_list<std::string_view> keys) {
  std::vector<count_row> out;
  for (const auto k : keys) {
    out.push_back({std::string(k), count_of(t, key(prefix, k))});
  }
  each_with_prefix(t, prefix, [&](std::string_view k, long long n) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      out.push_back({std::string(k), n});
    }
  });
  return out;
}

// The values of a histogram of day counts ("<prefix>:<days>"), for the median and percentile.
std::vector<int> histogram_values(const tally& t, std::string_view prefix) {
  std::vector<int> out;
  each_with_prefix(t, prefix, [&](std::string_view days, long long n) {
    int value = 0;
    std::from_chars(days.data(), days.data() + days.size(), value);
    out.insert(out.end(), static_cast<std::size_t>(n), value);
  });
  return out;
}

std::vector<month_row> trend_of(const tallies& t, const period& p, std::string_view counted_as_disputes,
                                bool with_requests) {
  std::map<civil_date, month_row> rows;
  for (const auto m : months_of(p)) {
    rows[m] = {m, 0, 0, std::nullopt};
  }
  for (const auto& [k, counts] : t) {
    const auto it = rows.find(k.month);
    if (it == rows.end()) {
      continue;
    }
    it->second.disputes += count_of(counts, counted_as_disputes);
    if (with_requests) {
      it->second.requests += count_of(counts, "received");
    }
  }
  std::vector<month_row> out;
  for (auto& [m, row] : rows) {
    if (with_requests) {
      row.dispute_rate = per_100(row.disputes, row.requests);
    }
    out.push_back(row);
  }
  return out;
}

bool decided_outcome(dispute_outcome o) {
  return o != dispute_outcome::withdrawn && o != dispute_outcome::lapsed && o != dispute_outcome::not_registered;
}

}  // namespace

void add_tallies(tallies& into, const tallies& from) {
  for (const auto& [k, t] : from) {
    auto& slot = into[k];
    for (const auto& [name, n] : t) {
      slot[name] += n;
    }
  }
}

civil_date month_start(civil_date d) { return civil_date{d.year(), d.month(), std::chrono::day{1}}; }

civil_date month_end(civil_date month) {
  return civil_date{std::chrono::year_month_day_last{month.year(), std::chrono::month_day_last{month.month()}}};
}

std::optional<period> settled_months(const period& p, civil_date today) {
  const auto first = p.from == month_start(p.from) ? p.from : add_days(month_end(p.from), 1);
  auto last = p.to == month_end(p.to) ? p.to : add_days(month_start(p.to), -1);
  // A month is settled once its last day is before yesterday.
  const auto yesterday = add_days(today, -1);
  if (last >= yesterday) {
    last = add_days(month_start(yesterday), -1);
  }
  if (last < first) {
    return std::nullopt;
  }
  return period{first, last};
}

tallies ppid_tallies(const std::vector<request_fact>& requests, const std::vector<dispute_count>& disputes,
                     const period& p, const calendar_of& calendars) {
  tallies out;
  for (const auto& r : requests) {
    if (!p.contains(r.received_on)) {
      continue;
    }
    auto& t = out[{r.respondent, month_start(r.received_on)}];
    ++t["received"];
    ++t[key("channel", to_string(r.channel))];
    if (r.extension_used) {
      ++t["ext"];
    }
    if (r.responded_on) {
      if (r.response_due && *r.responded_on > *r.response_due) {
        ++t["ans:late"];
      } else {
        ++t[r.extension_used ? "ans:extension" : "ans:period"];
      }
      const auto days = calendars(r.respondent).working_days_between(r.received_on, *r.responded_on);
      ++t[key("wd", std::to_string(days))];
    } else if (!is_open(r.state)) {
      ++t["never"];
    } else {
      // Pending while its clock runs, never answered once it is overdue: decided on the report's day.
      ++t[key("open", r.response_due ? format_iso_date(*r.response_due) : "-")];
    }
    if (r.decision) {
      ++t[key("outcome", to_string(*r.decision))];
      if (*r.decision == response_decision::refused) {
        if (r.exemptions.empty()) {
          ++t["exempt:none"];
        }
        for (const char e : r.exemptions) {
          ++t[key("exempt", std::string_view(&e, 1))];
        }
      }
    }
    if (r.objected) {
      ++t["objection"];
      ++t[key("objection", r.objection_outcome ? to_string(*r.objection_outcome) : "pending")];
    }
  }
  for (const auto& d : disputes) {
    if (p.contains(d.submitted_on)) {
      out[{d.respondent, month_start(d.submitted_on)}]["disputes"] += d.count;
    }
  }
  return out;
}

tallies ki_tallies(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                   const calendar_of& calendars) {
  tallies out;
  // Pending is counted in each month at its last day in the period, or today if earlier; a period not yet
  // begun counts it today in its first month.
  const auto as_of_end = std::max(std::min(p.to, today), p.from);
  const auto as_of = [&](civil_date month) { return std::min({month_end(month), p.to, today}); };
  std::map<std::string, civil_date> first_submitted;
  for (const auto& d : disputes) {
    if (d.submitted_on > p.to) {
      continue;
    }
    auto& first = first_submitted.try_emplace(d.ki, d.submitted_on).first->second;
    first = std::min(first, d.submitted_on);
    const auto in = [&](const std::optional<civil_date>& day) -> tally* {
      return day && p.contains(*day) ? &out[{d.ki, month_start(*day)}] : nullptr;
    };
    if (auto* t = in(d.submitted_on)) {
      ++(*t)["received"];
    }
    if (auto* t = in(d.registered_on)) {
      ++(*t)["registered"];
    }
    if (auto* t = in(d.closed_on); t && d.outcome && !decided_outcome(*d.outcome)) {
      switch (*d.outcome) {
        case dispute_outcome::not_registered: ++(*t)["rejected"]; break;
        case dispute_outcome::withdrawn: ++(*t)["withdrawn"]; break;
        default: ++(*t)["lapsed"]; break;
      }
    }
    if (auto* t = in(d.decided_on)) {
      ++(*t)["decided"];
      // A mediation agreement is the mediation's result; any other decision was adjudicated.
      const bool by_mediation = d.outcome == dispute_outcome::mediation_agreement || (d.mediated && !d.adjudicated);
      ++(*t)[by_mediation ? "route:mediation" : "route:adjudication"];
      if (d.outcome) {
        ++(*t)[key("outcome", to_string(*d.outcome))];
      }
      ++(*t)[d.completion_due && *d.decided_on > *d.completion_due ? "late" : "on_time"];
      if (d.registered_on) {
        const auto days = calendars(d.ki).working_days_between(*d.registered_on, *d.decided_on);
        ++(*t)[key("days", std::to_string(days))];
      }
    }
    if (auto* t = in(d.court_objection_on)) {
      ++(*t)["court"];
      // Decided or pending is read against the period's end when the report is counted.
      ++(*t)[d.court_decided_on ? key("court", format_iso_date(*d.court_decided_on) + ":" +
                                                   (d.court_result.empty() ? std::string("decided") : d.court_result))
                                : std::string("court:pending")];
    }
    // Open at a month's as_of: submitted by then, neither decided nor closed by then.
    for (auto m = month_start(std::max(d.submitted_on, p.from)); m <= as_of_end; m = add_days(month_end(m), 1)) {
      const auto day = as_of(m);
      if (d.submitted_on > day) {
        continue;
      }
      if ((d.decided_on && *d.decided_on <= day) || (d.closed_on && *d.closed_on <= day)) {
        break;
      }
      auto& t = out[{d.ki, m}];
      ++t["pending"];
      ++t[key("age", age_band(static_cast<int>((to_days(day) - to_days(d.submitted_on)).count())))];
    }
  }
  // Every KI with a dispute by a month's end has that month's (maybe empty) measures.
  for (const auto& [ki, first] : first_submitted) {
    for (const auto m : months_of(p)) {
      if (first <= std::min(month_end(m), p.to)) {
        out[{ki, m}]["known"] = 1;
      }
    }
  }
  return out;
}

ppid_report ppid_measures(const tallies& t, const period& p, civil_date today) {
  tally all;
  for (const auto& [k, counts] : t) {
    for (const auto& [name, n] : counts) {
      all[name] += n;
    }
  }
  ppid_report out;
  out.received = count_of(all, "received");
  for (const auto c : all_request_channels) {
    out.by_channel.push_back({std::string(to_string(c)), count_of(all, key("channel", to_string(c)))});
  }
  out.answered_within_period = count_of(all, "ans:period");
  out.answered_within_extension = count_of(all, "ans:extension");
  out.answered_late = count_of(all, "ans:late");
  out.never_answered = count_of(all, "never");
  each_with_prefix(all, "open", [&](std::string_view due, long long n) {
    const auto day = parse_iso_date(due);
    (day && *day < today ? out.never_answered : out.pending) += n;
  });
  for (const auto d : all_response_decisions) {
    out.outcomes.push_back({std::string(to_string(d)), count_of(all, key("outcome", to_string(d)))});
  }
  each_with_prefix(all, "exempt", [&](std::string_view letter, long long n) {
    out.refused_by_exemption.push_back({std::string(letter), n});
  });
  auto working_days = histogram_values(all, "wd");
  out.median_working_days = median(working_days);
  out.p90_working_days = percentile(std::move(working_days), 90);
  out.extensions_used = count_of(all, "ext");
  out.objections = count_of(all, "objection");
  out.objection_outcomes = rows_of(all, "objection", {"upheld", "overturned", "pending"});
  out.disputes = count_of(all, "disputes");
  out.dispute_rate = per_100(out.disputes, out.received);
  out.trend = trend_of(t, p, "disputes", true);
  return out;
}

ki_report ki_measures(const tallies& t, const period& p, civil_date today) {
  const auto pending_month = month_start(std::max(std::min(p.to, today), p.from));
  tally all;
  for (const auto& [k, counts] : t) {
    for (const auto& [name, n] : counts) {
      const bool pending_count = name == "pending" || name.starts_with("age:");
      if (!pending_count || k.month == pending_month) {
        all[name] += n;
      }
    }
  }
  ki_report out;
  out.received = count_of(all, "received");
  out.registered = count_of(all, "registered");
  out.rejected = count_of(all, "rejected");
  out.withdrawn = count_of(all, "withdrawn");
  out.lapsed = count_of(all, "lapsed");
  out.decided = count_of(all, "decided");
  out.by_route = rows_of(all, "route", {"mediation", "adjudication"});
  out.outcomes =
      rows_of(all, "outcome",
              {"granted", "partly_granted", "rejected", "inadmissible", "no_jurisdiction", "mediation_agreement"});
  out.decided_on_time = count_of(all, "on_time");
  out.decided_late = count_of(all, "late");
  out.median_days_to_decision = median(histogram_values(all, "days"));
  out.pending = count_of(all, "pending");
  out.pending_by_age = rows_of(all, "age", {"0-30", "31-90", "91-180", "181+"});
  out.court_objections = count_of(all, "court");
  const auto court_result = [&](std::string_view result) -> long long& {
    for (auto& r : out.court_results) {
      if (r.key == result) {
        return r.count;
      }
    }
    out.court_results.push_back({std::string(result), 0});
    return out.court_results.back().count;
  };
  each_with_prefix(all, "court", [&](std::string_view rest, long long n) {
    // "pending", or "<date decided>:<result>": pending still if decided after the period.
    const auto day = parse_iso_date(rest.substr(0, 10));
    court_result(day && *day <= p.to ? rest.substr(11) : std::string_view("pending")) += n;
  });
  const auto finished = out.decided + out.rejected + out.withdrawn + out.lapsed;
  out.clearance_rate = per_100(finished, out.received);
  out.trend = trend_of(t, p, "received", false);
  return out;
}

}  // namespace perkara::domain::reports

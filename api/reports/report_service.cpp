#include "api/reports/report_service.hpp"

#include "api/reports/report_tallies.hpp"

#include "api/calendar/calendar_service.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "domain/org/jurisdiction.hpp"
#include "domain/reports/facts.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace perkara::api {
namespace {

using domain::role;
using namespace domain::reports;

bool ki_staff(const caller& who) { return who.has_any_role({role::ki_admin, role::registrar, role::commissioner}); }

domain::organisation known(ports::transaction& tx, const std::string& code) {
  auto org = tx.organisations().find(code);
  if (!org) {
    throw validation_problem({{"organisation", "organisasi tidak dikenal / unknown organisation"}});
  }
  return *org;
}

// The KI hearing disputes against `office`: as stored, else derived from the region (docs/legal-sources.md §1.4).
std::optional<std::string> competent_ki_of(const domain::organisation& office,
                                           const std::vector<domain::organisation>& kis) {
  return office.competent_ki ? office.competent_ki : domain::derive_competent_ki(office, kis);
}

boost::json::array rows_json(const std::vector<count_row>& rows) {
  boost::json::array out;
  for (const auto& r : rows) {
    out.push_back(boost::json::object{{"key", r.key}, {"count", r.count}});
  }
  return out;
}

boost::json::value number_or_null(const std::optional<double>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::array trend_json(const std::vector<month_row>& rows, bool with_requests) {
  boost::json::array out;
  for (const auto& r : rows) {
    boost::json::object o{{"month", domain::format_iso_date(r.month).substr(0, 7)}, {"disputes", r.disputes}};
    if (with_requests) {
      o["requests"] = r.requests;
      o["dispute_rate"] = number_or_null(r.dispute_rate);
    }
    out.push_back(std::move(o));
  }
  return out;
}

boost::json::object header_json(const report_scope& scope, const period& p) {
  static constexpr const char* kinds[] = {"office", "ki", "national"};
  boost::json::object s{{"kind", kinds[static_cast<int>(scope.what)]}};
  s["organisation"] = scope.organisation ? boost::json::value(scope.organisation->code) : boost::json::value(nullptr);
  s["name"] = scope.organisation ? scope.organisation->name : std::string("Nasional");
  return {{"scope", std::move(s)},
          {"period", {{"from", domain::format_iso_date(p.from)}, {"to", domain::format_iso_date(p.to)}}}};
}

}  // namespace

namespace {

std::vector<dispute_fact> facts_of(std::vector<ports::dispute_report_row> rows) {
  std::vector<dispute_fact> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    if (row.fact) {
      out.push_back(std::move(*row.fact));
      continue;
    }
    // A row stored without its report facts (a migrated database before migration 0022 filled them).
    out.push_back(fact_of(dispute_from_json(boost::json::parse(row.body).as_object())));
    out.back().completion_due = row.completion_due;
  }
  return out;
}

// A day later in UTC than the period's end covers every Indonesian offset; the measures count by local date.
long long submitted_before(const period& p) {
  return domain::start_of_local_day(domain::add_days(p.to, 2), 0).time_since_epoch().count();
}

}  // namespace

// From a day before the period's start in UTC (every Indonesian offset) to a day after its end; the
// measures count the local dates in the period.
std::vector<dispute_count> dispute_counts_in(ports::transaction& tx, const std::optional<std::string>& respondent,
                                             const period& p) {
  const auto from = domain::start_of_local_day(domain::add_days(p.from, -1), 0).time_since_epoch().count();
  return tx.reports().dispute_counts(respondent, from, submitted_before(p));
}

std::vector<dispute_fact> ki_dispute_facts(ports::transaction& tx, const std::optional<std::string>& ki,
                                           const period& p, domain::civil_date today) {
  const auto done_before = std::min(p.from, std::min(p.to, today));
  return facts_of(tx.reports().disputes_active(ki, submitted_before(p), p.from, done_before));
}

calendar_of calendars_in(clock_context& clocks) {
  return [&clocks](const std::string& org) -> const domain::working_calendar& {
    return clocks.calendar(org, domain::counting_rules{});
  };
}

period report_period(const request& req, ports::transaction& tx) {
  if (const auto preset = req.query_param("period"); preset && !preset->empty()) {
    // The election periods are read only for a preset that is no year, quarter or month.
    auto p = parse_preset(*preset);
    if (!p) {
      p = parse_preset(*preset, tx.requests().election_periods());
    }
    if (!p) {
      throw validation_problem({{"period",
                                 "tahun (2024), triwulan (2024-Q1), bulan (2024-02) atau tahapan pemilihan "
                                 "(pemilu-2024) / a year, quarter, month or election's stages"}});
    }
    return *p;
  }
  const auto from = query_date(req, "from");
  const auto to = query_date(req, "to");
  if (!from) {
    throw validation_problem(
        {{"from", "wajib diisi bersama to, atau gunakan period / required with to, or give period"}});
  }
  if (!to) {
    throw validation_problem({{"to", "wajib diisi bersama from / required with from"}});
  }
  if (*to < *from) {
    throw validation_problem({{"to", "harus sama atau setelah from / must not be before from"}});
  }
  if ((domain::to_days(*to) - domain::to_days(*from)).count() > max_period_days) {
    throw validation_problem({{"to", "rentang paling lama lima tahun / at most five years"}});
  }
  return {*from, *to};
}

report_scope ppid_scope(ports::transaction& tx, const caller& who, const std::optional<std::string>& wanted) {
  const bool sysadmin = who.has_role(role::sysadmin);
  if (!wanted && sysadmin) {
    return {};
  }
  const auto org = known(tx, wanted.value_or(who.organisation.code));
  report_scope scope;
  scope.organisation = org;
  if (org.kind == domain::organisation_kind::ki) {
    // A KI's scope: every office whose disputes it hears (docs/open-data.md "Scopes").
    if (!sysadmin && !(ki_staff(who) && who.organisation.code == org.code)) {
      throw forbidden();
    }
    scope.what = report_scope::kind::ki;
    const auto kis = tx.organisations().list(domain::organisation_kind::ki);
    for (const auto& o : tx.organisations().list()) {
      if (o.is_respondent() && competent_ki_of(o, kis) == org.code) {
        scope.respondents.push_back(o.code);
      }
    }
    return scope;
  }
  const bool own = who.organisation.code == org.code && who.has_any_role({role::ppid, role::ppid_superior});
  const bool its_ki = ki_staff(who) && competent_ki_of(org, tx.organisations().list(domain::organisation_kind::ki)) ==
                                           who.organisation.code;
  if (!sysadmin && !own && !its_ki) {
    throw forbidden();
  }
  scope.what = report_scope::kind::office;
  scope.respondents.push_back(org.code);
  return scope;
}

report_scope ki_scope(ports::transaction& tx, const caller& who, const std::optional<std::string>& wanted) {
  const bool sysadmin = who.has_role(role::sysadmin);
  if (!wanted && sysadmin) {
    return {};
  }
  const auto org = known(tx, wanted.value_or(who.organisation.code));
  if (org.kind != domain::organisation_kind::ki) {
    throw validation_problem({{"organisation", "bukan Komisi Informasi / not an information commission"}});
  }
  if (!sysadmin && !(ki_staff(who) && who.organisation.code == org.code)) {
    throw forbidden();
  }
  return {report_scope::kind::ki, org, {}};
}

ppid_report ppid_report_of(ports::database& db, ports::transaction& tx, const report_scope& scope, const period& p,
                           domain::civil_date today) {
  if (scope.what != report_scope::kind::national && scope.respondents.empty()) {
    return ppid_measures(tallies{}, p, today);  // a KI no office answers to
  }
  return ppid_measures(tallies_of(db, tx, {tally_kind::ppid, scope.respondents}, p, today), p, today);
}

ki_report ki_report_of(ports::database& db, ports::transaction& tx, const report_scope& scope, const period& p,
                       domain::civil_date today) {
  std::vector<std::string> ki;
  if (scope.organisation) {
    ki.push_back(scope.organisation->code);
  }
  return ki_measures(tallies_of(db, tx, {tally_kind::ki, ki}, p, today), p, today);
}

boost::json::object ppid_report_json(const ppid_report& r, const report_scope& scope, const period& p) {
  auto out = header_json(scope, p);
  out["received"] = r.received;
  out["by_channel"] = rows_json(r.by_channel);
  out["timeliness"] = {{"within_period", r.answered_within_period},
                       {"within_extension", r.answered_within_extension},
                       {"late", r.answered_late},
                       {"never", r.never_answered},
                       {"pending", r.pending}};
  out["outcomes"] = rows_json(r.outcomes);
  out["refused_by_exemption"] = rows_json(r.refused_by_exemption);
  out["working_days_to_answer"] = {{"median", number_or_null(r.median_working_days)},
                                   {"p90", number_or_null(r.p90_working_days)}};
  out["extensions_used"] = r.extensions_used;
  out["objections"] = {{"filed", r.objections}, {"outcomes", rows_json(r.objection_outcomes)}};
  out["disputes"] = r.disputes;
  out["dispute_rate"] = number_or_null(r.dispute_rate);
  out["trend"] = trend_json(r.trend, true);
  return out;
}

boost::json::object ki_report_json(const ki_report& r, const report_scope& scope, const period& p) {
  auto out = header_json(scope, p);
  out["received"] = r.received;
  out["registered"] = r.registered;
  out["rejected"] = r.rejected;
  out["withdrawn"] = r.withdrawn;
  out["lapsed"] = r.lapsed;
  out["decided"] = r.decided;
  out["by_route"] = rows_json(r.by_route);
  out["outcomes"] = rows_json(r.outcomes);
  out["decided_on_time"] = r.decided_on_time;
  out["decided_late"] = r.decided_late;
  out["median_working_days_to_decision"] = number_or_null(r.median_days_to_decision);
  out["pending"] = r.pending;
  out["pending_by_age"] = rows_json(r.pending_by_age);
  out["court_objections"] = r.court_objections;
  out["court_results"] = rows_json(r.court_results);
  out["clearance_rate"] = number_or_null(r.clearance_rate);
  out["trend"] = trend_json(r.trend, false);
  return out;
}

}  // namespace perkara::api

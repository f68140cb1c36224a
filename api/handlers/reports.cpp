// GET /api/v1/reports/ppid and /api/v1/reports/ki: the measures of an office, a KI's offices, a KI or the
// whole country over a period (issue 18, docs/open-data.md), for staff within their scope; .../annual:
// the same as the annual report's tables (print-ready HTML, or CSV with ?format=csv).
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/json/json_output.hpp"
#include "api/http/problem.hpp"
#include "api/reports/annual_report.hpp"
#include "api/reports/report_service.hpp"

namespace perkara::api {
namespace {

std::optional<std::string> organisation_param(const request& req) {
  const auto v = req.query_param("organisation");
  return v && !v->empty() ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

response ppid(services& s, const request& req) {
  auto tx = s.db.begin(ports::access::read);
  const auto now = s.clock.now();
  const auto who = authenticate(req, *tx, now);
  const auto p = report_period(req);
  const auto scope = ppid_scope(*tx, who, organisation_param(req));
  const auto report = ppid_report_of(*tx, scope, p, local_today(who.organisation, now));
  return json_response(200, ppid_report_json(report, scope, p));
}

response ki(services& s, const request& req) {
  auto tx = s.db.begin(ports::access::read);
  const auto now = s.clock.now();
  const auto who = authenticate(req, *tx, now);
  const auto p = report_period(req);
  const auto scope = ki_scope(*tx, who, organisation_param(req));
  const auto report = ki_report_of(*tx, scope, p, local_today(who.organisation, now));
  return json_response(200, ki_report_json(report, scope, p));
}

// The annual report's tables as a print page (default) or CSV (?format=csv).
response annual(const request& req, const std::string& heading, const report_scope& scope,
                const domain::reports::period& p, const std::vector<report_table>& tables) {
  const auto format = req.query_param("format").value_or("html");
  response res;
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  if (format == "csv") {
    res.content_type = "text/csv; charset=utf-8";
    res.body = annual_report_csv(tables);
    res.set_header("Content-Disposition", "attachment; filename=\"laporan-tahunan.csv\"");
    return res;
  }
  if (format != "html") {
    throw validation_problem({{"format", "html atau csv / html or csv"}});
  }
  res.content_type = "text/html; charset=utf-8";
  res.body = annual_report_html(heading, scope, p, tables);
  res.set_header("Content-Security-Policy", annual_report_content_security_policy());
  return res;
}

response ppid_annual(services& s, const request& req) {
  auto tx = s.db.begin(ports::access::read);
  const auto now = s.clock.now();
  const auto who = authenticate(req, *tx, now);
  const auto p = report_period(req);
  const auto scope = ppid_scope(*tx, who, organisation_param(req));
  const auto report = ppid_report_of(*tx, scope, p, local_today(who.organisation, now));
  return annual(req, "Laporan Layanan Informasi Publik", scope, p, ppid_annual_tables(report));
}

response ki_annual(services& s, const request& req) {
  auto tx = s.db.begin(ports::access::read);
  const auto now = s.clock.now();
  const auto who = authenticate(req, *tx, now);
  const auto p = report_period(req);
  const auto scope = ki_scope(*tx, who, organisation_param(req));
  const auto report = ki_report_of(*tx, scope, p, local_today(who.organisation, now));
  return annual(req, "Laporan Penyelesaian Sengketa Informasi", scope, p, ki_annual_tables(report));
}

}  // namespace

void register_report_routes(router& r, services& s) {
  r.add("GET", "/api/v1/reports/ppid", policy::ppid_report_readers, [&s](const request& req, const route_params&) { return ppid(s, req); });
  r.add("GET", "/api/v1/reports/ki", policy::ki_report_readers, [&s](const request& req, const route_params&) { return ki(s, req); });
  r.add("GET", "/api/v1/reports/ppid/annual", policy::ppid_report_readers, [&s](const request& req, const route_params&) { return ppid_annual(s, req); });
  r.add("GET", "/api/v1/reports/ki/annual", policy::ki_report_readers, [&s](const request& req, const route_params&) { return ki_annual(s, req); });
}

}  // namespace perkara::api

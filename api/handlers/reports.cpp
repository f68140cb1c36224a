// GET /api/v1/reports/ppid and /api/v1/reports/ki: the measures of an office, a KI's offices, a KI or the
// whole country over a period (issue 18, docs/open-data.md), for staff within their scope; .../annual:
// the same as the annual report's tables (print-ready HTML, or CSV with ?format=csv).
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/reports/annual_report.hpp"
#include "api/reports/report_service.hpp"

namespace perkara::api {
namespace {

// What every report route does first: authenticate (the route's policy), read the period, decide the
// scope the caller may see (`scope_of`: ppid_scope or ki_scope) and the caller's local day.
struct report_call {
  std::unique_ptr<ports::transaction> tx;
  report_scope scope;
  domain::reports::period p;
  domain::civil_date today;
};

template <class ScopeOf>
report_call begin_report(services& s, const request& req, ScopeOf scope_of) {
  report_call c{s.db.begin(ports::access::read), {}, {}, {}};
  const auto now = s.clock.now();
  const auto who = authenticate(req, *c.tx, now);
  c.p = report_period(req, *c.tx);
  c.scope = scope_of(*c.tx, who, query_text(req, "organisation"));
  c.today = local_today(who.organisation, now);
  return c;
}

response ppid(services& s, const request& req) {
  auto c = begin_report(s, req, ppid_scope);
  return json_response(200, ppid_report_json(ppid_report_of(s.db, *c.tx, c.scope, c.p, c.today), c.scope, c.p));
}

response ki(services& s, const request& req) {
  auto c = begin_report(s, req, ki_scope);
  return json_response(200, ki_report_json(ki_report_of(s.db, *c.tx, c.scope, c.p, c.today), c.scope, c.p));
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
  auto c = begin_report(s, req, ppid_scope);
  return annual(req, "Laporan Layanan Informasi Publik", c.scope, c.p,
                ppid_annual_tables(ppid_report_of(s.db, *c.tx, c.scope, c.p, c.today)));
}

response ki_annual(services& s, const request& req) {
  auto c = begin_report(s, req, ki_scope);
  return annual(req, "Laporan Penyelesaian Sengketa Informasi", c.scope, c.p,
                ki_annual_tables(ki_report_of(s.db, *c.tx, c.scope, c.p, c.today)));
}

}  // namespace

void register_report_routes(router& r, services& s) {
  r.add("GET", "/api/v1/reports/ppid", policy::ppid_report_readers, call(s, ppid));
  r.add("GET", "/api/v1/reports/ki", policy::ki_report_readers, call(s, ki));
  r.add("GET", "/api/v1/reports/ppid/annual", policy::ppid_report_readers, call(s, ppid_annual));
  r.add("GET", "/api/v1/reports/ki/annual", policy::ki_report_readers, call(s, ki_annual));
}

}  // namespace perkara::api

// Open data, no login (issue 18, docs/open-data.md "Open data"): national, per-office and per-KI
// measures (JSON and CSV) with small counts withheld, and the public register of disputes. Built from
// the report facts only, so no name, identity number, address, phone or e-mail of a person appears.
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/reports/open_data.hpp"
#include "api/reports/report_service.hpp"

namespace perkara::api {
namespace {

constexpr int wib = 7 * 60;

domain::civil_date today(services& s) { return domain::local_date(s.clock.now(), wib); }

// The period asked for, or the current year so far.
domain::reports::period public_period(services& s, const request& req, ports::transaction& tx) {
  if (query_text(req, "period") || query_text(req, "from") || query_text(req, "to")) {
    return report_period(req, tx);
  }
  const auto now = today(s);
  return {domain::civil_date{now.year(), std::chrono::January, std::chrono::day{1}}, now};
}

response csv_response(std::string body, const char* file_name) {
  response res;
  res.status = 200;
  res.content_type = "text/csv; charset=utf-8";
  res.body = std::move(body);
  res.set_header("Content-Disposition", std::string("attachment; filename=\"") + file_name + "\"");
  return res;
}

public_statistics statistics(services& s, const request& req) {
  auto tx = s.db.begin(ports::access::read);
  const auto p = public_period(s, req, *tx);
  return public_statistics_of(s.db, *tx, p, today(s));
}

// The register a page at a time (`limit`, `cursor`: docs/open-data.md "Open data"): 50 rows by default
// and at most 500 as JSON, up to 10,000 rows a file as CSV.
constexpr int register_csv_rows = 10'000;

boost::json::object dispute_register(services& s, const request& req, int default_limit, int max_limit) {
  register_page page;
  page.limit = static_cast<int>(query_integer(req, "limit", 1, max_limit).value_or(default_limit));
  if (const auto cursor = req.query_param("cursor"); cursor && !cursor->empty()) {
    page.cursor = std::string(*cursor);
  }
  auto tx = s.db.begin(ports::access::read);
  const auto p = public_period(s, req, *tx);
  return public_dispute_register_json(*tx, p, today(s), page);
}

// The elections whose stages a report can cover (`period=` the code), for the period filters.
boost::json::object election_periods(services& s) {
  auto tx = s.db.begin(ports::access::read);
  boost::json::array out;
  for (const auto& e : domain::reports::election_presets(tx->requests().election_periods())) {
    out.push_back({{"period", e.code},
                   {"name", e.name},
                   {"from", domain::format_iso_date(e.dates.from)},
                   {"to", domain::format_iso_date(e.dates.to)}});
  }
  return {{"elections", std::move(out)}};
}

}  // namespace

void register_public_statistics_routes(router& r, services& s) {
  r.add("GET", "/api/v1/public/statistics", policy::public_route,
        [&s](const request& req, const route_params&) { return json_response(200, statistics(s, req).json); });
  r.add("GET", "/api/v1/public/statistics/periods", policy::public_route,
        [&s](const request&, const route_params&) { return json_response(200, election_periods(s)); });
  r.add("GET", "/api/v1/public/statistics/offices.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          return csv_response(statistics(s, req).offices_csv, "statistik-ppid.csv");
        });
  r.add("GET", "/api/v1/public/statistics/kis.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          return csv_response(statistics(s, req).kis_csv, "statistik-ki.csv");
        });
  r.add("GET", "/api/v1/public/dispute-register", policy::public_route, [&s](const request& req, const route_params&) {
    return json_response(200, dispute_register(s, req, 50, 500));
  });
  r.add("GET", "/api/v1/public/dispute-register.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          const auto reg = dispute_register(s, req, register_csv_rows, register_csv_rows);
          auto res = csv_response(public_dispute_register_csv(reg), "register-sengketa.csv");
          if (const auto& next = reg.at("next_cursor"); next.is_string()) {
            res.set_header("X-Next-Cursor", std::string(next.as_string()));
          }
          return res;
        });
}

}  // namespace perkara::api

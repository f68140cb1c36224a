// Open data, no login (issue 18, docs/open-data.md "Open data"): national, per-office and per-KI
// measures (JSON and CSV) with small counts withheld, and the public register of disputes. Built from
// the report facts only, so no name, identity number, address, phone or e-mail of a person appears.
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/json/json_output.hpp"
#include "api/reports/open_data.hpp"
#include "api/reports/report_service.hpp"

namespace perkara::api {
namespace {

constexpr int wib = 7 * 60;

domain::civil_date today(services& s) { return domain::local_date(s.clock.now(), wib); }

// The period asked for, or the current year so far.
domain::reports::period public_period(services& s, const request& req) {
  const auto given = [&](std::string_view name) {
    const auto v = req.query_param(name);
    return v && !v->empty();
  };
  if (given("period") || given("from") || given("to")) {
    return report_period(req);
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
  const auto p = public_period(s, req);
  auto tx = s.db.begin(ports::access::read);
  return public_statistics_of(*tx, p, today(s));
}

boost::json::object dispute_register(services& s, const request& req) {
  const auto p = public_period(s, req);
  auto tx = s.db.begin(ports::access::read);
  return public_dispute_register_json(*tx, p, today(s));
}

}  // namespace

void register_public_statistics_routes(router& r, services& s) {
  r.add("GET", "/api/v1/public/statistics", policy::public_route,
        [&s](const request& req, const route_params&) { return json_response(200, statistics(s, req).json); });
  r.add("GET", "/api/v1/public/statistics/offices.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          return csv_response(statistics(s, req).offices_csv, "statistik-ppid.csv");
        });
  r.add("GET", "/api/v1/public/statistics/kis.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          return csv_response(statistics(s, req).kis_csv, "statistik-ki.csv");
        });
  r.add("GET", "/api/v1/public/dispute-register", policy::public_route,
        [&s](const request& req, const route_params&) { return json_response(200, dispute_register(s, req)); });
  r.add("GET", "/api/v1/public/dispute-register.csv", policy::public_route,
        [&s](const request& req, const route_params&) {
          return csv_response(public_dispute_register_csv(dispute_register(s, req)), "register-sengketa.csv");
        });
}

}  // namespace perkara::api

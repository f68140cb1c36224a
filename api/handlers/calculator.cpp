// GET /api/v1/calendar/deadline: the public deadline calculator (docs/deadlines.md §1).
#include "api/calendar/calendar_service.hpp"
#include "api/calendar/deadline_json.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

namespace perkara::api {
namespace {

response calculate(services& s, const request& req) {
  domain::validation v;
  std::optional<domain::civil_date> from;
  std::optional<domain::offset_instant> received_at;
  if (const auto raw = req.query_param("from"); raw && !raw->empty()) {
    from = domain::parse_iso_date(*raw);
    if (!from) {
      v.fail("from", domain::invalid_date_message);
    }
  }
  if (const auto raw = req.query_param("received_at"); raw && !raw->empty()) {
    received_at = domain::parse_rfc3339(*raw);
    if (!received_at) {
      v.fail("received_at", domain::invalid_instant_message);
    }
  }
  if (!req.query_param("from") && !req.query_param("received_at")) {
    v.fail("from", "isi from atau received_at / give from or received_at");
  }
  std::optional<int> days;
  const auto raw_days = req.query_param("days");
  if (!raw_days || raw_days->empty()) {
    v.fail("days", "wajib diisi / required");
  } else {
    try {
      days = static_cast<int>(*query_integer(req, "days", 0, domain::max_period_days));
    } catch (const problem& p) {
      for (const auto& e : p.errors()) {
        v.fail(e.field, e.message);
      }
    }
  }
  auto unit = domain::period_unit::working_days;
  if (const auto raw = req.query_param("unit"); raw && !raw->empty()) {
    if (const auto u = domain::parse_period_unit(*raw)) {
      unit = *u;
    } else {
      v.fail("unit", "harus working_days atau calendar_days / must be working_days or calendar_days");
    }
  }
  auto tx = s.db.begin(ports::access::read);
  // Without an organisation: the national calendar and the default office hours in WIB.
  domain::organisation org;
  org.code.clear();
  if (const auto code = req.query_param("organisation"); code && !code->empty()) {
    if (auto found = tx->organisations().find(std::string{*code})) {
      org = std::move(*found);
    } else {
      v.fail("organisation", "organisasi tidak dikenal / unknown organisation");
    }
  }
  throw_if_invalid(v);

  const domain::counting_rules counting;
  const auto calendar = calendar_for(*tx, org.code, counting);
  domain::deadline_query query;
  query.from = from;
  if (received_at) {
    query.received_at = received_at->utc;
  }
  auto result = domain::compute_deadline(*calendar, org.hours, org.utc_offset_minutes, counting, *days, unit, query);
  if (auto* errors = std::get_if<domain::field_errors>(&result)) {
    throw validation_problem(std::move(*errors));
  }
  const auto& e = std::get<domain::deadline_explanation>(result);
  auto body = explanation_to_json(e);
  body["from"] = domain::format_iso_date(e.receipt_date);
  body["organisation"] = org.code.empty() ? boost::json::value(nullptr) : boost::json::value(org.code);
  return json_response(200, body);
}

}  // namespace

void register_calculator_routes(router& r, services& s) {
  // A computation over the cached calendar after one single-row read: a bounded read (api/application.hpp).
  r.add("GET", "/api/v1/calendar/deadline", policy::public_route, call(s, calculate),
        route_options{.runs = execution::bounded_read});
}

}  // namespace perkara::api

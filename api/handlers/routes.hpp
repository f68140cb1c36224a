#pragma once
// Each resource registers its routes; app.cpp calls them all. Handlers are thin: parse, check access,
// call the domain through the ports, serialise.

#include "api/http/router.hpp"
#include "api/services.hpp"

#include <type_traits>

namespace perkara::api {

/// A route's handler that calls `fn(s, req, params)`, or `fn(s, req)` for a route without parameters.
template <class Fn>
handler call(services& s, Fn* fn) {
  return [&s, fn](const request& req, const route_params& p) {
    if constexpr (std::is_invocable_v<Fn*, services&, const request&, const route_params&>) {
      return fn(s, req, p);
    } else {
      return fn(s, req);
    }
  };
}

void register_health_routes(router& r, services& s);
void register_session_routes(router& r, services& s);
void register_user_routes(router& r, services& s);
void register_staff_routes(router& r, services& s);
void register_organisation_routes(router& r, services& s);
void register_openapi_routes(router& r, services& s);
void register_holiday_routes(router& r, services& s);
void register_ruleset_routes(router& r, services& s);
void register_calculator_routes(router& r, services& s);
void register_request_routes(router& r, services& s);
void register_dispute_routes(router& r, services& s);
void register_public_dispute_routes(router& r, services& s);
void register_audit_routes(router& r, services& s);
void register_letter_routes(router& r, services& s);
void register_letterhead_routes(router& r, services& s);
void register_tracked_request_routes(router& r, services& s);
void register_document_routes(router& r, services& s);
void register_report_routes(router& r, services& s);
void register_public_statistics_routes(router& r, services& s);
void register_webhook_routes(router& r, services& s);
void register_notice_routes(router& r, services& s);

}  // namespace perkara::api

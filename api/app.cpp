#include "api/app.hpp"

#include "api/handlers/routes.hpp"

namespace perkara::api {

rest_application::rest_application(services& s) {
  register_health_routes(router_, s);
  register_openapi_routes(router_, s);
  register_session_routes(router_, s);
  register_user_routes(router_, s);
  register_staff_routes(router_, s);
  register_organisation_routes(router_, s);
  register_holiday_routes(router_, s);
  register_ruleset_routes(router_, s);
  register_calculator_routes(router_, s);
  register_request_routes(router_, s);
  register_dispute_routes(router_, s);
  register_public_dispute_routes(router_, s);
  register_audit_routes(router_, s);
  register_letter_routes(router_, s);
  register_letterhead_routes(router_, s);
  register_tracked_request_routes(router_, s);
  register_document_routes(router_, s);
  register_report_routes(router_, s);
  register_public_statistics_routes(router_, s);
  register_webhook_routes(router_, s);
  register_notice_routes(router_, s);
}

response rest_application::handle(const request& req) const { return router_.handle(req); }

std::size_t rest_application::body_limit(std::string_view method, std::string_view path) const {
  return router_.body_limit(method, path);
}

bool rest_application::streams_body(std::string_view method, std::string_view path) const {
  return router_.streams_body(method, path);
}

execution rest_application::execution_of(std::string_view method, std::string_view path) const {
  return router_.execution_of(method, path);
}

}  // namespace perkara::api

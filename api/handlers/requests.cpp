// /api/v1/requests: information requests of the PPID workflow (issue 4). Thin: parse, authenticate,
// call api/requests/request_service, serialise; 2xx only after commit.
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/requests/request_input.hpp"
#include "api/requests/request_service.hpp"
#include "api/requests/request_view.hpp"

namespace perkara::api {
namespace {

response create(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const auto [now, tx, person] = sign_in(s, req, ports::access::write);
  const auto who = actor_of(person);
  const auto created = create_request(*tx, who, read_new_request(body), now);
  auto view = request_view(*tx, who, created, now);
  tx->commit();
  return versioned_json_response(201, view, created.version);
}

response list(services& s, const request& req) {
  const auto q = read_request_list_query(req);
  const auto [now, tx, person] = sign_in(s, req, ports::access::read);
  const auto who = actor_of(person);
  return json_response(200, list_requests(*tx, who, q, now));
}

response get_one(services& s, const request& req, const route_params& p) {
  const auto [now, tx, person] = sign_in(s, req, ports::access::read);
  const auto who = actor_of(person);
  const auto r = load_visible_request(*tx, who, p.get("id"), now, false);
  return versioned_json_response(200, request_view(*tx, who, r, now), r.version);
}

response act(services& s, const request& req, const route_params& p) {
  const auto body = req.body.empty() ? boost::json::object{} : parse_json_object(req);
  const auto if_match = if_match_version(req);
  const auto [now, tx, person] = sign_in(s, req, ports::access::write);
  const auto who = actor_of(person);
  const auto r = act_on_request(*tx, who, p.get("id"), p.get("action"), body, if_match, now);
  auto view = request_view(*tx, who, r, now);
  tx->commit();
  return versioned_json_response(200, view, r.version);
}

// A receipt fact entered after the act (docs/deadlines.md §5 "Receipt facts"): audited like an action.
response deliver(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto if_match = if_match_version(req);
  const auto [now, tx, person] = sign_in(s, req, ports::access::write);
  const auto who = actor_of(person);
  const auto r = record_request_delivery(*tx, who, p.get("id"), read_delivery_command(body), if_match, now);
  auto view = request_view(*tx, who, r, now);
  tx->commit();
  return versioned_json_response(200, view, r.version);
}

response events(services& s, const request& req, const route_params& p) {
  const auto [now, tx, person] = sign_in(s, req, ports::access::read);
  const auto who = actor_of(person);
  return json_response(200, boost::json::object{{"items", request_events(*tx, who, p.get("id"), now)},
                                                {"next_cursor", nullptr}});
}

}  // namespace

void register_request_routes(router& r, services& s) {
  r.add("POST", "/api/v1/requests", policy::request_intake, call(s, create),
        {.body_limit = std::size_t{64} * 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/requests", policy::request_readers, call(s, list));
  r.add("GET", "/api/v1/requests/{id}", policy::request_readers, call(s, get_one));
  r.add("POST", "/api/v1/requests/{id}/actions/{action}", policy::request_actors, call(s, act),
        {.body_limit = std::size_t{64} * 1024, .requires_json_body = true});
  r.add("POST", "/api/v1/requests/{id}/deliveries", policy::request_actors, call(s, deliver),
        {.body_limit = std::size_t{64} * 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/requests/{id}/events", policy::request_readers, call(s, events));
}

}  // namespace perkara::api

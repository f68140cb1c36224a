// The KI dispute workflow over HTTP (docs/dispute-workflow.md "Endpoints"): submit, list, read, act, events. Thin:
// parse, authenticate, call api/disputes/dispute_service, commit, serialise.
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_input.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/disputes/dispute_view.hpp"
#include "api/documents/dossier.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/intake/tracked_requests.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

namespace perkara::api {
namespace {

response submit(services& s, const request& req) {
  auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto actor = actor_of(who);
  resolve_tracked_request_reference(*tx, who, body);  // a tracked request given by its number (issue 15)
  const auto result = submit_dispute(*tx, actor, body, now);
  if (result.dispute.request_id) {
    // The tracked request's documents and letters become the dispute's (docs/documents.md).
    attach_request_dossier(*tx, s.files, who, *result.dispute.request_id, result.dispute.id, now);
  }
  auto view = dispute_view(*tx, actor, result.dispute, now, result.warnings);
  tx->commit();
  auto res = versioned_json_response(201, view, result.dispute.version);
  res.set_header("Location", "/api/v1/disputes/" + result.dispute.id);
  return res;
}

response list(services& s, const request& req) {
  const auto q = read_dispute_list_query(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return json_text_response(200, list_disputes(*tx, actor_of(who), q, now));
}

response get_one(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto actor = actor_of(who);
  const auto d = load_visible_dispute(*tx, actor, p.get("id"));
  return versioned_json_response(200, dispute_view(*tx, actor, d, now), d.version);
}

response act(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto if_match = if_match_version(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto actor = actor_of(who);
  const auto result = act_on_dispute(*tx, actor, p.get("id"), p.get("action"), body, if_match, now);
  auto view = dispute_view(*tx, actor, result.dispute, now, result.warnings);
  tx->commit();
  return versioned_json_response(200, view, result.dispute.version);
}

response events(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return json_response(
      200, boost::json::object{{"items", dispute_events(*tx, actor_of(who), p.get("id"))}, {"next_cursor", nullptr}});
}

}  // namespace

void register_dispute_routes(router& r, services& s) {
  r.add("POST", "/api/v1/disputes", policy::dispute_intake, call(s, submit),
        {.body_limit = std::size_t{256} * 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/disputes", policy::dispute_readers, call(s, list));
  r.add("GET", "/api/v1/disputes/{id}", policy::dispute_readers, call(s, get_one));
  r.add("POST", "/api/v1/disputes/{id}/actions/{action}", policy::dispute_actors, call(s, act),
        {.body_limit = std::size_t{256} * 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/disputes/{id}/events", policy::dispute_readers, call(s, events));
}

}  // namespace perkara::api

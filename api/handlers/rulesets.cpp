// GET /api/v1/rulesets, GET /api/v1/rulesets/{name}, POST /api/v1/rulesets/{name}/versions.
// Statutory periods are versioned data: a new version takes effect from its date, and running clocks
// keep the version they started under. Rule sets are national law, so only a sysadmin adds versions
// (policy::national_rules); reading them is public.
#include "api/auth/caller.hpp"
#include "api/calendar/ruleset_json.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace perkara::api {
namespace {

response list_rulesets(services& s) {
  auto tx = s.db.begin(ports::access::read);
  boost::json::array items;
  for (const auto& rs : tx->rulesets().list_latest()) {
    items.push_back(ruleset_to_json(rs));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response get_ruleset(services& s, const route_params& p) {
  auto tx = s.db.begin(ports::access::read);
  const auto versions = tx->rulesets().versions(p.get("name"));
  if (versions.empty()) {
    throw not_found();
  }
  auto body = ruleset_to_json(versions.back());
  boost::json::array all;
  for (const auto& rs : versions) {
    all.push_back(ruleset_to_json(rs));
  }
  body["versions"] = std::move(all);
  return json_response(200, body);
}

response create_version(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto versions = tx->rulesets().versions(p.get("name"));
  if (versions.empty()) {
    throw not_found();
  }
  const auto& previous = versions.back();
  domain::ruleset next;
  next.name = previous.name;
  next.version = previous.version + 1;
  domain::validation v;
  parse_ruleset_version(body, previous, next, v);
  if (v.ok() && next.effective_from < previous.effective_from) {
    v.fail("effective_from", "tidak boleh sebelum versi sebelumnya / must not precede the previous version");
  }
  throw_if_invalid(v);
  tx->rulesets().insert(next);
  const auto json = ruleset_to_json(next);
  // The version it supersedes as "before", so the entry shows what changed.
  audit(*tx, who, now, "ruleset.version.create", "ruleset", next.name + "@" + std::to_string(next.version),
        boost::json::serialize(change_details(ruleset_to_json(previous), json)));
  tx->commit();
  return json_response(201, json);
}

}  // namespace

void register_ruleset_routes(router& r, services& s) {
  r.add("GET", "/api/v1/rulesets", policy::public_route, [&s](const request&, const route_params&) { return list_rulesets(s); });
  r.add("GET", "/api/v1/rulesets/{name}", policy::public_route, [&s](const request&, const route_params& p) { return get_ruleset(s, p); });
  r.add("POST", "/api/v1/rulesets/{name}/versions", policy::national_rules, call(s, create_version),
        {.body_limit = std::size_t{64} * 1024, .requires_json_body = true});
}

}  // namespace perkara::api

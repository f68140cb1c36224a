// POST /api/v1/sessions (log in), DELETE /api/v1/sessions/current (log out), GET /api/v1/me.
#include "api/auth/caller.hpp"
#include "api/auth/login.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

#include <fmt/format.h>

namespace perkara::api {
namespace {

std::string session_cookie(const services& s, const std::string& token, std::chrono::seconds max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", session_cookie_name, token,
                     max_age.count(), s.config.secure_cookies ? "; Secure" : "");
}

// The browser asks for a cookie session ("cookie": true): the token is then only in the HttpOnly
// cookie, out of reach of script. An API client that does not ask gets the token and no cookie.
response log_in(services& s, const request& req) {
  const auto body = parse_json_object(req);
  domain::validation v;
  json_reader in{body, v};
  const auto username = in.string("username", true, 100);
  const auto password = in.string("password", true, 1000);
  const auto cookie = in.boolean("cookie", false);
  throw_if_invalid(v);

  const auto session = log_in_with_password(s, *username, *password, req.client_address);
  const auto& who = session.who;
  auto user_json = user_to_json(who.user);
  user_json["organisation_name"] = who.organisation.name;
  boost::json::object out{{"expires_at", domain::format_rfc3339(session.expires_at, who.organisation.utc_offset_minutes)},
                          {"user", std::move(user_json)}};
  const bool as_cookie = cookie.value_or(false);
  if (!as_cookie) {
    out["token"] = session.token;
  }
  auto res = json_response(201, out);
  if (as_cookie) {
    res.set_header("Set-Cookie", session_cookie(s, session.token, s.config.session_ttl));
  }
  res.set_header("Cache-Control", "no-store");
  return res;
}

response log_out(services& s, const request& req) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  tx->sessions().revoke(who.token_hash);
  audit(*tx, who, now, "session.revoke", "user", who.user.id);
  tx->commit();
  response res;
  res.status = 204;
  res.content_type.clear();
  res.set_header("Set-Cookie", session_cookie(s, "", std::chrono::seconds{0}));
  return res;
}

response me(services& s, const request& req) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  auto body = user_to_json(who.user);
  body["organisation"] = organisation_to_json(who.organisation);
  return json_response(200, body);
}

}  // namespace

void register_session_routes(router& r, services& s) {
  r.add("POST", "/api/v1/sessions", policy::public_route, call(s, log_in),
        {.body_limit = std::size_t{16} * 1024, .requires_json_body = true});
  r.add("DELETE", "/api/v1/sessions/current", policy::signed_in, call(s, log_out));
  r.add("GET", "/api/v1/me", policy::signed_in, call(s, me));
}

}  // namespace perkara::api

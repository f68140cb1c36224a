// POST /api/v1/sessions (log in), DELETE /api/v1/sessions/current (log out), GET /api/v1/me.
#include "api/auth/caller.hpp"
#include "api/auth/crypto.hpp"
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

response log_in(services& s, const request& req) {
  const auto body = parse_json_object(req);
  domain::validation v;
  json_reader in{body, v};
  const auto username = in.string("username", true, 100);
  const auto password = in.string("password", true, 1000);
  throw_if_invalid(v);

  const auto now = s.clock.now();
  if (const auto wait = s.throttle.blocked_for(*username, now)) {
    problem p{429, "Terlalu banyak percobaan masuk yang gagal; coba lagi nanti / Too many failed logins; try later"};
    p.headers.emplace_back("Retry-After", std::to_string(wait->count()));
    throw p;
  }
  auto tx = s.db.begin(ports::access::write);
  const auto stored = tx->users().find_credentials(*username);
  // Verify even for an unknown user against a fixed hash, so timing does not reveal which names exist.
  static const std::string dummy_hash = hash_password("perkara-dummy-password");
  const bool ok = verify_password(*password, stored ? stored->password_hash : dummy_hash) && stored &&
                  stored->user.active;
  if (!ok) {
    s.throttle.record_failure(*username, now);
    throw problem{401, "Nama pengguna atau kata sandi salah / Wrong username or password"};
  }
  s.throttle.record_success(*username);

  const auto token = new_session_token();
  const auto expires = now + s.config.session_ttl;
  tx->sessions().insert(token_hash(token), ports::stored_session{stored->user.id, now, expires, false});
  auto org = tx->organisations().find(stored->user.organisation);
  if (!org) {
    throw problem{401, "Organisasi pengguna tidak ditemukan / The user's organisation is missing"};
  }
  const caller who{stored->user, *org, token_hash(token), false};
  audit(*tx, who, now, "session.create", "user", who.user.id);
  tx->commit();

  auto user_json = user_to_json(who.user);
  user_json["organisation_name"] = who.organisation.name;
  auto res = json_response(201, boost::json::object{{"token", token},
                                                     {"expires_at", domain::format_rfc3339(expires, org->utc_offset_minutes)},
                                                     {"user", std::move(user_json)}});
  res.set_header("Set-Cookie", session_cookie(s, token, s.config.session_ttl));
  res.set_header("Cache-Control", "no-store");
  return res;
}

response log_out(services& s, const request& req) {
  const auto now = s.clock.now();
  auto tx = s.db.begin(ports::access::write);
  const auto who = authenticate(req, *tx, now);
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
  auto tx = s.db.begin(ports::access::read);
  const auto who = authenticate(req, *tx, s.clock.now());
  auto body = user_to_json(who.user);
  body["organisation"] = organisation_to_json(who.organisation);
  return json_response(200, body);
}

}  // namespace

void register_session_routes(router& r, services& s) {
  r.add("POST", "/api/v1/sessions", policy::public_route, [&s](const request& req, const route_params&) { return log_in(s, req); },
        {.body_limit = 16 * 1024, .requires_json_body = true});
  r.add("DELETE", "/api/v1/sessions/current", policy::signed_in, [&s](const request& req, const route_params&) { return log_out(s, req); });
  r.add("GET", "/api/v1/me", policy::signed_in, [&s](const request& req, const route_params&) { return me(s, req); });
}

}  // namespace perkara::api

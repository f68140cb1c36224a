#pragma once
// Who is calling: resolved from `Authorization: Bearer <token>` or the browser's session cookie.
// authenticate() also enforces the matched route's role policy (api/auth/access_policy.hpp); handlers
// check organisation scope themselves.

#include "api/http/message.hpp"
#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"
#include "domain/ports/database.hpp"

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>

namespace perkara::api {

inline constexpr std::string_view session_cookie_name = "perkara_session";

struct caller {
  domain::user user;
  domain::organisation organisation;
  std::string token_hash;
  bool via_cookie = false;

  [[nodiscard]] bool has_role(domain::role r) const { return user.has_role(r); }
  [[nodiscard]] bool has_any_role(std::initializer_list<domain::role> roles) const;
};

/// The caller, or nullopt without credentials. Bad, expired or revoked credentials throw 401; a write
/// authenticated by cookie without `X-Requested-With: perkara` throws 403 (cross-site forgery guard).
std::optional<caller> try_authenticate(const request& req, ports::transaction& tx, domain::instant now);

/// Like try_authenticate, but no credentials is 401 too, and a caller outside the matched route's
/// access policy (set on the request by the router) is 403.
caller authenticate(const request& req, ports::transaction& tx, domain::instant now);

struct services;
/// The start of a signed-in handler: the clock's now, a transaction of `mode`, and the authenticated
/// caller; `const auto [now, tx, who] = sign_in(s, req, ports::access::read);`.
struct signed_in {
  domain::instant now;
  std::unique_ptr<ports::transaction> tx;
  caller who;
};
signed_in sign_in(services& s, const request& req, ports::access mode);

/// The session token from the Authorization header or cookie, if any.
std::optional<std::string> credential_token(const request& req, bool* via_cookie = nullptr);

}  // namespace perkara::api

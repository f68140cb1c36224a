#include "api/auth/caller.hpp"

#include "api/auth/access_policy.hpp"
#include "api/auth/crypto.hpp"
#include "api/http/problem.hpp"
#include "api/services.hpp"

#include <algorithm>

namespace perkara::api {
namespace {

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    auto pair = header.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') {
      pair.remove_prefix(1);
    }
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string{pair.substr(eq + 1)};
    }
    if (semi == std::string_view::npos) {
      break;
    }
    header.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

bool is_safe_method(std::string_view method) { return method == "GET" || method == "HEAD"; }

}  // namespace

bool caller::has_any_role(std::initializer_list<domain::role> roles) const {
  return std::any_of(roles.begin(), roles.end(), [this](domain::role r) { return has_role(r); });
}

std::optional<std::string> credential_token(const request& req, bool* via_cookie) {
  if (const auto auth = req.header("authorization")) {
    constexpr std::string_view prefix = "Bearer ";
    if (auth->size() <= prefix.size() || auth->substr(0, prefix.size()) != prefix) {
      throw unauthorized();
    }
    if (via_cookie) {
      *via_cookie = false;
    }
    return std::string{auth->substr(prefix.size())};
  }
  if (const auto cookies = req.header("cookie")) {
    if (auto token = cookie_value(*cookies, session_cookie_name)) {
      if (via_cookie) {
        *via_cookie = true;
      }
      return token;
    }
  }
  return std::nullopt;
}

std::optional<caller> try_authenticate(const request& req, ports::transaction& tx, domain::instant now) {
  bool via_cookie = false;
  const auto token = credential_token(req, &via_cookie);
  if (!token) {
    return std::nullopt;
  }
  const auto hash = token_hash(*token);
  // The session, its user and the organisation in one statement; unknown (any of the three), revoked,
  // expired or deactivated: refused alike.
  auto found = tx.sessions().find_caller(hash);
  if (!found || found->session.revoked || now >= found->session.expires_at || !found->user.active) {
    throw unauthorized();
  }
  // A cookie is sent by the browser on its own; a custom header is not, so requiring it on writes
  // stops a cross-site form from acting with the user's session.
  if (via_cookie && !is_safe_method(req.method)) {
    const auto xrw = req.header("x-requested-with");
    if (!xrw || *xrw != "perkara") {
      throw problem{403, "Permintaan dengan cookie wajib memuat header X-Requested-With: perkara / "
                         "Cookie-authenticated writes need X-Requested-With: perkara"};
    }
  }
  return caller{std::move(found->user), std::move(found->organisation), hash, via_cookie};
}

caller authenticate(const request& req, ports::transaction& tx, domain::instant now) {
  auto who = try_authenticate(req, tx, now);
  if (!who) {
    throw unauthorized();
  }
  // The matched route's policy (api/auth/access_policy.hpp): a role outside it is refused here, before
  // the handler reads anything, whatever the handler itself checks.
  if (req.access && !req.access->admits(who->user.roles)) {
    throw forbidden();
  }
  req.access_enforced = true;
  return std::move(*who);
}

signed_in sign_in(services& s, const request& req, ports::access mode) {
  const auto now = s.clock.now();
  auto tx = s.db.begin(mode);
  auto who = authenticate(req, *tx, now);
  return {now, std::move(tx), std::move(who)};
}

}  // namespace perkara::api

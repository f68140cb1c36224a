#pragma once
// Logging in with a username and password (docs/security.md "Login and sessions"). The password is
// checked with no transaction open, so a flood of logins cannot hold SQLite's single writer while
// argon2 runs: credentials and the throttle's state are read first in a read transaction, then the
// outcome is written in a short write transaction (the session, or the failure), audited either way.

#include "api/auth/caller.hpp"
#include "api/services.hpp"

#include <string>

namespace perkara::api {

struct login_success {
  caller who;
  std::string token;  // the session token (only its hash is stored)
  domain::instant expires_at{};
};

/// Creates a session, or throws a problem: 401 for a wrong password, an unknown or inactive user;
/// 429 with Retry-After while the (username, address) pair or the address is throttled; 503 with
/// Retry-After when too many passwords are being checked at once.
login_success log_in_with_password(services& s, const std::string& username, const std::string& password,
                                   const std::string& client_address);

}  // namespace perkara::api

#pragma once
// What handlers reach: storage through the domain's ports, the clock, metrics and settings. The server
// builds one of these and hands it to the application.

#include "api/auth/crypto.hpp"
#include "api/auth/verification_slots.hpp"
#include "domain/auth/login_throttle.hpp"
#include "domain/documents/limits.hpp"
#include "domain/ports/file_store.hpp"
#include "domain/ports/clock.hpp"
#include "domain/ports/database.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace perkara::api {

class metrics;

struct settings {
  std::chrono::seconds session_ttl{std::chrono::hours{12}};
  bool secure_cookies = false;  // add `Secure` to the session cookie (behind TLS)
  domain::login_throttle_policy login_throttle;
  /// Password verifications at once; more logins are answered 503 at once. 0: the server sets two per
  /// core (server/app.cpp).
  std::size_t max_concurrent_verifications = 0;
  /// Checks a password against its stored hash. Tests replace it, e.g. to hold a login inside the
  /// check while they look at what else the server can do meanwhile.
  std::function<bool(std::string_view password, const std::string& hash)> password_check = api::verify_password;
  /// Upload limits of case documents (docs/documents.md "Limits").
  domain::documents::size_limits document_limits;
  /// Whether this server sends email (`--smtp`), for the notice status page (docs/operations.md "Notices").
  bool email_configured = false;
};

struct services {
  ports::database& db;
  const ports::clock& clock;
  metrics& request_metrics;
  settings config;
  verification_slots verifications;
  /// The file store of case documents; null where documents are not served (they answer 503 then).
  ports::file_store* files = nullptr;
};

}  // namespace perkara::api

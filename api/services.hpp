#pragma once
// What handlers reach: storage through the domain's ports, the clock, metrics and settings. The server
// builds one of these and hands it to the application.

#include "api/auth/login_throttle.hpp"
#include "domain/ports/clock.hpp"
#include "domain/ports/database.hpp"

#include <chrono>
#include <string>

namespace perkara::api {

class metrics;

struct settings {
  std::chrono::seconds session_ttl{std::chrono::hours{12}};
  bool secure_cookies = false;  // add `Secure` to the session cookie (behind TLS)
};

struct services {
  ports::database& db;
  const ports::clock& clock;
  metrics& request_metrics;
  settings config;
  login_throttle throttle;
};

}  // namespace perkara::api

#pragma once
// When a login attempt must wait (docs/security.md "Login and sessions"). A soft lockout, never a hard
// one: failures of one (username, client address) pair earn an exponential back-off, so an attacker
// elsewhere slows only himself and the owner, logging in from his own address, is not locked out; and
// failures from one address across all usernames are capped, so spraying many names is throttled too.
// Pure: the caller reads the history from storage and passes `now`.

#include "domain/time/instant.hpp"

#include <chrono>
#include <optional>

namespace perkara::domain {

struct login_throttle_policy {
  int free_attempts = 3;                         // failures of a pair before the first wait
  std::chrono::seconds first_delay{1};           // after free_attempts failures; doubles with each further one
  std::chrono::seconds max_delay{15 * 60};       // the back-off's cap
  int address_cap = 30;                          // failures of one address (all usernames) within the window
  std::chrono::seconds address_window{15 * 60};  // sliding
  std::chrono::seconds pair_memory{24 * 3600};   // a pair's count is forgotten this long after its last failure
};

/// The consecutive failures of one (username, address) pair since its last success.
struct pair_failures {
  int count = 0;
  instant last{};
};

/// What storage knows about an attempt, read before the password is checked.
struct login_history {
  std::optional<pair_failures> pair;
  int address_failures = 0;      // failures of the address within the window ending now
  instant oldest_address_failure{};  // the oldest of those (meaningless when there are none)
};

/// The back-off after `failures` consecutive failures of a pair: zero while they are free.
std::chrono::seconds pair_delay(const login_throttle_policy& policy, int failures);

/// How long the attempt must wait (the Retry-After), or nullopt when it may go ahead. Always at
/// least one second when it must wait.
std::optional<std::chrono::seconds> login_wait(const login_throttle_policy& policy, const login_history& history,
                                               instant now);

}  // namespace perkara::domain

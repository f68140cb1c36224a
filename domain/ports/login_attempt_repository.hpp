#pragma once
// Storage of failed logins for the throttle (domain/auth/login_throttle.hpp). Kept in the database, so
// every server on it sees the same counts.

#include "domain/auth/login_throttle.hpp"

#include <string>

namespace perkara::ports {

class login_attempt_repository {
 public:
  virtual ~login_attempt_repository() = default;
  /// The pair's consecutive failures, and the address's failures after `address_since`.
  virtual domain::login_history history(const std::string& username, const std::string& address,
                                        domain::instant address_since) = 0;
  /// Counts one failure for the pair and for the address, and deletes what has expired: pairs whose
  /// last failure is before `pair_expired_before`, address failures before `address_expired_before`.
  virtual void record_failure(const std::string& username, const std::string& address, domain::instant at,
                              domain::instant pair_expired_before, domain::instant address_expired_before) = 0;
  /// A successful login resets its pair (the address's failures stay counted).
  virtual void clear_pair(const std::string& username, const std::string& address) = 0;
};

}  // namespace perkara::ports

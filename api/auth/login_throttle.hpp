#pragma once
// Repeated failed logins for one username are throttled (429): after `max_failures` failures inside
// `window`, further attempts are refused until the window has passed. In memory, per process.

#include "domain/time/instant.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace perkara::api {

class login_throttle {
 public:
  login_throttle() : login_throttle(5, std::chrono::minutes{15}) {}
  login_throttle(int max_failures, std::chrono::seconds window) : max_failures_(max_failures), window_(window) {}

  /// Seconds to wait if `username` is blocked at `now`, else nullopt.
  std::optional<std::chrono::seconds> blocked_for(const std::string& username, domain::instant now);
  void record_failure(const std::string& username, domain::instant now);
  void record_success(const std::string& username);

 private:
  struct entry {
    int failures = 0;
    domain::instant window_start{};
  };
  int max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, entry> entries_;
};

}  // namespace perkara::api

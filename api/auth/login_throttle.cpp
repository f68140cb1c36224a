#include "api/auth/login_throttle.hpp"

namespace perkara::api {

std::optional<std::chrono::seconds> login_throttle::blocked_for(const std::string& username, domain::instant now) {
  std::lock_guard lock{mutex_};
  const auto it = entries_.find(username);
  if (it == entries_.end() || it->second.failures < max_failures_) {
    return std::nullopt;
  }
  const auto until = it->second.window_start + window_;
  if (now >= until) {
    entries_.erase(it);
    return std::nullopt;
  }
  return std::chrono::duration_cast<std::chrono::seconds>(until - now);
}

void login_throttle::record_failure(const std::string& username, domain::instant now) {
  std::lock_guard lock{mutex_};
  auto& e = entries_[username];
  if (e.failures == 0 || now >= e.window_start + window_) {
    e = entry{0, now};
  }
  ++e.failures;
  // Bound memory under a username-spraying attack: forget everything rather than grow without limit.
  if (entries_.size() > 100000) {
    entries_.clear();
  }
}

void login_throttle::record_success(const std::string& username) {
  std::lock_guard lock{mutex_};
  entries_.erase(username);
}

}  // namespace perkara::api

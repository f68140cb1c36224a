#include "domain/auth/login_throttle.hpp"

#include <algorithm>

namespace perkara::domain {

std::chrono::seconds pair_delay(const login_throttle_policy& policy, int failures) {
  if (failures < policy.free_attempts) {
    return std::chrono::seconds{0};
  }
  // Doubling stops as soon as the cap is reached, so a large count cannot overflow.
  auto delay = policy.first_delay;
  for (int i = policy.free_attempts; i < failures && delay < policy.max_delay; ++i) {
    delay *= 2;
  }
  return std::min(delay, policy.max_delay);
}

std::optional<std::chrono::seconds> login_wait(const login_throttle_policy& policy, const login_history& history,
                                               instant now) {
  std::chrono::seconds wait{0};
  if (history.address_failures >= policy.address_cap) {
    // The window slides: the address may try again when its oldest counted failure leaves it.
    wait = std::max(wait, history.oldest_address_failure + policy.address_window - now);
  }
  if (history.pair && now - history.pair->last < policy.pair_memory) {
    wait = std::max(wait, history.pair->last + pair_delay(policy, history.pair->count) - now);
  }
  if (wait <= std::chrono::seconds{0}) {
    return std::nullopt;
  }
  return wait;
}

}  // namespace perkara::domain

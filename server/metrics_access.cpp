#include "server/metrics_access.hpp"

#include <boost/beast/core/string.hpp>

namespace perkara::server {
namespace {

// Compares without stopping at the first difference, so the time taken does not tell how much of a
// guessed token was right (it depends on the length of the guess only).
bool same_secret(std::string_view given, std::string_view secret) {
  if (secret.empty()) {
    return false;
  }
  unsigned diff = given.size() == secret.size() ? 0U : 1U;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned>(static_cast<unsigned char>(given[i]) ^
                                  static_cast<unsigned char>(secret[i % secret.size()]));
  }
  return diff == 0;
}

bool bearer_matches(std::optional<std::string_view> authorization, std::string_view token) {
  constexpr std::string_view scheme = "Bearer ";
  if (!authorization || authorization->size() <= scheme.size() ||
      !boost::beast::iequals(authorization->substr(0, scheme.size()), scheme)) {
    return false;
  }
  return same_secret(authorization->substr(scheme.size()), token);
}

}  // namespace

metrics_access decide_metrics_access(std::string_view path, bool on_metrics_listener, std::string_view token,
                                     std::optional<std::string_view> authorization) {
  const bool is_metrics = path == metrics_path;
  if (on_metrics_listener) {
    return is_metrics ? metrics_access::serve : metrics_access::not_found;
  }
  if (!is_metrics) {
    return metrics_access::serve;
  }
  if (token.empty()) {
    return metrics_access::not_found;
  }
  return bearer_matches(authorization, token) ? metrics_access::serve : metrics_access::unauthorized;
}

}  // namespace perkara::server

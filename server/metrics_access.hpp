#pragma once
// Who may read /metrics (docs/operations.md, "Metrics"). The numbers tell an outsider how busy the
// service is and which routes fail, so they are for the operator only: on the application listener
// with `Authorization: Bearer <token>` when a token is configured, on the separate metrics listener to
// whoever can reach it (the operator binds it to a private address). Without either there are no
// metrics: no exception for loopback peers, because a reverse proxy on the same host makes every
// client a loopback peer. Kept apart from the Beast session loop so it can be unit-tested.

#include <optional>
#include <string_view>

namespace perkara::server {

inline constexpr std::string_view metrics_path = "/metrics";

enum class metrics_access {
  serve,         // hand the request to the application
  not_found,     // 404, as for any unknown path
  unauthorized,  // 401 with WWW-Authenticate: Bearer (a token is configured; this one is missing or wrong)
};

/// `path` is the decoded request path; `on_metrics_listener` whether the connection came in on the
/// metrics listener (which serves /metrics and nothing else); `token` the configured token (empty =
/// none); `authorization` the request's Authorization header, if any.
metrics_access decide_metrics_access(std::string_view path, bool on_metrics_listener, std::string_view token,
                                     std::optional<std::string_view> authorization);

}  // namespace perkara::server

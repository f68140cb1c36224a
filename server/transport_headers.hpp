#pragma once
// Small transport policies kept apart from the Beast session loop so they can be unit-tested:
// request ids, the security headers every response carries, and the bounded method label for metrics.

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace perkara::server {

/// 16 lower-case hex characters from a per-thread random generator.
std::string make_request_id();

inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The headers set on every response; the CSP is added when `content_type` is HTML. A view of a static
/// table: nothing is allocated per response.
std::span<const std::pair<std::string_view, std::string_view>> security_headers(std::string_view content_type);

/// The method as a metrics label: the standard methods as they are, anything else "OTHER", so a
/// client cannot grow the label set.
std::string_view method_label(std::string_view method);

}  // namespace perkara::server
